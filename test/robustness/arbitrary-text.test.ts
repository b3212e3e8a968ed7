// Property tests: any text at all, linted as a Dockerfile, a Compose file, a .dockerignore and an .env
// file with every built-in rule, never crashes the engine, never makes a rule fail, and every position
// and fix stays inside the file. Where fixes exist, they apply cleanly (see support/pipeline.ts).
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '@docmind-docker-lint/core';
import { anyText } from './support/generators.js';
import { ALL_RULES, checkProject, checkResults, ROOT } from './support/pipeline.js';
import { runs } from './support/runs.js';

const KINDS = [
  ['Dockerfile', 300],
  ['compose.yaml', 300],
  ['.dockerignore', 200],
  ['.env', 100],
] as const;

describe.each(KINDS)('arbitrary text as %s', (name, count) => {
  it(`lintText: no throw, no internal error, positions inside the text (${count} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        // An editor buffer may hold anything, lone surrogates included; the text is linted as given.
        const results = await lintText(text, { ...ALL_RULES, cwd: ROOT, filePath: name, files: { [path.join(ROOT, 'Dockerfile')]: 'FROM alpine:3\n' } });
        expect(results).toHaveLength(1);
        checkResults(results, name);
      }),
      runs(count),
    );
  });

  it(`lintProject --fix over the file: fixes apply, keep other bytes, parse, converge (${count} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        await checkProject({ [name]: text });
      }),
      runs(count),
    );
  });
});
