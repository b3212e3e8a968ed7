import { createRule } from '../utils/create-rule.js';
import { composeData, servicePointer } from '../utils/compose-data.js';

export type Options = [
  {
    /** Allow `build` with `image` when `pull_policy` says which one wins. */
    checkPullPolicy: boolean;
  },
];
export type MessageIds = 'buildAndImage';

export default createRule<MessageIds, Options>({
  name: 'service-build-or-image',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'A service either builds its image or pulls one, unless `pull_policy` says which wins.',
      recommended: false,
      sources: { dclint: ['no-build-and-image'] },
    },
    messages: {
      buildAndImage: 'Service "{{service}}" has both "build" and "image": whether it is built or pulled depends on what the registry holds. Keep one, or set "pull_policy" ({{policies}}).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkPullPolicy: {
            type: 'boolean',
            description: 'Allow `build` with `image` when the service sets `pull_policy` (then `image` is only the name of the built image, or explicitly the one pulled).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkPullPolicy: true }],
  },
  create(context, [options]) {
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const [service, definition] of Object.entries(data.services)) {
          if (definition.build === undefined || definition.image === undefined) continue;
          if (options.checkPullPolicy && definition.pull_policy !== undefined) continue;
          const range = data.keyRange(servicePointer(service, 'build'));
          if (!range) continue;
          context.report({ range, messageId: 'buildAndImage', data: { service, policies: '"build" or "missing"' } });
        }
      },
    };
  },
});
