import type { InstructionNode, OffsetRange } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { stageLineage } from '../utils/stage-workdirs.js';

export type Options = [];
export type MessageIds = 'nonNumericUser';

/** Windows images name their users (`ContainerUser`); numeric ids do not apply there. */
const WINDOWS_IMAGE = /windows|nanoserver|servercore/i;

export default createRule<MessageIds, Options>({
  name: 'user-numeric-id',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require the USER the container runs as to be a numeric UID (and GID)',
      recommended: false,
      sources: { hadolint: ['DL3066'] },
    },
    messages: {
      nonNumericUser:
        "USER {{user}}: the container runs as a user named only inside the image, so the host and Kubernetes (`runAsNonRoot`) cannot tell whether it is root; give the numeric {{ids}}.",
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Dockerfile:exit'(dockerfile) {
        const finalStage = dockerfile.stages[dockerfile.stages.length - 1];
        if (finalStage && WINDOWS_IMAGE.test(stageLineage(finalStage)[0]?.image?.name ?? '')) return;
        const candidates = finalStage
          ? stageLineage(finalStage).flatMap((stage) => stage.instructions)
          : dockerfile.instructions;
        const user = candidates.filter((instruction) => instruction.keyword === 'USER').at(-1);
        if (!user) return;
        const named = namedParts(user);
        if (!named) return;
        context.report({
          range: named.range,
          messageId: 'nonNumericUser',
          data: { user: context.sourceFile.text.slice(...named.range), ids: named.ids },
        });
      },
    };
  },
});

/**
 * The part of `USER user[:group]` that is a name rather than a number (both parts when both are),
 * or `null` when every part is numeric or spelled with a variable (its value is not known here).
 */
function namedParts(instruction: InstructionNode): { range: OffsetRange; ids: string } | null {
  const word = instruction.args[0];
  if (!word || instruction.args.length !== 1) return null;
  const quoted = /^(["'])(.*)\1$/.exec(word.raw) !== null;
  const start = word.range[0] + (quoted ? 1 : 0);
  const inner = quoted ? word.raw.slice(1, -1) : word.raw;
  const colon = inner.indexOf(':');
  const parts = colon < 0 ? [{ text: inner, from: 0 }] : [{ text: inner.slice(0, colon), from: 0 }, { text: inner.slice(colon + 1), from: colon + 1 }];
  const named = parts.filter((part) => part.text !== '' && !/^\d+$/.test(part.text) && !part.text.includes('$'));
  const first = named[0];
  const last = named[named.length - 1];
  if (!first || !last) return null;
  const ids = named.length === 2 ? 'UID and GID' : first.from > 0 ? 'GID' : 'UID';
  return { range: [start + first.from, start + last.from + last.text.length], ids };
}
