import { createRule } from '../utils/create-rule.js';

export type Options = [];
export type MessageIds = 'constantPlatform';

export default createRule<MessageIds, Options>({
  name: 'from-platform-no-constant',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow a constant `FROM --platform`, which keeps the image from being built for other platforms',
      recommended: true,
      sources: { hadolint: ['DL3029'], buildkit: ['FromPlatformFlagConstDisallowed'] },
    },
    messages: {
      constantPlatform:
        '`--platform={{value}}` pins this stage to one platform, so `docker build --platform` cannot build the image for another. Use `$BUILDPLATFORM` or `$TARGETPLATFORM`, or drop the flag.',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      FROM(instruction) {
        const flag = instruction.flags.find((candidate) => candidate.name === 'platform');
        if (!flag?.value || !flag.valueRange || flag.value.includes('$')) return;
        const value = flag.value.replace(/^(["'])(.*)\1$/, '$2');
        if (value === '') return;
        // A stage named after the platform (`AS build_arm64`) is deliberately one of several per-platform stages.
        const stageName = instruction.stage?.name?.toLowerCase() ?? '';
        const parts = value.toLowerCase().split('/').filter((part) => part !== '');
        if (stageName !== '' && parts.some((part) => stageName.includes(part))) return;
        context.report({ range: flag.valueRange, messageId: 'constantPlatform', data: { value } });
      },
    };
  },
});
