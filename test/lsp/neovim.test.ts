import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, serverCommand } from '../../packages/language-server/src/lsp-test-client.test-helper.js';
import { copyExample } from './project-fixture.js';

const NVIM = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimVersion = NVIM.status === 0 ? NVIM.stdout.split('\n')[0] : undefined;
const SKIP_REASON = 'nvim is not on PATH; install it (apt-get install -y neovim) to run this test. .ci/run installs it, so CI never skips.';
if (!nvimVersion) console.warn(`Skipping the Neovim end-to-end test: ${SKIP_REASON}`);

interface SeenDiagnostic {
  readonly code: string | null;
  readonly lnum: number;
  readonly col: number;
  readonly end_col: number;
  readonly source: string | null;
}

describe.skipIf(!nvimVersion)(`Neovim's built-in LSP client (${nvimVersion ?? 'skipped: ' + SKIP_REASON})`, () => {
  const project = copyExample('broken-streamlit-app');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'docmind-nvim-'));
  afterAll(() => {
    project.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the diagnostics, applies a quick fix from a code action and gets the re-lint', () => {
    const out = path.join(scratch, 'result.json');
    const server = serverCommand();
    const script = fileURLToPath(new URL('neovim-client.lua', import.meta.url));
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${script}`], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        DOCMIND_NVIM_OUT: out,
        DOCMIND_NVIM_SERVER_CMD: JSON.stringify({ args: [server.command, ...server.args], cwd: REPO_ROOT }),
        DOCMIND_NVIM_ROOT: project.dir,
        DOCMIND_NVIM_FILE: path.join(project.dir, 'Dockerfile'),
      },
    });
    expect(run.error).toBeUndefined();
    const seen = JSON.parse(readFileSync(out, 'utf8')) as {
      error?: string;
      before: SeenDiagnostic[];
      after: SeenDiagnostic[];
      titles: string[];
      first_line: string;
    };
    expect(seen.error).toBeUndefined();
    const mission = (list: SeenDiagnostic[]): (string | null)[] =>
      list.map((diagnostic) => diagnostic.code).filter((code) => code !== null && ['non-root-user', 'python-version-pin', 'dockerignore-secrets', 'no-shell-in-json-cmd'].includes(code));
    expect(mission(seen.before)).toEqual(['non-root-user', 'python-version-pin', 'dockerignore-secrets', 'no-shell-in-json-cmd']);
    expect(seen.before.find((diagnostic) => diagnostic.code === 'python-version-pin')).toMatchObject({ lnum: 0, col: 12, end_col: 16, source: 'docmind-docker-lint' });
    expect(seen.titles).toContain('Fix this python-version-pin problem');
    expect(seen.first_line).toBe('FROM python:3.11-slim');
    expect(mission(seen.after)).toEqual(['non-root-user', 'dockerignore-secrets', 'no-shell-in-json-cmd']);
  }, 90_000);
});
