import { describe, expect, it } from 'vitest';
import { schemaContract, valueProblem } from './schema-contract.js';

const names = (text: string, prefix = 'APP_', delimiter = '__'): string[] => {
  const result = schemaContract(text, prefix, delimiter);
  if ('error' in result) throw new Error(result.error);
  return result.settings.map((setting) => setting.name);
};

describe('schemaContract', () => {
  it('reads pydantic v1 schemas: definitions, allOf around a $ref, an optional nested model', () => {
    const schema = JSON.stringify({
      definitions: {
        Db: { type: 'object', properties: { url: { type: 'string' }, tls: { $ref: '#/definitions/Tls' } } },
        Tls: { type: 'object', properties: { verify: { type: 'boolean' } } },
        Cache: { type: 'object', properties: { ttl: { type: 'integer' } } },
      },
      properties: {
        db: { allOf: [{ $ref: '#/definitions/Db' }] },
        cache: { anyOf: [{ $ref: '#/definitions/Cache' }, { type: 'null' }] },
        debug: { type: 'boolean' },
      },
    });
    expect(names(schema)).toEqual(['APP_DB__URL', 'APP_DB__TLS__VERIFY', 'APP_CACHE__TTL', 'APP_DEBUG']);
  });

  it('stops at a $ref cycle and on a missing $ref, keeping the name as a leaf', () => {
    const schema = JSON.stringify({
      $defs: { Node: { type: 'object', properties: { next: { $ref: '#/$defs/Node' } } } },
      properties: { tree: { $ref: '#/$defs/Node' }, lost: { $ref: '#/$defs/Missing' } },
    });
    const found = names(schema, '', '_');
    expect(found).toContain('LOST');
    expect(found.length).toBe(2);
    expect(found[0]).toMatch(/^TREE(_NEXT)+$/);
  });

  it('says why a text is not a settings schema', () => {
    expect(schemaContract('{', 'P_', '__')).toMatchObject({ error: expect.stringMatching(/^it is not valid JSON/) });
    expect(schemaContract('{"type": "string"}', 'P_', '__')).toEqual({ error: 'it has no `properties`: it is not the JSON Schema of a settings model' });
    expect(schemaContract(`${'['.repeat(5000)}${']'.repeat(5000)}`, 'P_', '__')).toMatchObject({ error: expect.stringMatching(/^it cannot be read: YAML collections nest more than/) });
  });
});

describe('valueProblem', () => {
  it('checks enums exactly, booleans and numbers as pydantic parses environment strings', () => {
    expect(valueProblem('ollama', { enum: ['ollama'] })).toBeUndefined();
    expect(valueProblem('Ollama', { enum: ['ollama'] })).toBe('one of `ollama`');
    expect(valueProblem('On', { type: 'boolean' })).toBeUndefined();
    expect(valueProblem('2', { type: 'boolean' })).toBeDefined();
    expect(valueProblem(' 1_000 ', { type: 'integer' })).toBeUndefined();
    expect(valueProblem('1e3', { type: 'integer' })).toBe('an integer');
    expect(valueProblem('1e3', { type: 'number' })).toBeUndefined();
    expect(valueProblem('', { type: 'number' })).toBe('a number');
    expect(valueProblem('${X:-nope}', { type: 'integer' })).toBeUndefined();
    expect(valueProblem('anything', { type: 'string' })).toBeUndefined();
  });
});
