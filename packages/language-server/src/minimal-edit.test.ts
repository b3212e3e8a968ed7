import { describe, expect, it } from 'vitest';
import { minimalEdit } from './minimal-edit.js';

describe('minimalEdit', () => {
  it('replaces only what differs', () => {
    expect(minimalEdit('FROM python:3.13-slim\nUSER app\n', 'FROM python:3.11-slim\nUSER app\n')).toEqual({ range: [15, 16], text: '1' });
    expect(minimalEdit('abc', 'abc')).toEqual({ range: [3, 3], text: '' });
    expect(minimalEdit('ab', 'aXb')).toEqual({ range: [1, 1], text: 'X' });
  });

  it('never splits a surrogate pair', () => {
    expect(minimalEdit('a\u{1F600}', 'a\u{1F601}')).toEqual({ range: [1, 3], text: '\u{1F601}' });
  });
});
