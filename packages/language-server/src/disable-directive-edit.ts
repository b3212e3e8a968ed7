import type { InstructionNode, SourceFile } from '@docmind-docker-lint/core';
import type { TextEdit } from '@docmind-docker-lint/fixer';

const DIRECTIVE = 'docmind-docker-lint-disable-next-line';
// An existing directive line: its rule list (up to a `--` reason) can take one more rule.
const EXISTING_DIRECTIVE = new RegExp(`^(\\s*#\\s*${DIRECTIVE}[ \\t]+)(.*?)([ \\t]+--(?:[ \\t].*)?)?$`);

/**
 * The edit that silences one rule on the line of a problem: a `# docmind-docker-lint-disable-next-line
 * <rule>` comment on a new line above, with that line's indentation. In a Dockerfile the comment goes
 * above the first line of the instruction (a directive covers a whole instruction; a comment between
 * continuation lines would cover only the next one). When a directive for that line is already there,
 * the rule joins its list. `undefined` when the rule is already listed. `instructions` are the
 * Dockerfile's, as the lint parsed them (none for YAML).
 */
export function disableDirectiveEdit(
  source: SourceFile,
  problemOffset: number,
  ruleId: string,
  instructions: readonly InstructionNode[] = [],
): TextEdit | undefined {
  const line0 = firstLineOfStatement(source, problemOffset, instructions);
  const lineStart = source.offsetAt(line0, 0);
  const previous = line0 > 0 ? EXISTING_DIRECTIVE.exec(source.lineText(line0 - 1)) : null;
  if (previous) {
    const listed = (previous[2] ?? '').split(',').map((id) => id.trim());
    if (listed.includes(ruleId)) return undefined;
    const listEnd = source.offsetAt(line0 - 1, 0) + (previous[1] ?? '').length + (previous[2] ?? '').length;
    return { range: [listEnd, listEnd], text: `, ${ruleId}` };
  }
  const indentation = /^[ \t]*/.exec(source.lineText(line0))?.[0] ?? '';
  return { range: [lineStart, lineStart], text: `${indentation}# ${DIRECTIVE} ${ruleId}${source.eol}` };
}

/** The 0-based line where the statement holding an offset starts: its instruction's first line in a Dockerfile. */
function firstLineOfStatement(source: SourceFile, offset: number, instructions: readonly InstructionNode[]): number {
  const line0 = source.positionAt(offset).line - 1;
  const instruction = instructions.find(
    (candidate) => candidate.range[0] <= offset && offset <= candidate.range[1],
  );
  return instruction ? source.positionAt(instruction.range[0]).line - 1 : line0;
}
