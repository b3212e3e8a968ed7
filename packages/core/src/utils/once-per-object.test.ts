import { describe, expect, it } from 'vitest';
import { oncePerObject } from './once-per-object.js';

describe('oncePerObject', () => {
  it('reads each object once, whatever the answer (undefined and null included)', () => {
    const calls: object[] = [];
    const answers = new Map<object, unknown>();
    const read = oncePerObject((key: object) => {
      calls.push(key);
      return answers.get(key);
    });
    const [a, b, c] = [{}, {}, {}];
    answers.set(a, 1).set(b, null);
    expect([read(a), read(b), read(c), read(a), read(b), read(c)]).toEqual([1, null, undefined, 1, null, undefined]);
    expect(calls).toEqual([a, b, c]);
  });
});
