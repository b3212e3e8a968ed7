import { Parser } from 'yaml';
import type { CommentNode } from '../types/nodes.js';

/**
 * The `#` comments of a YAML text with their offsets, read from `yaml`'s CST (the Document API keeps
 * comment text but not where it stood).
 */
export function yamlComments(text: string): CommentNode[] {
  const comments: CommentNode[] = [];
  // A stack rather than recursion: 10,000 nested flow collections would overflow the call stack.
  const pending: unknown[] = [...new Parser().parse(text)];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      comments.push({ text: token.source, range: [token.offset, token.offset + token.source.length] });
      continue;
    }
    for (const child of Object.values(value)) pending.push(child);
  }
  return comments.sort((a, b) => a.range[0] - b.range[0]);
}
