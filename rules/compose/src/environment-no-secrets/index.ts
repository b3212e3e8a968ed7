import { hasInterpolation, secretNameMatcher, type OffsetRange, secretNameOptionSchemas } from '@docmind-docker-lint/core';
import { isScalar, Scalar } from 'yaml';
import { createRule } from '../utils/create-rule.js';
import { composeData, isData, servicePointer, type ComposeData } from '../utils/compose-data.js';

export type Options = [
  {
    secretNames: string[];
    allowedNames: string[];
  },
];
export type MessageIds = 'literalSecret' | 'useVariable';

/** One literal environment value of a service, as written. */
interface LiteralValue {
  readonly service: string;
  readonly name: string;
  readonly value: string;
  readonly range: OffsetRange;
  /** The text that replaces the value with a variable of the same name; `null` when that is not safe. */
  readonly replacement: string | null;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Values that are switches or modes, not secrets (`REDIS_AUTH: "false"`, `VNC_NO_PASSWORD=1`,
 * `REGISTRY_AUTH=htpasswd`), masks that stand for a secret (`******`), and secrets Compose
 * already mounts from files.
 */
const NOT_A_SECRET = /^(?:[01]|true|false|yes|no|on|off|none|enabled?|disabled?|htpasswd|[*xX.]+|\/run\/secrets\/.*)$/i;

export default createRule<MessageIds, Options>({
  name: 'environment-no-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Secret-looking `environment` values (passwords, tokens, keys) are not written in the Compose file: they come from `secrets:`, an `env_file` or variables.',
      recommended: true,
      sources: { kics: ['a88baa34-e2ad-44ea-ad6f-8cac87bc7c71'] },
    },
    messages: {
      literalSecret:
        'Service "{{service}}" sets {{name}} to a value written in the Compose file (***): everyone who can read the file, its history or `docker inspect` sees it. Pass it as a secret (`secrets:`, read from /run/secrets), or from an `env_file` or `.env` kept out of version control.',
      useVariable: 'Replace the value with {{variable}} and put {{name}} in the `.env` file beside this one (kept out of version control).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ...secretNameOptionSchemas('Variable names'),
        },
      },
    ],
    defaultOptions: [{ secretNames: [], allowedNames: [] }],
    hasSuggestions: true,
  },
  create(context, [options]) {
    const isSecretName = secretNameMatcher(options);
    const reported = new Set<string>();
    return {
      ComposeFile(compose) {
        const data = composeData(compose, context.project);
        if (!data) return;
        for (const literal of literalValues(data, context.sourceFile.text)) {
          if (!isSecretName(literal.name) || literal.value.trim() === '' || NOT_A_SECRET.test(literal.value.trim())) continue;
          if (hasInterpolation(literal.value) || reported.has(literal.range.join())) continue;
          reported.add(literal.range.join());
          const { replacement, range, name } = literal;
          context.report({
            range,
            messageId: 'literalSecret',
            data: { service: literal.service, name },
            // Output that copies the file's text (JSON source, fixes, diffs) masks the value.
            secretRanges: [range],
            suggest:
              replacement === null
                ? []
                : [{ messageId: 'useVariable', data: { name, variable: `\${${name}}` }, fix: (fixer) => fixer.replaceTextRange(range, replacement) }],
          });
        }
      },
    };
  },
});

/** The environment values of every service, map and list form, as written before interpolation. */
function literalValues(data: ComposeData, text: string): LiteralValue[] {
  const out: LiteralValue[] = [];
  for (const [service, definition] of Object.entries(data.services)) {
    const environment = definition.environment;
    if (isData(environment)) {
      for (const name of Object.keys(environment)) {
        const pointer = servicePointer(service, 'environment', name);
        const node = data.location(pointer)?.value;
        const range = data.valueRange(pointer);
        if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number') || !range) continue;
        out.push({ service, name, value: String(node.value), range, replacement: mapReplacement(node, name) });
      }
    } else if (Array.isArray(environment)) {
      environment.forEach((_, index) => {
        const pointer = servicePointer(service, 'environment', index);
        const node = data.location(pointer)?.value;
        const range = data.valueRange(pointer);
        if (!isScalar(node) || typeof node.value !== 'string' || !range) return;
        const equals = node.value.indexOf('=');
        if (equals <= 0) return;
        const name = node.value.slice(0, equals);
        const value = node.value.slice(equals + 1);
        // The value's own bytes, when the item is written as it reads (no escapes or folding).
        const source = text.slice(range[0], range[1]);
        const at = source.indexOf(node.value);
        const valueRange: OffsetRange | null = at === -1 || value === '' ? null : [range[0] + at + equals + 1, range[0] + at + node.value.length];
        out.push({
          service,
          name,
          value,
          range: valueRange ?? range,
          replacement: valueRange && VARIABLE_NAME.test(name) ? `\${${name}}` : null,
        });
      });
    }
  }
  return out;
}

/** `${NAME}` in the value's own quoting; `null` for block scalars and names that are not variable names. */
function mapReplacement(node: Scalar, name: string): string | null {
  if (!VARIABLE_NAME.test(name)) return null;
  switch (node.type) {
    case Scalar.PLAIN:
      return `\${${name}}`;
    case Scalar.QUOTE_DOUBLE:
      return `"\${${name}}"`;
    case Scalar.QUOTE_SINGLE:
      return `'\${${name}}'`;
    default:
      return null;
  }
}
