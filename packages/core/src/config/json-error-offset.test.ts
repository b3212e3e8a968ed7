import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, jsonErrorReason } from './json-error-offset.js';

/** The offset and reason of JSON.parse's error on a text. */
function failure(text: string): [number | undefined, string] {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    return [jsonErrorOffset(message, text), jsonErrorReason(message)];
  }
  throw new Error('expected invalid JSON');
}

describe('jsonErrorOffset', () => {
  it('reads "at position N"', () => {
    expect(failure('{"a": 1 "b": 2}')).toEqual([8, "Expected ',' or '}' after property value"]);
    expect(failure('{"a": 1}}')).toEqual([8, 'Unexpected non-whitespace character after JSON']);
  });

  it('puts an unexpected end at the end of the text', () => {
    expect(failure('{"a": ')).toEqual([6, 'Unexpected end of JSON input']);
  });

  it('finds an unexpected token from the context V8 quotes around it', () => {
    const middle = '{"aaaaaaaaaaaaaaaaaaaa": 1, "b": }, "cccccccccccccccc": 1}';
    expect(failure(middle)).toEqual([middle.indexOf('}'), "Unexpected token '}'"]);
    const end = '{"a": 1,\n "bbbbbbbbbbbbbbbbbbbbbb": x}';
    expect(failure(end)[0]).toBe(end.indexOf('x'));
    const start = '{"a": x, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb": 1}';
    expect(failure(start)[0]).toBe(start.indexOf('x'));
  });

  it('finds the token in a short text when it occurs once, and gives up otherwise', () => {
    expect(failure('{"a":}')).toEqual([5, "Unexpected token '}'"]);
    expect(failure('{"a":}}')).toEqual([undefined, "Unexpected token '}'"]);
  });

  it('says nothing of messages it does not know', () => {
    expect(jsonErrorOffset('Something else', '{}')).toBeUndefined();
  });
});
