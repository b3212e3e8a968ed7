import { describe, expect, it } from 'vitest';
import { yamlComments } from './yaml-comments.js';

describe('yamlComments', () => {
  it('finds every comment with its exact offsets', () => {
    const text = '# top\nservices:\n  app: # trailing\n    image: x\n    # before env\n    environment:\n      - A=1 # after item\n';
    const comments = yamlComments(text);
    expect(comments.map((comment) => comment.text)).toEqual(['# top', '# trailing', '# before env', '# after item']);
    for (const comment of comments) expect(text.slice(comment.range[0], comment.range[1])).toBe(comment.text);
  });

  it('does not take a # inside a quoted scalar for a comment', () => {
    expect(yamlComments('a: "x # y"\nb: \'#z\'\n')).toEqual([]);
  });
});
