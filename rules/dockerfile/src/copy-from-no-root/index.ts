import { isDockerHub, parseImageReference, type InstructionNode, type StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { resolveFromValue } from '../utils/stage-references.js';

export type Options = [
  {
    /** Images made to be copied whole into another image's root. */
    allowImages: string[];
  },
];
export type MessageIds = 'wholeFilesystem';

/** `tonistiigi/xx`: Docker's cross-compilation helpers, a scratch image meant for `COPY --from=xx / /`. */
const DEFAULT_ALLOWED_IMAGES = ['tonistiigi/xx'];

export default createRule<MessageIds, Options>({
  name: 'copy-from-no-root',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow copying the whole filesystem of another stage or image (`COPY --from=x / /`)',
      recommended: true,
      sources: { hadolint: ['DL3067'] },
    },
    messages: {
      wholeFilesystem: 'This copies the entire filesystem of {{from}} into the root: copy the directories the image needs, or build FROM {{from}} instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowImages: {
            description:
              'Images whose whole filesystem may be copied into the root, directly or through a stage built FROM them: repository names without tag (`tonistiigi/xx`, `ghcr.io/org/rootfs`). Replaces the default list.',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ allowImages: DEFAULT_ALLOWED_IMAGES }],
  },
  create(context, [options]) {
    const allowed = new Set(options.allowImages.map(repository));
    return {
      COPY(instruction) {
        const from = instruction.flags.find((flag) => flag.name === 'from');
        if (!from?.value) return;
        const flagsEnd = instruction.flags.at(-1)?.range[1] ?? instruction.argsRange[0];
        const paths = instruction.execForm
          ? instruction.execForm.elements.map((element) => ({ value: element.value, range: element.range }))
          : instruction.args.filter((argument) => argument.range[0] >= flagsEnd);
        if (paths.length !== 2 || paths.some((path) => unquote(path.value) !== '/')) return;
        if (madeToCopyWhole(from.value, instruction, allowed)) return;
        context.report({ range: paths[0]!.range, messageId: 'wholeFilesystem', data: { from: from.value } });
      },
    };
  },
});

/**
 * Whether the source holds only what was put there on purpose: a stage built `FROM scratch` (through
 * the stages it is built on), or an allowed image, named in `--from` or in the FROM of the stage.
 */
function madeToCopyWhole(value: string, instruction: InstructionNode, allowed: ReadonlySet<string>): boolean {
  const target = resolveFromValue(value, instruction);
  if (target.kind === 'image') return allowed.has(repository(value));
  if (target.kind !== 'stage') return false;
  const stages = instruction.dockerfile.stages.slice(0, target.stage.index + 1);
  return stageIsAssembled(target.stage, stages, allowed, new Set());
}

/**
 * A stage whose root is `scratch` or an allowed image. A FROM spelled with a variable that names a
 * stage (`FROM binaries-$TARGETOS`) counts when every earlier stage its spelling can match does.
 */
function stageIsAssembled(stage: StageNode, earlier: readonly StageNode[], allowed: ReadonlySet<string>, seen: Set<StageNode>): boolean {
  if (seen.has(stage)) return false;
  seen.add(stage);
  if (stage.parent) return stageIsAssembled(stage.parent, earlier, allowed, seen);
  const image = stage.image;
  if (!image) return false;
  if (image.raw.toLowerCase() === 'scratch' || image.resolved.toLowerCase() === 'scratch') return true;
  if (allowed.has(repository(image.resolved))) return true;
  if (!image.raw.includes('$')) return false;
  const spelling = new RegExp(`^${image.raw.split(/\$\{[^}]*\}|\$\w+/).map(escapeRegExp).join('.*')}$`, 'i');
  const candidates = earlier.filter((other) => other !== stage && other.index < stage.index && other.name !== null && spelling.test(other.name));
  return candidates.length > 0 && candidates.every((candidate) => stageIsAssembled(candidate, earlier, allowed, new Set(seen)));
}

/** The repository of an image reference, without tag or digest; Docker Hub's names and `library/` dropped. */
function repository(reference: string): string {
  const parsed = parseImageReference(reference.toLowerCase());
  return isDockerHub(parsed) ? parsed.name : `${parsed.registry}/${parsed.name}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The shell-form word without one pair of wrapping quotes (`"/"` names `/`). */
function unquote(word: string): string {
  return /^(["']).*\1$/s.test(word) && word.length >= 2 ? word.slice(1, -1) : word;
}
