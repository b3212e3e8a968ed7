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


describe('no secret value in any output', () => {
  it('the planted project reports the secrets (so the test means something)', async () => {
    const output = await cli(['-f', 'json', '.']);
    const rules = new Set((JSON.parse(output) as { messages: { ruleId: string }[] }[]).flatMap((result) => result.messages.map((message) => message.ruleId)));
    expect(rules).toContain('no-secrets-in-image');
  });

  it.each(formatterNames().filter((name) => name !== 'diff'))('format %s, with and without --fix-dry-run', async (format) => {
    for (const extra of [[], ['--fix-dry-run']]) {
      // File texts included (JSON `source`, fix texts): secret values there are masked.
      const output = await cli(['-f', format, ...extra, '.']);
      expect(output.length).toBeGreaterThan(0);
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
    const output = run.stdout + run.stderr;
    expect(output.length).toBeGreaterThan(0);
    expect(leaked(output)).toEqual([]);
  });

  // ESLint's JSON shape carries each file's `source` (and `output`), fixes their replacement text, SARIF
  // fixes their inserted text and `-f diff` the changed lines with context: every value a rule judged
  // secret is masked as `***` there (`--fix` still writes the real bytes).
  it.each(['json', 'sarif', 'diff'])('the %s format masks the secret values rules found in the file texts it copies', async (format) => {
    for (const extra of [[], ['--fix-dry-run']]) {
      const output = await cli(['-f', format, ...extra, '.']);
      if (format !== 'diff' || extra.length > 0) expect(output.length, `${format} ${extra.join(' ')}`).toBeGreaterThan(0);
      expect(leaked(output), `${format} ${extra.join(' ')}`).toEqual([]);
    }
    // The file texts are really there (so the test means something), with the secrets masked.
    const copied = await cli(['-f', format, '--fix-dry-run', '.']);
    expect(copied).toContain('***');
    // JSON has the Dockerfile's source; the diff its fixed lines; SARIF only fix texts (a reordered Compose block).
    if (format === 'json') expect(copied).toMatch(/API_KEY=\*\*\* APP_ENV=production/);
    if (format === 'diff') expect(copied).toMatch(/^\+FROM python:3\.12$/m);
  });

  it('--fix still writes the real values', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ddl-secrets-fix-'));
    try {
      fs.cpSync(dir, copy, { recursive: true });
      let output = '';
      const sink = { write: (text: string) => (output += text) };
      await main(['--fix', '.'], { stdout: sink, stderr: sink, stdin: (async function* () {})(), cwd: copy, env: {}, isTTY: false });
      const dockerfile = fs.readFileSync(path.join(copy, 'Dockerfile'), 'utf8');
      expect(dockerfile).toMatch(/^FROM python:3\.12/);
      expect(dockerfile).toContain(SECRETS.envInstruction);
      expect(dockerfile).not.toContain('***');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
