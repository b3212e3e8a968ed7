import type { DockerfileNode, InstructionNode, SourceFile, StageNode, SuggestionReport } from '@docmind-docker-lint/core';
import { distance } from 'fastest-levenshtein';
import { createRule } from '../utils/create-rule.js';
import { expandWithGlobalArgs, globalArgs, PLATFORM_ARGS } from '../utils/global-args.js';
import { instructionProperties } from '../utils/instruction-properties.js';
import { stageNamed } from '../utils/stage-references.js';
import { variableReferences } from '../utils/variable-references.js';
import { expandedWords, referencesIn, type LocatedReference } from './expanded-words.js';

export type Options = [
  {
    externalImages: 'likely-typos' | 'all';
    definedVariables: string[];
  },
];
export type MessageIds =
  | 'undefined'
  | 'undefinedDidYouMean'
  | 'definedLater'
  | 'sameInstruction'
  | 'globalArg'
  | 'builtinArg'
  | 'useName'
  | 'declareArg';

/** The proxy ARGs the builder predefines: RUN sees them without a declaration, other instructions do not. */
const PROXY_ARGS: ReadonlySet<string> = new Set(
  ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((name) => [name, name.toLowerCase()]),
);

/** What a stage starts from, for the variables it inherits. */
type StageBase = { readonly kind: 'stage'; readonly stage: StageNode } | { readonly kind: 'scratch' } | { readonly kind: 'image' };

/** The variables a stage defines by its end, and what its chain of stages starts from. */
interface StageScope {
  readonly names: ReadonlySet<string>;
  /** The chain starts from `scratch`: no image ENV this linter cannot see. */
  readonly known: boolean;
  /** Variables in the image reference of the chain's first FROM (`php:${PHP_VERSION}`). */
  readonly imageVariables: ReadonlySet<string>;
}

export default createRule<MessageIds, Options>({
  name: 'variable-defined',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require variables that the builder expands (COPY, ENV, WORKDIR, ...) to be defined by an ARG or ENV before use',
      recommended: true,
      sources: { buildkit: ['UndefinedVar'] },
    },
    messages: {
      undefined: '`${{name}}` is not defined here: no ARG or ENV before this instruction sets it, so it expands to an empty string.',
      undefinedDidYouMean: '`${{name}}` is not defined here, so it expands to an empty string. Did you mean `${{candidate}}`?',
      definedLater: '`${{name}}` is used before line {{line}} defines it, so it expands to an empty string here.',
      sameInstruction:
        '`${{name}}` is set by this same ENV, which expands all its values before setting any: here it is still undefined. Move it to an ENV of its own above.',
      globalArg:
        '`{{name}}` is an ARG declared before the first FROM, which only FROM lines see; declare `ARG {{name}}` in this stage to use its value here.',
      builtinArg: '`{{name}}` is set by the builder, but a stage sees it only after an `ARG {{name}}` line; here it is empty.',
      useName: 'Use `${{candidate}}`.',
      declareArg: 'Declare `ARG {{name}}` at the start of this stage.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          externalImages: {
            description:
              "What to report in stages built on an image from a registry, whose ENV this linter cannot see: `likely-typos` (names one or two letters from a defined one, names defined only later, and ARGs that need a declaration in the stage) or `all` (every name the Dockerfile does not define, as if the image set none but PATH).",
            type: 'string',
            enum: ['likely-typos', 'all'],
          },
          definedVariables: {
            description: 'Names to treat as always defined, such as variables your base images set with ENV (`JAVA_HOME`, `PYTHON_VERSION`).',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ externalImages: 'likely-typos', definedVariables: [] }],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const source = context.sourceFile;
    return {
      Dockerfile(dockerfile) {
        const globals = globalArgs(dockerfile);
        const scopes = new Map<StageNode, StageScope>();
        for (const stage of dockerfile.stages) {
          const base = stageBase(stage, dockerfile);
          const parentScope = base.kind === 'stage' ? scopes.get(base.stage) : undefined;
          const names = new Set<string>(['PATH', ...options.definedVariables, ...(parentScope?.names ?? [])]);
          if (base.kind === 'stage') for (const name of onbuildDefinitions(base.stage)) names.add(name);
          const known = base.kind === 'scratch' || (parentScope?.known ?? false);
          const imageVariables = parentScope?.imageVariables ?? fromImageVariables(stage);
          const definitions = stageDefinitions(stage);

          const check = (reference: LocatedReference, instruction: InstructionNode, selfReference: boolean): void => {
            if (names.has(reference.name)) return;
            const verdict = judge(reference.name, instruction, selfReference);
            if (!known && !verdict.likelyMistake && options.externalImages === 'likely-typos') return;
            report(reference, stage, verdict);
          };

          const judge = (name: string, instruction: InstructionNode, selfReference: boolean): Verdict => {
            const later = selfReference ? null : definitionFrom(definitions, instruction, name);
            if (later === 'same') return { messageId: 'sameInstruction', data: { name }, likelyMistake: true };
            if (later !== null) return { messageId: 'definedLater', data: { name, line: later }, likelyMistake: true };
            if (globals.has(name)) {
              // An image whose tag comes from this ARG often sets an ENV of the same name (`php:${PHP_VERSION}`
              // sets PHP_VERSION), which the builder would use; `ARG NAME=${NAME}` never inherits the global one.
              const likelyMistake = (selfReference && instruction.keyword === 'ARG') || !imageVariables.has(name);
              return { messageId: 'globalArg', data: { name }, likelyMistake, declare: true };
            }
            if (PLATFORM_ARGS.has(name) || PROXY_ARGS.has(name)) return { messageId: 'builtinArg', data: { name }, likelyMistake: true, declare: true };
            const candidate = closestName(name, [...names]);
            if (candidate !== undefined) {
              return { messageId: 'undefinedDidYouMean', data: { name, candidate }, likelyMistake: isLikelyTypo(name, candidate), candidate };
            }
            return { messageId: 'undefined', data: { name }, likelyMistake: false };
          };

          for (const instruction of stage.instructions.slice(1)) {
            if (instruction.keyword === 'ENV') {
              const properties = instructionProperties(instruction);
              for (const property of properties) {
                const words = [property.nameRange, ...(property.valueRange ? [property.valueRange] : [])];
                for (const range of words) {
                  for (const reference of referencesIn({ range, text: source.slice(range), exact: true }, dockerfile.escapeCharacter)) {
                    check(reference, instruction, range === property.valueRange && reference.name === property.name);
                  }
                }
              }
              for (const property of properties) names.add(property.name);
            } else if (instruction.keyword === 'ARG') {
              for (const property of instructionProperties(instruction)) {
                const range = property.valueRange;
                if (range) {
                  for (const reference of referencesIn({ range, text: source.slice(range), exact: true }, dockerfile.escapeCharacter)) {
                    check(reference, instruction, reference.name === property.name);
                  }
                }
                names.add(property.name);
              }
            } else {
              for (const word of expandedWords(instruction)) {
                for (const reference of referencesIn(word, dockerfile.escapeCharacter)) check(reference, instruction, false);
              }
            }
          }
          scopes.set(stage, { names, known, imageVariables });
        }
      },
    };

    function report(reference: LocatedReference, stage: StageNode, verdict: Verdict): void {
      const suggest: SuggestionReport<MessageIds>[] = [];
      const { candidate } = verdict;
      if (candidate !== undefined && reference.nameRange) {
        const nameRange = reference.nameRange;
        suggest.push({ messageId: 'useName', data: { candidate }, fix: (fixer) => fixer.replaceTextRange(nameRange, candidate) });
      }
      const declarationPoint = verdict.declare ? lineAfter(stage.from, source) : null;
      if (declarationPoint !== null) {
        suggest.push({
          messageId: 'declareArg',
          data: { name: reference.name },
          fix: (fixer) => fixer.insertTextBeforeRange([declarationPoint, declarationPoint], `ARG ${reference.name}${source.eol}`),
        });
      }
      context.report({ range: reference.range, messageId: verdict.messageId, data: verdict.data, suggest });
    }
  },
});

interface Verdict {
  readonly messageId: MessageIds;
  readonly data: Readonly<Record<string, string | number>>;
  /** Worth reporting even when the base image's ENV is unknown. */
  readonly likelyMistake: boolean;
  readonly candidate?: string;
  /** An `ARG <name>` in the stage would make it defined. */
  readonly declare?: boolean;
}

/**
 * What a stage is built on, as BuildKit resolves its FROM: an earlier stage (by name, also after
 * expanding global ARGs), `scratch`, or an image whose ENV is unknown here.
 */
function stageBase(stage: StageNode, dockerfile: DockerfileNode): StageBase {
  if (stage.parent) return { kind: 'stage', stage: stage.parent };
  const image = stage.from.args.find((argument) => !argument.value.startsWith('--'));
  if (!image) return { kind: 'image' };
  const resolved = expandWithGlobalArgs(image.value, dockerfile).text;
  if (resolved === null) return { kind: 'image' };
  if (resolved.toLowerCase() === 'scratch') return { kind: 'scratch' };
  const named = stageNamed(dockerfile.stages.slice(0, stage.index), resolved);
  return named ? { kind: 'stage', stage: named } : { kind: 'image' };
}

/** The variables the image reference of a stage's FROM uses. */
function fromImageVariables(stage: StageNode): Set<string> {
  const image = stage.from.args.find((argument) => !argument.value.startsWith('--'));
  const references = image ? variableReferences(image.value, stage.from.dockerfile.escapeCharacter) : [];
  return new Set(references.map((reference) => reference.name));
}

/** Names an `ONBUILD ENV` or `ONBUILD ARG` of a stage defines in the stages built on it. */
function onbuildDefinitions(stage: StageNode): Set<string> {
  const names = new Set<string>();
  for (const instruction of stage.instructions) {
    const keyword = instruction.args[0]?.value.toUpperCase();
    if (instruction.keyword !== 'ONBUILD' || (keyword !== 'ENV' && keyword !== 'ARG')) continue;
    const words = instruction.args.slice(1);
    const legacy = keyword === 'ENV' && !words[0]?.value.includes('=');
    for (const word of legacy ? words.slice(0, 1) : words) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(word.value)?.[0];
      if (name) names.add(name);
    }
  }
  return names;
}

/** An ARG or ENV of a stage that sets a name. */
interface Definition {
  readonly instruction: InstructionNode;
  readonly line: number;
}

/** Every name the ARG and ENV instructions of a stage set, with where, in file order. */
function stageDefinitions(stage: StageNode): Map<string, Definition[]> {
  const definitions = new Map<string, Definition[]>();
  const source = stage.from.dockerfile.file;
  for (const instruction of stage.instructions) {
    if (instruction.keyword !== 'ENV' && instruction.keyword !== 'ARG') continue;
    for (const property of instructionProperties(instruction)) {
      const list = definitions.get(property.name) ?? [];
      list.push({ instruction, line: source.positionAt(property.nameRange[0]).line });
      definitions.set(property.name, list);
    }
  }
  return definitions;
}

/**
 * Where the stage defines `name` from `instruction` on: `'same'` when this very ENV sets it (ENV
 * expands all its values first), else the line of the first later ARG or ENV; `null` when none does.
 */
function definitionFrom(definitions: ReadonlyMap<string, readonly Definition[]>, instruction: InstructionNode, name: string): 'same' | number | null {
  for (const definition of definitions.get(name) ?? []) {
    if (definition.instruction.range[0] < instruction.range[0]) continue;
    if (definition.instruction !== instruction) return definition.line;
    // ARG sets its names one by one: a name further along the same line is defined later.
    return instruction.keyword === 'ENV' ? 'same' : definition.line;
  }
  return null;
}

/**
 * The defined name BuildKit would suggest: the same letters in another case, else the first with
 * the fewest edits, at most two.
 */
function closestName(name: string, defined: readonly string[]): string | undefined {
  const sameLetters = defined.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (sameLetters !== undefined) return sameLetters;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of defined) {
    // The length difference is a lower bound of the edits: skip the candidates that cannot be close.
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const edits = distance(name, candidate);
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  return best;
}

/**
 * Whether a name is most likely a misspelling of `candidate` rather than a variable of its own that
 * a base image may set: another case, one edit (two for names of six letters or more), and neither
 * name contained in the other (`GOPATH` is no misspelt `PATH`).
 */
function isLikelyTypo(name: string, candidate: string): boolean {
  if (name.toLowerCase() === candidate.toLowerCase()) return true;
  if (name.includes(candidate) || candidate.includes(name)) return false;
  return distance(name, candidate) <= (name.length >= 6 ? 2 : 1);
}

/** The offset where the line after an instruction starts; `null` when it ends the file. */
function lineAfter(instruction: InstructionNode, source: SourceFile): number | null {
  return source.lineStarts[source.positionAt(instruction.range[1]).line] ?? null;
}
