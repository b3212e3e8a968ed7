import { Parser } from 'yaml';
import type { CommentNode } from '../types/nodes.js';

/**
 * The `#` comments of a YAML text with their offsets, read from `yaml`'s CST (the Document API keeps
 * comment text but not where it stood).
 */
export function yamlComments(text: string): CommentNode[] {
  const comments: CommentNode[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const token = value as { type?: unknown; offset?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
      comments.push({ text: token.source, range: [token.offset, token.offset + token.source.length] });
      return;
    }
    for (const child of Object.values(value)) visit(child);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return comments.sort((a, b) => a.range[0] - b.range[0]);
}
