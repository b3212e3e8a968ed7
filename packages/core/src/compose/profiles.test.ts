import { describe, expect, it } from 'vitest';
import { isServiceActive, mayRunTogether, serviceProfiles } from './profiles.js';

describe('profiles', () => {
  it('knows which services run with the active profiles', () => {
    expect(serviceProfiles({ profiles: ['dev', 3] })).toEqual(['dev']);
    expect(isServiceActive({ image: 'x' }, new Set())).toBe(true);
    expect(isServiceActive({ profiles: ['dev'] }, new Set())).toBe(false);
    expect(isServiceActive({ profiles: ['dev'] }, new Set(['dev']))).toBe(true);
    expect(isServiceActive({ profiles: ['dev'] }, new Set(['*']))).toBe(true);
  });

  it('takes services in disjoint profiles as alternatives', () => {
    expect(mayRunTogether({ profiles: ['dev'] }, { profiles: ['prod'] })).toBe(false);
    expect(mayRunTogether({ profiles: ['dev', 'test'] }, { profiles: ['test'] })).toBe(true);
    expect(mayRunTogether({}, { profiles: ['prod'] })).toBe(true);
  });
});
