// The CLI writes its reports as the results come (one file's result at a time, held back text in a
// temporary file on large runs). These tests check, on a project of many files with secrets, parse
// errors and silenced problems, that every format prints what its formatter prints for all the
// results at once, in memory and spilled to disk alike.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LintSession, lintProject, type AnyRule, type LintResult } from '@docmind-docker-lint/core';
import { makeProject, runCli } from './cli-run.test-helper.js';
import { formatterNames, formatters } from './formatters/index.js';
import { spillSettings } from './formatters/spill.js';
import { errorsOnly } from './result-filters.js';

/** A value a rule judges secret in the last Compose file only, and that an early Dockerfile repeats in a comment. */
const SECRET = 'S3CRET-value-1f2e3d4c5b6a';

function projectFiles(): Record<string, string> {
  const files: Record<string, string> = { '.docmind-docker-lint.json': JSON.stringify({ extends: ['all'] }) };
  for (let index = 0; index < 40; index++) {
    const dir = `svc${String(index).padStart(2, '0')}`;
    files[`${dir}/Dockerfile`] = [
      index === 0 ? `# the password is ${SECRET}` : '# service',
      `FROM python:${index % 3 === 0 ? 'latest' : '3.12-slim'}`,
      index % 5 === 0 ? '# docmind-docker-lint-disable-next-line' : '',
      'RUN apt-get update && apt-get install -y curl',
      'COPY . /app',
      index % 4 === 0 ? 'CMD python app.py' : 'CMD ["python", "app.py"]',
      '',
    ].join('\n');
    files[`${dir}/.dockerignore`] = index % 2 === 0 ? '.git\n' : '*\n!app.py\n';
    if (index % 7 === 0) files[`${dir}/compose.yaml`] = 'services:\n  web:\n    build: .\n    ports:\n      - "80:80"\n';
  }
  files['svc13/compose.yaml'] = 'services:\n  web: [unclosed\n';
  files['zz/compose.yaml'] = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${SECRET}\n`;
  return files;
}

let cwd: string;
beforeAll(() => {
  cwd = makeProject(projectFiles());
});
afterAll(() => {
  fs.rmSync(cwd, { recursive: true, force: true });
});
const defaultLimit = spillSettings.memoryLimit;
afterEach(() => {
  spillSettings.memoryLimit = defaultLimit;
});

/** What the CLI printed before it streamed: the formatter over every shown result, with the meta of the rules that reported. */
async function allAtOnce(format: string, quiet: boolean): Promise<string> {
  const results = (await lintProject({ cwd })).map((result) => (quiet ? errorsOnly(result) : result));
  const { rules } = await LintSession.create({ cwd });
  const rulesMeta: Record<string, AnyRule['meta']> = {};
  for (const result of results) {
    for (const message of [...result.messages, ...result.suppressedMessages]) {
      const rule = message.ruleId === null ? undefined : rules.get(message.ruleId);
      if (rule && message.ruleId !== null) rulesMeta[message.ruleId] = rule.meta;
    }
  }
  const formatter = await formatters[format]!.load();
  return formatter(results satisfies LintResult[], { cwd, rulesMeta, color: false });
}

describe('streamed reports of a many-file project', () => {
  const formats = formatterNames().filter((format) => format !== 'diff');

  it('has what the comparison needs: many files, a masked secret, a parse error, silenced problems', async () => {
    const results = await lintProject({ cwd });
    expect(results.length).toBeGreaterThan(80);
    expect(results.some((result) => result.messages.some((message) => message.ruleId === null && message.fatal))).toBe(true);
    expect(results.some((result) => result.suppressedMessages.length > 0)).toBe(true);
    const { stdout } = await runCli(['-f', 'json'], { cwd, plugins: null });
    expect(stdout).not.toContain(SECRET);
    expect(stdout).toContain('# the password is ***');
  });

  it.each(formats)('%s: the same bytes as the whole report at once, in memory and spilled to disk', async (format) => {
    const expected = await allAtOnce(format, false);
    const inMemory = await runCli(['-f', format], { cwd, plugins: null });
    expect(inMemory.stdout).toBe(expected);
    spillSettings.memoryLimit = 256;
    const spilled = await runCli(['-f', format], { cwd, plugins: null });
    expect(spilled.stdout).toBe(expected);
    expect(spilled.stderr).toBe(inMemory.stderr);
  });

  it.each(['stylish', 'json', 'sarif'])('%s with --quiet, written to a file', async (format) => {
    const expected = await allAtOnce(format, true);
    spillSettings.memoryLimit = 256;
    const { stdout } = await runCli(['-f', format, '--quiet', '-o', 'out/report.txt'], { cwd, plugins: null });
    expect(stdout).toBe('');
    expect(fs.readFileSync(path.join(cwd, 'out/report.txt'), 'utf8')).toBe(expected);
    fs.rmSync(path.join(cwd, 'out'), { recursive: true });
  });
});
