import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeValue, OverrideValue, pointerSegment, pointerSegments, ResetValue } from './compose-value.js';
import { composeYamlTags } from './compose-tags.js';
import { interpolate } from './interpolation.js';

const parse = (text: string) => parseDocument(text, { customTags: composeYamlTags });

describe('composeValue', () => {
  it('applies merge keys (own keys win) and resolves aliases, remembering where values came from', () => {
    const text = 'x-base: &base\n  image: base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: web\n';
    const { value, locations } = composeValue(parse(text));
    expect(value).toEqual({ 'x-base': { image: 'base', restart: 'always' }, services: { web: { image: 'web', restart: 'always' } } });
    const restart = locations.get('/services/web/restart')!;
    expect(text.slice(restart.key!.range![0], restart.key!.range![1])).toBe('restart');
    expect(restart.value!.range![0]).toBe(text.indexOf('always'));
    const image = locations.get('/services/web/image')!;
    expect(image.value!.range![0]).toBe(text.indexOf('web\n', text.indexOf('image: web')));
  });

  it('keeps plain keys as written and escapes pointers', () => {
    const { value, locations } = composeValue(parse('3.10: a\nlabels:\n  com.example/x: 1\n'));
    expect(value).toEqual({ '3.10': 'a', labels: { 'com.example/x': 1 } });
    expect(locations.has('/labels/com.example~1x')).toBe(true);
    expect(pointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(pointerSegments('/a~1b~0c/0')).toEqual(['a/b~c', '0']);
  });

  it('interpolates string values, never keys', () => {
    const { value, interpolations } = composeValue(parse('${KEY}: ${PORT:-80}\nq: "$$HOME"\n'), {
      interpolate: (text) => interpolate(text, () => undefined),
    });
    expect(value).toEqual({ '${KEY}': '80', q: '$HOME' });
    expect([...interpolations.keys()]).toEqual(['/${KEY}', '/q']);
  });

  it('drops !reset keys, or keeps the tags for merging', () => {
    const text = 'ports: !reset []\nenvironment: !override\n  A: 1\nimage: x\n';
    expect(composeValue(parse(text)).value).toEqual({ environment: { A: 1 }, image: 'x' });
    const tagged = composeValue(parse(text), { keepTags: true }).value as Record<string, unknown>;
    expect(tagged.ports).toBeInstanceOf(ResetValue);
    expect(tagged.environment).toBeInstanceOf(OverrideValue);
  });

  it('stops at the node budget instead of expanding an alias bomb', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const result = composeValue(parse(bomb), { maxNodes: 1000 });
    expect(result.truncated).toBe(true);
  });
});

describe('alias cycles', () => {
  it('converts an alias back into a value still being converted to null, and a merge cycle ends', () => {
    const selfSeq = parseDocument('a: &a [*a, *a]\n');
    expect(composeValue(selfSeq).value).toEqual({ a: [null, null] });
    const mergeCycle = parseDocument('x-base: &a\n  y: 1\n  <<: [*a, *a]\nservices: {}\n');
    expect(composeValue(mergeCycle).value).toMatchObject({ 'x-base': { y: 1 }, services: {} });
  });
});
