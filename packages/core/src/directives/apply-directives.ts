import type { LineColumn } from '../source/source-file.js';
import type { LintMessage, Severity } from '../types/results.js';
import type { RuleSources } from '../types/rule.js';
import type { Directive } from './directive.js';

/** The peer ids a rule covers (`meta.docs.sources`), or `undefined` for an unknown rule. */
export type RuleSourcesOf = (ruleId: string) => Pick<RuleSources, 'hadolint' | 'buildkit'> | undefined;

export interface ApplyDirectivesOptions {
  /** Severity of the problems reported for our directives that silenced nothing; 0 reports none. */
  readonly reportUnused: Severity;
}

export interface AppliedDirectives {
  /** The problems no directive silenced, in their original order. */
  readonly messages: LintMessage[];
  /** The problems a directive silenced. */
  readonly suppressed: LintMessage[];
  /** One problem per rule named in one of our directives that silenced nothing (`ruleId: null`). */
  readonly unused: LintMessage[];
}

const ALL_RULES = '';

/**
 * Filters problems through inline directives. A problem is silenced by a directive that covers its
 * line and names its rule: by id, or by a peer id the rule lists in `meta.docs.sources` (hadolint
 * codes, BuildKit check names). Fatal problems are never silenced.
 *
 * When several directives silence one problem, the most specific one (a line directive before a
 * file directive, then the first written) is the one that counts as used.
 */
export function applyDirectives(
  messages: readonly LintMessage[],
  directives: readonly Directive[],
  ruleSources: RuleSourcesOf,
  options: ApplyDirectivesOptions,
  positionAt: (offset: number) => LineColumn,
): AppliedDirectives {
  const byPrecedence = [...directives].sort((a, b) => Number(a.lines === null) - Number(b.lines === null));
  const used = new Map<Directive, Set<string>>();
  const kept: LintMessage[] = [];
  const suppressed: LintMessage[] = [];
  for (const message of messages) {
    const silencer = message.ruleId === null || message.fatal ? undefined : findSilencer(message, message.ruleId);
    if (!silencer) {
      kept.push(message);
      continue;
    }
    suppressed.push(message);
    const ids = used.get(silencer.directive) ?? new Set<string>();
    ids.add(silencer.id);
    used.set(silencer.directive, ids);
  }
  return { messages: kept, suppressed, unused: options.reportUnused > 0 ? reportUnused() : [] };

  function findSilencer(message: LintMessage, ruleId: string): { directive: Directive; id: string } | undefined {
    const sources = ruleSources(ruleId);
    for (const directive of byPrecedence) {
      if (directive.lines && (message.line < directive.lines.startLine || message.line > directive.lines.endLine)) {
        continue;
      }
      if (directive.ids.length === 0) return { directive, id: ALL_RULES };
      const id = directive.ids.find((candidate) => names(directive, candidate, ruleId, sources, message.code));
      if (id !== undefined) return { directive, id };
    }
    return undefined;
  }

  function reportUnused(): LintMessage[] {
    const severity = options.reportUnused as 1 | 2;
    const unused: LintMessage[] = [];
    for (const directive of directives) {
      if (directive.origin !== 'docmind') continue;
      const usedIds = used.get(directive);
      const ids = directive.ids.length === 0 ? [ALL_RULES] : directive.ids;
      for (const id of ids) {
        if (usedIds?.has(id)) continue;
        const start = positionAt(directive.range[0]);
        const end = positionAt(directive.range[1]);
        unused.push({
          ruleId: null,
          severity,
          message:
            id === ALL_RULES
              ? 'Unused docmind-docker-lint-disable directive (no problems were reported).'
              : `Unused docmind-docker-lint-disable directive (no problems were reported from '${id}').`,
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          range: [directive.range[0], directive.range[1]],
        });
      }
    }
    return unused;
  }
}

/**
 * Whether an id written in a directive names a problem's rule. Our directives accept peer ids too, as
 * configs do; ours and hadolint's also name a single wrapped check by the problem's `code` (`SC2086`).
 */
function names(
  directive: Directive,
  id: string,
  ruleId: string,
  sources: Pick<RuleSources, 'hadolint' | 'buildkit'> | undefined,
  code: string | undefined,
): boolean {
  switch (directive.origin) {
    case 'docmind':
      return id === ruleId || id === code || !!sources?.hadolint?.includes(id) || !!sources?.buildkit?.includes(id);
    case 'hadolint':
      return id === code || !!sources?.hadolint?.includes(id);
    case 'buildkit':
      return !!sources?.buildkit?.includes(id);
  }
}
