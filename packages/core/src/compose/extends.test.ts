import { describe, expect, it } from 'vitest';
import { resolveExtends } from './extends.js';

describe('resolveExtends', () => {
  it('merges the base service in the same file under the extending one', () => {
    const services = {
      base: { image: 'app', environment: { A: '1' }, ports: ['80:80'] },
      web: { extends: 'base', environment: { B: '2' } },
      worker: { extends: { service: 'web' }, command: 'work' },
    };
    const { services: out, problems } = resolveExtends('/p/compose.yaml', services, () => undefined);
    expect(problems).toEqual([]);
    expect(out.web).toEqual({ image: 'app', environment: { A: '1', B: '2' }, ports: ['80:80'] });
    expect(out.worker).toEqual({ image: 'app', environment: { A: '1', B: '2' }, ports: ['80:80'], command: 'work' });
  });

  it('reads other files relative to the file that names them', () => {
    const files: Record<string, Record<string, unknown>> = {
      '/p/common/base.yaml': { base: { extends: { file: 'root.yaml', service: 'root' }, restart: 'always' } },
      '/p/common/root.yaml': { root: { image: 'root' } },
    };
    const { services: out } = resolveExtends('/p/compose.yaml', { web: { extends: { file: 'common/base.yaml', service: 'base' } } }, (file) => files[file]);
    expect(out.web).toEqual({ image: 'root', restart: 'always' });
  });

  it('reports cycles, missing services and unreadable files on the extending service', () => {
    const services = {
      a: { extends: 'b' },
      b: { extends: 'a' },
      c: { extends: 'nope' },
      d: { extends: { file: 'missing.yaml', service: 'x' } },
    };
    const { problems } = resolveExtends('/p/compose.yaml', services, () => undefined);
    expect(problems.map((problem) => [problem.service, problem.kind])).toEqual([
      ['a', 'cycle'],
      ['b', 'cycle'],
      ['c', 'missing-service'],
      ['d', 'missing-file'],
    ]);
    expect(problems[0]!.message).toBe('"extends" forms a cycle: compose.yaml:a -> compose.yaml:b -> compose.yaml:a');
  });
});
