import { describe, expect, it } from 'vitest';
import { unquote } from './unquote.js';

describe('unquote', () => {
  it('removes surrounding quotes and refuses quotes elsewhere', () => {
    expect(unquote('"/my app"')).toBe('/my app');
    expect(unquote("'x'")).toBe('x');
    expect(unquote('/app')).toBe('/app');
    expect(unquote('a"b"')).toBeNull();
  });
});
