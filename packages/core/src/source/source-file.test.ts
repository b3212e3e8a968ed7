import { describe, expect, it } from 'vitest';
import { SourceFile } from './source-file.js';

describe('SourceFile', () => {
  it('strips and remembers a BOM', () => {
    const file = SourceFile.fromText('/a', '\ufeffFROM x\n', 'dockerfile');
    expect(file.bom).toBe(true);
    expect(file.text).toBe('FROM x\n');
  });

  it('maps offsets to 1-based lines and columns for LF, CRLF and lone CR', () => {
    const file = new SourceFile('/a', 'ab\r\ncd\ref\ngh', 'unknown');
    expect(file.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(file.positionAt(4)).toEqual({ line: 2, column: 1 });
    expect(file.positionAt(7)).toEqual({ line: 3, column: 1 });
    expect(file.positionAt(10)).toEqual({ line: 4, column: 1 });
    expect(file.positionAt(99)).toEqual({ line: 4, column: 3 });
    expect(file.lineText(0)).toBe('ab');
    expect(file.offsetAt(1, 1)).toBe(5);
    expect(file.eol).toBe('\n');
    expect(new SourceFile('/b', 'a\r\nb\r\nc\n', 'unknown').eol).toBe('\r\n');
  });
});
