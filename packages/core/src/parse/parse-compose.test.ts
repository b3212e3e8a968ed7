import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../source/source-file.js';
import { parseCompose } from './parse-compose.js';

const parse = (text: string) => parseCompose(SourceFile.fromText('/p/compose.yaml', text, 'compose'));

describe('parseCompose', () => {
  it('reads services and their build context, Dockerfile, target and args (plain scalars as written)', () => {
    const node = parse('services:\n  app:\n    build:\n      context: ./app\n      dockerfile: docker/Dockerfile\n      target: runtime\n      args:\n        PYTHON_VERSION: 3.10\n        - ignored\n  db:\n    image: postgres:17\n  web:\n    build: ./web\n');
    expect(node.services.map((service) => service.name)).toEqual(['app', 'db', 'web']);
    const [app, db, web] = node.services;
    expect(db!.build).toBeNull();
    expect(web!.build).toMatchObject({ context: path.resolve('/p/web'), dockerfile: path.resolve('/p/web/Dockerfile') });
    expect(node.parseProblems.length).toBeGreaterThan(0);
    expect(app!.build?.context).toBe(path.resolve('/p/app'));
  });

  it('keeps build arg text as written and reads the list form', () => {
    const node = parse('services:\n  app:\n    build:\n      context: .\n      args:\n        - PYTHON_VERSION=3.10\n        - EMPTY\n');
    expect(node.parseProblems).toEqual([]);
    expect(node.services[0]!.build?.args).toEqual({ PYTHON_VERSION: '3.10' });
    const map = parse('services:\n  app:\n    build:\n      context: .\n      args:\n        PYTHON_VERSION: 3.10\n        QUOTED: "3.10"\n');
    expect(map.services[0]!.build?.args).toEqual({ PYTHON_VERSION: '3.10', QUOTED: '3.10' });
  });

  it('accepts the !reset and !override tags of override files', () => {
    const node = parse('services:\n  app:\n    ports: !reset []\n    environment: !override\n      A: "1"\n');
    expect(node.parseProblems).toEqual([]);
  });

  it('reports YAML errors with positions and duplicate keys', () => {
    const node = parse('services:\n  app:\n    image: a\n    image: b\n');
    expect(node.parseProblems.map((problem) => problem.range[0])).toEqual([34]);
  });

  it('reports an alias whose anchor is missing or comes after it, at the alias', () => {
    const text = 'x-a: &a [1]\nservices:\n  app:\n    command: *b\n    entrypoint: *c\n    user: *a\nx-c: &c [2]\n';
    const node = parse(text);
    expect(node.parseProblems).toEqual([
      { message: 'Unknown alias *b: no anchor &b is defined before it', range: [text.indexOf('*b'), text.indexOf('*b') + 2] },
      { message: 'Unknown alias *c: no anchor &c is defined before it', range: [text.indexOf('*c'), text.indexOf('*c') + 2] },
    ]);
    expect(parse('x-a: &a [1]\nx-b: &b [*a, *a]\nservices: {}\n').parseProblems).toEqual([]);
  });
});
