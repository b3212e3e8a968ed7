import { describe, expect, it } from 'vitest';
import { useColor } from './use-color.js';

describe('useColor', () => {
  it('follows the terminal by default', () => {
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
  });

  it('turns colours off for a non-empty NO_COLOR and on for FORCE_COLOR other than 0', () => {
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
  });

  it('lets --color and --no-color override the environment', () => {
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
  });
});
