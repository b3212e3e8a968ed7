import { nodeRange, type OffsetRange, type ValueLocation } from '@docmind-docker-lint/core';
import { isScalar } from 'yaml';
import { composeFileValue } from '../utils/compose-data.js';
import { createRule } from '../utils/create-rule.js';
import { foldLegacyFormat } from './legacy-format.js';
import { describeSchemaErrors, type SchemaMessageId } from './schema-problems.js';
import { validateComposeData } from './validator.js';

export type Options = [];
export type MessageIds = SchemaMessageId;

export default createRule<MessageIds, Options>({
  name: 'compose-schema-valid',
  meta: {
    type: 'problem',
    docs: {
      description: 'Compose files follow the Compose Specification: no unknown keys, values of the right type, required keys present.',
      recommended: true,
      sources: {},
    },
    messages: {
      unknownKey: 'unknown key "{{key}}" {{container}}{{hint}}',
      invalidName: '"{{key}}" is not a valid {{kind}} name: use letters, digits, ".", "_" and "-" only',
      wrongType: '{{subject}} must be {{expected}}',
      missingKey: '{{subject}} must set "{{key}}"',
      notAllowed: '{{subject}} must be one of {{allowed}}',
      duplicateItem: '{{subject}} repeats {{first}}',
      constraint: '{{subject}} must {{constraint}}',
      ambiguous: '{{subject}} fits more than one of the forms the Compose Specification allows',
      legacyFormat: '"{{key}}"{{others}} at the top level look like services in the Compose v1 format: put them under "services:"',
    },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      ComposeFile(compose) {
        const document = compose.document;
        if (!document?.contents || document.errors.length > 0) return;
        // The data the pack's other rules read (`.env` beside the file, computed once per file).
        const value = composeFileValue(compose, context.project);
        if (!value || value.truncated) return;
        const described = describeSchemaErrors(validateComposeData(value.value), value.value, value.interpolations);
        const problems = foldLegacyFormat(described, value.value);
        // A block merged or aliased into several places is reported once, where it is written.
        const reported = new Set<string>();
        for (const problem of problems) {
          const range = rangeOf(value.locations.get(problem.pointer), problem.atKey, context.sourceFile.text);
          const key = `${problem.messageId}@${range?.join(':') ?? ''}`;
          if (!range || reported.has(key)) continue;
          reported.add(key);
          context.report({ range, messageId: problem.messageId, data: problem.data });
        }
      },
    };
  },
});

/**
 * Where to put a problem: the key for a key problem (and for a mapping or list value, whose range
 * spans lines), the value's own characters otherwise; a mapping or list without a key (a list item)
 * up to the end of its first line.
 */
function rangeOf(location: ValueLocation | undefined, atKey: boolean, text: string): OffsetRange | null {
  if (!location) return null;
  const { key, value } = location;
  const isEmpty = value === null || (isScalar(value) && nodeRange(value)[0] === nodeRange(value)[1]);
  if (key && (atKey || isEmpty || !isScalar(value))) return nodeRange(key);
  if (!value) return null;
  const [start, end] = nodeRange(value);
  if (isScalar(value)) return [start, end];
  const lineEnd = text.indexOf('\n', start);
  return [start, lineEnd === -1 ? end : Math.min(end, lineEnd)];
}
