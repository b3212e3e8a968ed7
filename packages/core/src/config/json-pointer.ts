/** A JSON pointer (RFC 6901) from path segments: `['rules', 'ns/rule', 1]` -> `/rules/ns~1rule/1`. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The segments of a JSON pointer: `/rules/ns~1rule/1` -> `['rules', 'ns/rule', '1']`. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}
