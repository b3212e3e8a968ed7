// Secret values never reach the output: a known secret is planted in .env, in Dockerfile ENV and ARG
// defaults, in Compose environment values and in a file a rule judges secret-like, and every format's
// output (through the CLI) is searched for it. Messages name the variable, never its value.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatterNames, main } from 'docmind-docker-lint';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'packages/cli/dist/bin.js');

/** Distinct secrets per place, so a failure says which one leaked. */
const SECRETS = {
  dotenv: 'sk-live-DOTENV-7f3a9c1e5b2d',
  dotenvQuoted: 'DOTENV-QUOTED-c4e8a2f6b1d9',
  envInstruction: 'ENV-INSTRUCTION-9b1d7e3f5a2c',
  argDefault: 'ARG-DEFAULT-2e6c8a4f1b3d',
  composeEnvironment: 'COMPOSE-ENV-5a3f1c9e7b2d',
  composeList: 'COMPOSE-LIST-8d2b6f4a1c3e',
  secretFile: 'BEGIN-KEY-FILE-3c7e1a5f9b2d',
} as const;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddl-secrets-'));
  const write = (name: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
  write('.env', `OPENAI_API_KEY=${SECRETS.dotenv}\nDB_PASSWORD="${SECRETS.dotenvQuoted}"\nPORT=8000\n`);
  write(
    'Dockerfile',
    [
      'from python:3.12',
      `ENV API_KEY=${SECRETS.envInstruction} APP_ENV=production`,
      `ARG GITHUB_TOKEN=${SECRETS.argDefault}`,
      'COPY .env /app/.env',
      'COPY id_rsa /root/.ssh/id_rsa',
      'RUN echo "$API_KEY" > /tmp/key',
      'CMD python app.py',
      '',
    ].join('\n'),
  );
  write(
    'compose.yaml',
    [
      'services:',
      '  web:',
      '    build: .',
      '    env_file: .env',
      '    environment:',
      `      SECRET_KEY: ${SECRETS.composeEnvironment}`,
      '      OPENAI_API_KEY: ${OPENAI_API_KEY}',
      '  worker:',
      '    image: python:3.12',
      '    environment:',
      `      - AWS_SECRET_ACCESS_KEY=${SECRETS.composeList}`,
      '',
    ].join('\n'),
  );
  write('id_rsa', `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRETS.secretFile}\n-----END OPENSSH PRIVATE KEY-----\n`);
  write('app.py', 'print(1)\n');
  write('.docmind-docker-lint.json', JSON.stringify({ extends: ['all'] }));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: readonly string[]): Promise<string> {
  let output = '';
  const sink = { write: (text: string) => (output += text) };
  await main(argv, { stdout: sink, stderr: sink, stdin: (async function* () {})(), cwd: dir, env: {}, isTTY: false });
  return output;
}

function leaked(output: string): string[] {
  return Object.entries(SECRETS).filter(([, value]) => output.includes(value)).map(([name]) => name);
}

/**
 * Reports that copy file text: ESLint's JSON shape carries each file's `source` (and `output` after
 * fixing), and fixes carry their replacement text (JSON `fix`/`suggestions`, SARIF `fixes`): a fix that
 * reorders a Compose block moves a secret written in it along. That is the user's file, not a message;
 * everything else in those reports is checked.
 */
function withoutFileTexts(json: string): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !['source', 'output', 'fix', 'fixes', 'suggestions'].includes(key))
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  return JSON.stringify(strip(JSON.parse(json)));
}

describe('no secret value in any output', () => {
  it('the planted project reports the secrets (so the test means something)', async () => {
    const output = await cli(['-f', 'json', '.']);
    const rules = new Set((JSON.parse(output) as { messages: { ruleId: string }[] }[]).flatMap((result) => result.messages.map((message) => message.ruleId)));
    expect(rules).toContain('no-secrets-in-image');
  });

  it.each(formatterNames().filter((name) => name !== 'diff'))('format %s, with and without --fix-dry-run', async (format) => {
    for (const extra of [[], ['--fix-dry-run']]) {
      let output = await cli(['-f', format, ...extra, '.']);
      expect(output.length).toBeGreaterThan(0);
      if (format === 'json' || format === 'sarif') output = withoutFileTexts(output);
      expect(leaked(output), `${format} ${extra.join(' ')}`).toEqual([]);
    }
  });

  it('--print-config and --debug output', async () => {
    expect(leaked(await cli(['--print-config', 'Dockerfile']))).toEqual([]);
    expect(leaked(await cli(['--debug', '.']))).toEqual([]);
  });

  it.each(['stylish', 'json'])('the built CLI (packages/cli/dist/bin.js), format %s', (format) => {
    if (!fs.existsSync(bin)) return; // `pnpm test` builds first; a bare vitest run may have no dist
    const run = spawnSync(process.execPath, [bin, '-f', format, '.'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/internal error/);
    const output = format === 'json' ? withoutFileTexts(run.stdout) : run.stdout + run.stderr;
    expect(output.length).toBeGreaterThan(0);
    expect(leaked(output)).toEqual([]);
  });

  // Known gap: ESLint's JSON shape carries each file's `source`, and fixes their replacement text, so a
  // secret written in a Dockerfile ENV line or a reordered Compose block appears in `-f json` and
  // `-f sarif` output (and in `-f diff` context lines). docs/security.md says to treat those reports like
  // the files themselves. Unskip if the formatters ever mask them.
  it.skip.each(['json', 'sarif', 'diff'])('the %s format does not copy file texts holding secrets (source, fix texts)', async (format) => {
    expect(leaked(await cli(['-f', format, '--fix-dry-run', '.']))).toEqual([]);
  });
});
