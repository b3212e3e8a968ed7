import type { OffsetRange } from '@docmind-docker-lint/fixer';
import { DockerfileParser, type Dockerfile, type Flag, type Instruction, type PropertyInstruction } from 'dockerfile-ast';
import type { SourceFile } from '../source/source-file.js';
import type {
  ArgumentNode,
  CommentNode,
  DockerfileNode,
  ExecForm,
  FlagNode,
  ImageReference,
  InstructionNode,
  ParseProblem,
  StageNode,
} from '../types/nodes.js';
import { expandVariables } from '../utils/expand-variables.js';
import { parseImageReference } from '../utils/image-reference.js';
import { errorMessage } from '../utils/error-message.js';
import { releaseRawArguments } from './dockerfile-ast-arguments.js';

/** Keywords whose arguments may be a JSON array (exec form, or COPY/ADD/VOLUME's JSON form). */
type Range = ReturnType<Instruction['getRange']>;

const EXEC_FORM_KEYWORDS = new Set(['ADD', 'CMD', 'COPY', 'ENTRYPOINT', 'HEALTHCHECK', 'RUN', 'SHELL', 'VOLUME']);

interface MutableInstruction extends Omit<InstructionNode, 'stage'> {
  stage: StageNode | null;
}
interface MutableStage extends Omit<StageNode, 'instructions' | 'range'> {
  instructions: InstructionNode[];
  range: OffsetRange;
}

/**
 * Parses a Dockerfile with dockerfile-ast into the typed model rules see. dockerfile-ast throws on
 * some inputs (and some of its accessors throw later); every such failure becomes a positioned
 * parse problem, and the instructions that could be read are still returned.
 */
export function parseDockerfile(file: SourceFile): DockerfileNode {
  const problems: ParseProblem[] = [];
  let ast: Dockerfile | null = null;
  try {
    ast = DockerfileParser.parse(file.text);
  } catch (error) {
    problems.push({ message: `Dockerfile could not be parsed: ${errorMessage(error)}`, range: [0, 0] });
  }
  const toOffsets = (range: Range): OffsetRange => [
    file.offsetAt(range.start.line, range.start.character),
    file.offsetAt(range.end.line, range.end.character),
  ];

  const node = {
    type: 'Dockerfile',
    file,
    range: [0, file.text.length],
    parseProblems: problems,
    ast,
    instructions: [] as InstructionNode[],
    stages: [] as StageNode[],
    globalArgs: [] as InstructionNode[],
    comments: [] as CommentNode[],
    escapeCharacter: '\\',
  } satisfies DockerfileNode;
  if (!ast) return node;

  node.escapeCharacter = safely(() => ast.getEscapeCharacter(), '\\');
  node.comments.push(...readComments(ast, file, toOffsets));

  const instructions = safely(() => ast.getInstructions(), [] as Instruction[]);
  let stage: MutableStage | null = null;
  for (const instruction of instructions) {
    let built: MutableInstruction;
    try {
      built = buildInstruction(instruction, node, file, toOffsets);
    } catch (error) {
      const range = safely(() => toOffsets(instruction.getRange()), [0, 0] as OffsetRange);
      problems.push({ message: `Instruction could not be parsed: ${errorMessage(error)}`, range });
      continue;
    }
    if (built.keyword === 'FROM') {
      stage = buildStage(built, node, node.stages.length);
      node.stages.push(stage);
    }
    if (stage) {
      built.stage = stage;
      stage.instructions.push(built);
      stage.range = [stage.range[0], built.range[1]];
    } else if (built.keyword === 'ARG') {
      node.globalArgs.push(built);
    }
    node.instructions.push(built);
  }
  // The model is built: dockerfile-ast's argument scans need not live as long as the file (see there).
  for (const instruction of instructions) releaseRawArguments(instruction);
  return node;
}

function buildInstruction(
  instruction: Instruction,
  dockerfile: DockerfileNode,
  file: SourceFile,
  toOffsets: (range: Range) => OffsetRange,
): MutableInstruction {
  const range = toOffsets(instruction.getRange());
  const keywordRange = toOffsets(instruction.getInstructionRange());
  const args: ArgumentNode[] = instruction.getArguments().map((argument) => {
    const argRange = toOffsets(argument.getRange());
    return { value: argument.getValue(), raw: file.slice(argRange), range: argRange };
  });
  // dockerfile-ast's `getArgumentsRange()` spans the same arguments (from the first's start to the
  // last's end): read from them, it costs no other copy of the arguments and no Range objects.
  const argsRange: OffsetRange = args.length > 0 ? [args[0]!.range[0], args[args.length - 1]!.range[1]] : [keywordRange[1], keywordRange[1]];
  const flags: FlagNode[] =
    hasFlags(instruction)
      ? instruction.getFlags().map((flag) => {
          const valueRange = flag.getValueRange();
          return {
            name: flag.getName(),
            value: flag.getValue(),
            range: toOffsets(flag.getRange()),
            valueRange: valueRange ? toOffsets(valueRange) : null,
          };
        })
      : [];
  const keyword = instruction.getKeyword().toUpperCase();
  return {
    type: 'Instruction',
    keyword,
    keywordRange,
    range,
    argsText: file.slice(argsRange),
    argsRange,
    args,
    flags,
    execForm: EXEC_FORM_KEYWORDS.has(keyword) ? readExecForm(file, keyword, args, flags) : null,
    stage: null,
    dockerfile,
    ast: instruction,
  };
}

/**
 * Reads the exec form of an instruction: the text from the first `[` after the flags (and after
 * `CMD` for HEALTHCHECK) to the end must be one valid JSON array of strings. Line continuations are
 * removed before JSON parsing; element ranges map back onto the original text.
 */
function readExecForm(
  file: SourceFile,
  keyword: string,
  args: readonly ArgumentNode[],
  flags: readonly FlagNode[],
): ExecForm | null {
  const afterFlags = flags.length > 0 ? flags[flags.length - 1]!.range[1] : (args[0]?.range[0] ?? -1);
  let first = args.find((argument) => argument.range[0] >= afterFlags);
  if (keyword === 'HEALTHCHECK') {
    if (first?.value.toUpperCase() !== 'CMD') return null;
    first = args[args.indexOf(first) + 1];
  }
  if (!first || !first.raw.startsWith('[')) return null;
  const start = first.range[0];
  const end = args[args.length - 1]!.range[1];
  const raw = file.text.slice(start, end);
  // Map each character kept after removing continuations back to its offset in the file.
  const kept: number[] = [];
  let joined = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\' && /^\\[ \t]*\r?\n/.test(raw.slice(i))) {
      i += /^\\[ \t]*\r?\n/.exec(raw.slice(i))![0].length - 1;
      continue;
    }
    kept.push(start + i);
    joined += raw[i];
  }
  let values: unknown;
  try {
    values = JSON.parse(joined);
  } catch {
    return null;
  }
  if (!Array.isArray(values) || !values.every((value) => typeof value === 'string')) return null;
  const elements = locateJsonStrings(joined).map((location, index) => {
    const startOffset = kept[location.start]!;
    const endOffset = kept[location.end - 1]! + 1;
    return {
      value: values[index] as string,
      range: [startOffset, endOffset] as OffsetRange,
      valueRange: [startOffset + 1, endOffset - 1] as OffsetRange,
    };
  });
  return { range: [start, kept[joined.length - 1]! + 1], elements };
}

/** Start and end (exclusive, quotes included) of each string literal of a valid JSON array. */
function locateJsonStrings(json: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < json.length; i++) {
    if (json[i] !== '"') continue;
    const start = i;
    for (i++; i < json.length && json[i] !== '"'; i++) {
      if (json[i] === '\\') i++;
    }
    out.push({ start, end: i + 1 });
  }
  return out;
}

function buildStage(from: MutableInstruction, dockerfile: DockerfileNode, index: number): MutableStage {
  const args = from.args.filter((argument) => !argument.value.startsWith('--'));
  const imageArg = args[0] ?? null;
  const hasAlias = args.length >= 3 && args[1]!.value.toUpperCase() === 'AS';
  const nameArg = hasAlias ? args[2]! : null;
  const name = nameArg ? nameArg.value : null;
  const parent = imageArg
    ? (dockerfile.stages.find((stage) => stage.name !== null && stage.name.toLowerCase() === imageArg.value.toLowerCase()) ?? null)
    : null;
  return {
    type: 'Stage',
    index,
    name,
    nameRange: nameArg ? nameArg.range : null,
    from: from,
    image: imageArg && !parent ? resolveImage(imageArg, dockerfile, {}) : null,
    parent,
    instructions: [],
    range: from.range,
  };
}

/**
 * The image a FROM argument names, with global ARG defaults (overridden by `buildArgs`) expanded.
 * Exported for rules that re-resolve with Compose build args.
 */
export function resolveImage(
  imageArg: ArgumentNode,
  dockerfile: DockerfileNode,
  buildArgs: Readonly<Record<string, string>>,
): ImageReference {
  const defaults = globalArgDefaults(dockerfile);
  const resolved =
    expandVariables(imageArg.value, (name) => buildArgs[name] ?? defaults.get(name), dockerfile.escapeCharacter) ??
    imageArg.value;
  return { raw: imageArg.value, resolved, range: imageArg.range, ...parseImageReference(resolved) };
}

/** Default values of the ARGs declared before the first FROM, unquoted as the builder reads them. */
export function globalArgDefaults(dockerfile: DockerfileNode): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const arg of dockerfile.globalArgs) {
    for (const property of safely(() => (arg.ast as PropertyInstruction).getProperties(), [])) {
      const value = property.getValue();
      if (value !== null) defaults.set(property.getName(), value);
    }
  }
  return defaults;
}

function readComments(ast: Dockerfile, file: SourceFile, toOffsets: (range: Range) => OffsetRange): CommentNode[] {
  const comments: CommentNode[] = [];
  // Parser directives (`# syntax=`, `# escape=`, `# check=`) are comments too, for pragma handling.
  for (const directive of safely(() => ast.getDirectives(), [])) {
    const line = directive.getRange().start.line;
    const range: OffsetRange = [file.lineStarts[line]!, file.lineEndOffset(line)];
    comments.push({ text: file.slice(range).trim(), range });
  }
  for (const comment of safely(() => ast.getComments(), [])) {
    const range = toOffsets(comment.getRange());
    comments.push({ text: comment.toString(), range });
  }
  return comments.sort((a, b) => a.range[0] - b.range[0]);
}

/** dockerfile-ast gives flags only on instructions that accept them (ModifiableInstruction). */
function hasFlags(instruction: Instruction): instruction is Instruction & { getFlags(): Flag[] } {
  return 'getFlags' in instruction && typeof instruction.getFlags === 'function';
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
