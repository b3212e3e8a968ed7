import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-run.test-helper.js';
import { sarifValidator } from './formatters/sarif-schema.test-helper.js';
import { packageVersion } from './package-version.js';

// Golden reports of the example projects, one file per format under test-data/golden/. They run the
// docmind pack's rules only (config files ignored), so rules added to other packs leave them alone.
// When these rules change on purpose, refresh them with
// `npx vitest run packages/cli/src/golden.test.ts -u` and review the diff.
const examples = path.resolve(import.meta.dirname, '../../../examples');
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'junit', 'compact'] as const;
const RULES = [
  'python-version-pin',
  'no-shell-in-json-cmd',
  'non-root-user',
  'dockerignore-secrets',
  'docmind-env-contract',
  'uv-sync-frozen',
  'entrypoint-file-exists',
  'healthcheck-present',
  'no-secrets-in-image',
].flatMap((id) => ['--rule', `${id}: error`]);

/** The report with what varies between machines (the example's absolute path, the version) made fixed. */
function normalize(report: string, cwd: string): string {
  const fileUrl = new URL(`file://${cwd}`).href;
  return report
    .replaceAll(fileUrl, 'file:///example')
    .replaceAll(cwd, '/example')
    .replaceAll(`"version": "${packageVersion()}"`, '"version": "<version>"');
}

describe.each(['broken-streamlit-app', 'hardened-streamlit-app'])('golden reports of examples/%s', (example) => {
  const cwd = path.join(examples, example);

  it.each(FORMATS)('%s', async (format) => {
    const { stdout, stderr } = await runCli(['--no-config', ...RULES, '--format', format], { cwd, plugins: null });
    expect(stderr).toBe('');
    if (format === 'sarif') expect(sarifValidator()(JSON.parse(stdout))).toBe(true);
    await expect(normalize(stdout, cwd)).toMatchFileSnapshot(`../test-data/golden/${example}/report.${format}`);
  });

  it('diff of --fix-dry-run', async () => {
    const { stdout, stderr } = await runCli(['--no-config', ...RULES, '--fix-dry-run', '--format', 'diff'], { cwd, plugins: null });
    expect(stderr).toBe('');
    await expect(stdout).toMatchFileSnapshot(`../test-data/golden/${example}/fix-dry-run.diff`);
  });
});
