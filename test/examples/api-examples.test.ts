import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs an example script against the built packages, as a user of the published API would. */
function run(script: string, ...args: string[]): { stdout: string; status: number } {
  try {
    return { stdout: execFileSync(process.execPath, [path.join(root, 'examples/api', script), ...args], { cwd: root, encoding: 'utf8' }), status: 0 };
  } catch (error) {
    const failed = error as { stdout: string; status: number };
    return { stdout: failed.stdout, status: failed.status };
  }
}

describe('examples/api', () => {
  it('lint-folder.mjs lints the broken example and exits 1', () => {
    const { stdout, status } = run('lint-folder.mjs', 'examples/broken-streamlit-app');
    expect(status).toBe(1);
    expect(stdout).toContain('Dockerfile:1:13 python-version-pin');
    expect(stdout).toContain('compose.yaml:8:7 docmind-env-contract');
  });

  it('lint-folder.mjs finds nothing in the hardened example', () => {
    expect(run('lint-folder.mjs', 'examples/hardened-streamlit-app')).toEqual({ stdout: '', status: 0 });
  });

  it('lint-string.mjs lints a string with virtual project files', () => {
    const { stdout } = run('lint-string.mjs');
    expect(stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(': ')))).toEqual([
      '1:13 python-version-pin',
      '2:6 no-shell-in-json-cmd',
    ]);
  });

  it('custom-plugin.mjs runs a third-party rule through a plugin preset', () => {
    expect(run('custom-plugin.mjs').stdout).toBe('1:6 example/no-latest-tag: Image "node:latest" uses the latest tag; pin a version.\n');
  });
});
