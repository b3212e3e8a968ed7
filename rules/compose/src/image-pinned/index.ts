import { parseImageReference } from '@docmind-docker-lint/core';
import { createRule } from '../utils/create-rule.js';
import { composeData, scalarText, servicePointer } from '../utils/compose-data.js';

export type Options = [
  {
    /** Tags that do not name a version. */
    prohibitedTags: string[];
  },
];
export type MessageIds = 'missingTag' | 'floatingTag';

export const DEFAULT_PROHIBITED_TAGS = ['latest', 'stable', 'edge', 'test', 'nightly', 'dev', 'beta', 'canary', 'lts'];

export default createRule<MessageIds, Options>({
  name: 'image-pinned',
  meta: {
    type: 'problem',
    docs: {
      description: 'Service images name a version: a tag other than `latest` (and similar moving tags), or a digest.',
      recommended: true,
      sources: { dclint: ['service-image-require-explicit-tag'] },
    },
    messages: {
      missingTag: 'Service "{{service}}" uses the image "{{image}}" without a tag, which means "latest": name a version.',
      floatingTag: 'Service "{{service}}" uses the tag "{{tag}}", which moves from release to release: name a version.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          prohibitedTags: {
            type: 'array',
            items: { type: 'string' },
            description: 'Tags that do not name a version (compared case-insensitively). Replaces the default list.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ prohibitedTags: DEFAULT_PROHIBITED_TAGS }],
  },
  create(context, [options]) {
    const prohibited = new Set(options.prohibitedTags.map((tag) => tag.toLowerCase()));
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const [service, definition] of Object.entries(data.services)) {
          const image = scalarText(definition.image);
          if (image === null || image === '') continue;
          const pointer = servicePointer(service, 'image');
          const range = data.valueRange(pointer);
          if (!range || reported.has(range.join(':'))) continue;
          const interpolation = data.interpolation(pointer);
          const node = data.location(pointer)?.value;
          const raw = node && 'value' in node ? (scalarText(node.value) ?? image) : image;
          const reference = parseImageReference(image);
          if (reference.digest) continue;
          // The tag (or the last part of the name) comes from a variable that is not known here.
          if (interpolation && !interpolation.known && raw.slice(raw.lastIndexOf('/') + 1).includes('$')) continue;
          if (reference.tag === '') continue;
          if (reference.tag === null) {
            reported.add(range.join(':'));
            // The text as written: a value from .env is not printed.
            context.report({ range, messageId: 'missingTag', data: { service, image: raw } });
          } else if (prohibited.has(reference.tag.toLowerCase())) {
            reported.add(range.join(':'));
            context.report({ range, messageId: 'floatingTag', data: { service, tag: reference.tag } });
          }
        }
      },
    };
  },
});
