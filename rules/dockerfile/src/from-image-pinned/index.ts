import { parseImageReference, type OffsetRange, type StageNode } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { expandWithGlobalArgs } from '../utils/global-args.js';
import { stageNamed } from '../utils/stage-references.js';

export type Options = [
  {
    requireDigest: boolean;
  },
];
export type MessageIds = 'untagged' | 'latestTag' | 'missingDigest';

export default createRule<MessageIds, Options>({
  name: 'from-image-pinned',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require base images to name a version tag other than `latest` (or a digest)',
      recommended: true,
      sources: {
        hadolint: ['DL3006', 'DL3007'],
        checkov: ['CKV_DOCKER_7'],
        trivy: ['DS-0001', 'DS001'],
      },
    },
    messages: {
      untagged:
        '`{{image}}` names no tag, so every build takes whatever `latest` points to that day. Pin a version tag (or a digest).',
      latestTag: '`{{image}}` uses `latest`, which moves with every release of the image. Pin a version tag (or a digest).',
      missingDigest:
        '`{{image}}` is pinned by tag only, and a tag can be pushed again with other content. Add the digest (`@sha256:...`) of the image you tested.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireDigest: {
            description: 'Also require a digest (`image:tag@sha256:...`) on every base image, so a build always gets the same bytes.',
            type: 'boolean',
          },
        },
      },
    ],
    defaultOptions: [{ requireDigest: false }],
  },
  create(context, [options]) {
    return {
      Stage(stage) {
        const image = stage.image;
        if (!image) return;
        const dockerfile = stage.from.dockerfile;
        const expansion = expandWithGlobalArgs(image.raw, dockerfile);
        // A variable the build must supply (or an empty result) leaves nothing to judge here.
        if (expansion.text === null || expansion.text === '' || expansion.unset.length > 0) return;
        const text = expansion.text;
        if (text.toLowerCase() === 'scratch' || namesEarlierStage(stage, text)) return;
        const reference = parseImageReference(text);
        if (reference.digest !== null) return;
        if (reference.tag === null) {
          context.report({ range: image.range, messageId: 'untagged', data: { image: text } });
        } else if (reference.tag === 'latest') {
          context.report({ range: tagRange(image.range, context.sourceFile.slice(image.range), image.raw) ?? image.range, messageId: 'latestTag', data: { image: text } });
        } else if (options.requireDigest) {
          context.report({ range: image.range, messageId: 'missingDigest', data: { image: text } });
        }
      },
    };
  },
});

/** Whether a FROM whose image came out of a variable names an earlier stage (`ARG BASE=build` + `FROM ${BASE}`). */
function namesEarlierStage(stage: StageNode, text: string): boolean {
  return stageNamed(stage.from.dockerfile.stages.slice(0, stage.index), text) !== undefined;
}

/** The range of the `latest` tag when the image is written out plainly; `null` when it comes from a variable or quotes. */
function tagRange(range: OffsetRange, written: string, raw: string): OffsetRange | null {
  if (written !== raw || raw.includes('$')) return null;
  const colon = raw.lastIndexOf(':');
  return [range[0] + colon + 1, range[0] + raw.length];
}
