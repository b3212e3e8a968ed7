import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildComposeModel, defaultComposeFiles, isOverrideFile } from './compose-model.js';
import { composeValue } from './compose-value.js';
import { composeYamlTags } from './compose-tags.js';

const doc = (text: string) => parseDocument(text, { customTags: composeYamlTags });

describe('buildComposeModel', () => {
  it('interpolates each file, resolves extends and merges the files in order', () => {
    const model = buildComposeModel({
      files: [
        { path: '/p/compose.yaml', document: doc('services:\n  base:\n    image: app:${TAG:-1}\n    ports: ["80:80"]\n  web:\n    extends: base\n  tools:\n    image: tools\n    profiles: [debug]\n') },
        { path: '/p/compose.override.yaml', document: doc('services:\n  web:\n    ports: !reset []\n    environment: [DEBUG=1]\n') },
      ],
      variables: (name) => (name === 'TAG' ? '2' : undefined),
    });
    expect(model.services).toEqual({
      base: { image: 'app:2', ports: ['80:80'] },
      web: { image: 'app:2', environment: ['DEBUG=1'] },
      tools: { image: 'tools', profiles: ['debug'] },
    });
    expect(model.activeServices).toEqual(['base', 'web']);
    expect(model.files.get('/p/compose.yaml')?.interpolations.get('/services/base/image')?.value).toBe('app:2');
  });

  it('reads extends.file through loadDocument and reports what it cannot resolve', () => {
    const model = buildComposeModel({
      files: [{ path: '/p/compose.yaml', document: doc('services:\n  web:\n    extends: {file: common.yaml, service: base}\n  bad:\n    extends: nope\n') }],
      variables: () => undefined,
      loadDocument: (file) => (file === '/p/common.yaml' ? doc('services:\n  base:\n    image: common\n') : undefined),
    });
    expect(model.services.web).toEqual({ image: 'common' });
    expect(model.extendsProblems).toMatchObject([{ service: 'bad', kind: 'missing-service', file: '/p/compose.yaml' }]);
  });

  it('takes a file already converted from `values` instead of converting it again', () => {
    const document = doc('services:\n  web:\n    image: web:${TAG}\n');
    const given = composeValue(doc('services:\n  web:\n    image: given\n'), { keepTags: true });
    const model = buildComposeModel({ files: [{ path: '/p/compose.yaml', document }], variables: () => '1', values: new Map([['/p/compose.yaml', given]]) });
    expect(model.services).toEqual({ web: { image: 'given' } });
    expect(model.files.get('/p/compose.yaml')).toBe(given);
    expect(buildComposeModel({ files: [{ path: '/p/compose.yaml', document }], variables: () => '1' }).services).toEqual({ web: { image: 'web:1' } });
  });
});

describe('defaultComposeFiles', () => {
  it('finds the main file and its override twin', () => {
    const present = new Set(['/p/docker-compose.yml', '/p/docker-compose.override.yml']);
    expect(defaultComposeFiles('/p', (file) => present.has(file))).toEqual(['/p/docker-compose.yml', '/p/docker-compose.override.yml']);
    expect(defaultComposeFiles('/q', () => false)).toEqual([]);
    expect(isOverrideFile(path.join('/p', 'compose.override.yaml'))).toBe(true);
    expect(isOverrideFile('/p/compose.yaml')).toBe(false);
  });
});
