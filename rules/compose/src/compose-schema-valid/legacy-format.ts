import { pointerSegment } from '@docmind-docker-lint/core';
import type { SchemaProblem } from './schema-problems.js';

const SERVICE_HINTS = ['image', 'build', 'command', 'ports', 'volumes', 'environment', 'links'];

/**
 * A file in the Compose v1 format has its services at the top level, with no `services:` key.
 * Rather than one "unknown key" per service, it gets one problem, on the first of them.
 */
export function foldLegacyFormat(problems: readonly SchemaProblem[], data: unknown): SchemaProblem[] {
  if (!data || typeof data !== 'object' || Array.isArray(data) || 'services' in data) return [...problems];
  const looksLikeService = (value: unknown): boolean =>
    !!value && typeof value === 'object' && !Array.isArray(value) && SERVICE_HINTS.some((key) => key in value);
  const legacy = Object.entries(data)
    .filter(([key, value]) => !key.startsWith('x-') && looksLikeService(value))
    .map(([key]) => `/${pointerSegment(key)}`);
  if (legacy.length === 0) return [...problems];
  const first = legacy[0]!;
  const rest = problems.filter((problem) => !(problem.messageId === 'unknownKey' && legacy.includes(problem.pointer)));
  const count = legacy.length - 1;
  const others = count === 0 ? '' : ` and ${count} other key${count === 1 ? '' : 's'}`;
  const key = first.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
  return [{ messageId: 'legacyFormat', data: { key, others }, pointer: first, atKey: true }, ...rest];
}
