import { createRule } from '../utils/create-rule.js';
import { expandWithGlobalArgs, globalArgs, PLATFORM_ARGS } from '../utils/global-args.js';
import { variableReferences } from '../utils/variable-references.js';
import { isValidImageReference } from './image-reference-syntax.js';

export type Options = [];
export type MessageIds = 'invalidDefault';

export default createRule<MessageIds, Options>({
  name: 'from-arg-default-valid',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the ARG defaults used in a FROM image to make a valid image reference',
      recommended: true,
      sources: { buildkit: ['InvalidDefaultArgInFrom'] },
    },
    messages: {
      invalidDefault:
        'With the ARG defaults, `{{image}}` becomes `{{expanded}}`, which is no valid image name: a build without `--build-arg` fails. Give {{names}} a default.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      Dockerfile(dockerfile) {
        const declared = globalArgs(dockerfile);
        for (const stage of dockerfile.stages) {
          const image = stage.image;
          if (!image) continue;
          const references = variableReferences(image.raw, dockerfile.escapeCharacter);
          if (references.length === 0) continue;
          const expansion = expandWithGlobalArgs(image.raw, dockerfile, declared);
          if (expansion.text === null || isValidImageReference(expansion.text)) continue;
          const withoutDefault = [
            ...new Set(references.map((reference) => reference.name).filter((name) => declared.get(name)?.value === undefined && !PLATFORM_ARGS.has(name))),
          ];
          const names = withoutDefault.length > 0 ? withoutDefault : [...new Set(references.map((reference) => reference.name))];
          context.report({
            range: image.range,
            messageId: 'invalidDefault',
            data: { image: image.raw, expanded: expansion.text, names: names.map((name) => `\`${name}\``).join(', ') },
          });
        }
      },
    };
  },
});
