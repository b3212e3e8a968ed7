import { createRule } from '../utils/create-rule.js';

export type Options = [
  {
    labelKey: string;
  },
];
export type MessageIds = 'maintainer';

export default createRule<MessageIds, Options>({
  name: 'no-maintainer',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow the deprecated `MAINTAINER` instruction; use a label instead',
      recommended: true,
      sources: {
        hadolint: ['DL4000'],
        buildkit: ['MaintainerDeprecated'],
        checkov: ['CKV_DOCKER_6'],
        trivy: ['DS-0022', 'DS022'],
      },
    },
    messages: {
      maintainer: 'MAINTAINER is deprecated: record the author with `LABEL {{labelKey}}="..."` instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          labelKey: {
            description: 'The label the fix writes the maintainer into (for example `maintainer`, which Checkov suggests).',
            type: 'string',
            pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
          },
        },
      },
    ],
    defaultOptions: [{ labelKey: 'org.opencontainers.image.authors' }],
    fixable: 'code',
  },
  create(context, [options]) {
    const source = context.sourceFile;
    return {
      MAINTAINER(instruction) {
        const escape = instruction.dockerfile.escapeCharacter;
        const written = instruction.argsText.trim();
        // MAINTAINER takes the rest of its line literally; a continued line would need its own reading.
        const singleLine = written !== '' && !/[\r\n]/.test(written);
        const keyword = source.slice(instruction.keywordRange);
        const label = keyword === keyword.toLowerCase() ? 'label' : 'LABEL';
        context.report({
          range: instruction.range,
          messageId: 'maintainer',
          data: { labelKey: options.labelKey },
          fix: singleLine
            ? (fixer) =>
                fixer.replaceTextRange(
                  [instruction.keywordRange[0], instruction.argsRange[1]],
                  `${label} ${options.labelKey}="${quoteLabelValue(unwrapQuotes(written), escape)}"`,
                )
            : null,
        });
      },
    };
  },
});

/** `"Jane Doe"` names Jane Doe: one pair of wrapping double quotes is not part of the name. */
function unwrapQuotes(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') && !text.slice(1, -1).includes('"') ? text.slice(1, -1) : text;
}

/** Escapes what a double-quoted LABEL value would interpret: quotes, the escape character and `$`. */
function quoteLabelValue(value: string, escape: string): string {
  let out = '';
  for (const character of value) out += character === '"' || character === '$' || character === escape ? `${escape}${character}` : character;
  return out;
}
