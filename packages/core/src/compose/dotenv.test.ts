import { describe, expect, it } from 'vitest';
import { dotenvLookup, parseDotenv } from './dotenv.js';

describe('parseDotenv', () => {
  it('reads the forms compose-go reads', () => {
    const text = [
      '# a comment',
      'PLAIN=value',
      'export EXPORTED=yes',
      'SPACED = around ',
      "SINGLE='literal ${PLAIN} \\n'",
      'DOUBLE="line\\nnext ${PLAIN}"',
      'INLINE=abc # comment',
      'HASH=abc#not-a-comment',
      'EMPTY=',
      'INHERITED',
      'NESTED=${PLAIN:-x}-${MISSING:-d}',
      '',
    ].join('\n');
    const entries = parseDotenv(text, (name) => (name === 'INHERITED' ? 'from-env' : undefined));
    const values = Object.fromEntries(entries.map((entry) => [entry.name, entry.value]));
    expect(values).toEqual({
      PLAIN: 'value',
      EXPORTED: 'yes',
      SPACED: 'around',
      SINGLE: 'literal ${PLAIN} \\n',
      DOUBLE: 'line\nnext value',
      INLINE: 'abc',
      HASH: 'abc#not-a-comment',
      EMPTY: '',
      INHERITED: 'from-env',
      NESTED: 'value-d',
    });
    const plain = entries.find((entry) => entry.name === 'PLAIN')!;
    expect(text.slice(plain.nameStart, plain.nameEnd)).toBe('PLAIN');
  });

  it('reads multi-line quoted values and CRLF files', () => {
    const entries = parseDotenv("KEY='one\ntwo'\r\nNEXT=1\r\n");
    expect(entries.map((entry) => [entry.name, entry.value])).toEqual([
      ['KEY', 'one\ntwo'],
      ['NEXT', '1'],
    ]);
  });

  it('gives a lookup where the last definition wins and bare names stay unset', () => {
    const lookup = dotenvLookup(parseDotenv('A=1\nA=2\nB\n'));
    expect(lookup('A')).toBe('2');
    expect(lookup('B')).toBeUndefined();
    expect(lookup('C')).toBeUndefined();
  });
});
