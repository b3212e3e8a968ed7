import { describe, expect, it } from 'vitest';
import { RecentByText, detached } from './recent-by-text.js';

describe('RecentByText', () => {
  it('keeps the texts used most recently, within the character bound', () => {
    const recent = new RecentByText<number>(10);
    recent.set('aaaa', 1);
    recent.set('bbbb', 2);
    expect(recent.get('aaaa')).toBe(1); // now the most recent
    recent.set('cccc', 3); // 12 characters: the oldest used ('bbbb') goes
    expect([recent.get('aaaa'), recent.get('bbbb'), recent.get('cccc')]).toEqual([1, undefined, 3]);
    expect(recent.size).toBe(2);
  });

  it('does not keep a text longer than the per-text bound, nor count a text twice', () => {
    const recent = new RecentByText<string>(100, 5);
    recent.set('too long', 'x');
    recent.set('ok', 'first');
    recent.set('ok', 'second');
    expect([recent.get('too long'), recent.get('ok'), recent.size]).toEqual([undefined, 'first', 1]);
  });

  it('detaches keys: equal content, a new string', () => {
    const source = `${'x'.repeat(100)}RUN echo hello world${'y'.repeat(100)}`;
    const piece = source.slice(100, 120);
    expect(detached(piece)).toBe(piece);
    expect(detached('')).toBe('');
  });
});
