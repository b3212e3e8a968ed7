import { describe, expect, it } from 'vitest';
import { closestName } from './closest-name.js';

describe('closestName', () => {
  it('suggests the closest candidate within a third of the name', () => {
    expect(closestName('rulez', ['root', 'rules', 'ignores'])).toBe('rules');
    expect(closestName('pyton-version-pin', ['python-version-pin', 'compose-env-names'])).toBe('python-version-pin');
    expect(closestName('RECOMMENDED', ['recommended'])).toBe('recommended');
  });

  it('suggests nothing when every candidate is far', () => {
    expect(closestName('paranoid', ['all', 'recommended'])).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });
});
