import { createRule } from './create-rule.js';

/** Base images must name a version: no tag at all, or `latest`, is a moving target. */
export default createRule({
  name: 'no-latest-tag',
  meta: {
    type: 'problem',
    docs: { description: 'Base images must be pinned to a tag other than `latest`.', recommended: true },
    messages: {
      latest: 'Image "{{image}}" uses the latest tag; pin a version.',
      untagged: 'Image "{{image}}" has no tag, which means latest; pin a version.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      Stage(stage) {
        const image = stage.image;
        // `FROM scratch`, an earlier stage (`FROM build`) and pinned digests are fine.
        if (!image || stage.parent || image.digest || image.name === 'scratch') return;
        if (image.tag === 'latest') context.report({ range: image.range, messageId: 'latest', data: { image: image.raw } });
        else if (image.tag === null) context.report({ range: image.range, messageId: 'untagged', data: { image: image.raw } });
      },
    };
  },
});
