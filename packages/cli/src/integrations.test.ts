import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { makeProject, runCli } from './cli-run.test-helper.js';
import { sarifValidator } from './formatters/sarif-schema.test-helper.js';
import { hasXmlParser, parseXml } from './formatters/xml-parser.test-helper.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const LATEST = 'FROM python:latest\nUSER app\n';
const ROOT = 'FROM python:3.12\nRUN pip install app\n';

const folders: string[] = [];
function project(files: Readonly<Record<string, string>>): string {
  const folder = makeProject(files);
  folders.push(folder);
  return folder;
}
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

const read = (folder: string, name: string): string => fs.readFileSync(path.join(folder, name), 'utf8');

describe('several reports in one run', () => {
  it('writes each --format to the --output-file after it, and the one without to stdout', async () => {
    const cwd = project({ Dockerfile: LATEST, 'api/Dockerfile': ROOT });
    const argv = ['-f', 'sarif', '-o', 'reports/lint.sarif', '-f', 'github', '-f', 'gitlab', '-o', 'gl.json', '-f', 'junit', '-o', 'junit.xml'];
    const { code, stdout, stderr } = await runCli(argv, { cwd });
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout).toBe(
      [
        '::error file=Dockerfile,line=1,col=12,endLine=1,endColumn=18,title=no-latest-tag::Image "python:latest" uses the latest tag.',
        '::warning file=api/Dockerfile,line=2,col=1,endLine=2,endColumn=19,title=require-user::The image runs as root.',
        '',
      ].join('\n'),
    );
    const sarif: unknown = JSON.parse(read(cwd, 'reports/lint.sarif'));
    expect(sarifValidator()(sarif)).toBe(true);
    expect((JSON.parse(read(cwd, 'gl.json')) as { check_name: string }[]).map((issue) => issue.check_name)).toEqual([
      'no-latest-tag',
      'require-user',
    ]);
    expect(read(cwd, 'junit.xml')).toContain('<testsuites name="docmind-docker-lint" tests="2" failures="2"');
  });

  it('writes no colours to files, and exits 2 when one report cannot be written while still writing the others', async () => {
    const cwd = project({ Dockerfile: LATEST, blocked: 'a file, not a folder' });
    const { code, stderr } = await runCli(['-f', 'compact', '-o', 'blocked/out.txt', '-f', 'stylish', '-o', 'ok.txt'], {
      cwd,
      env: { FORCE_COLOR: '1' },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('could not write the report to');
    expect(read(cwd, 'ok.txt')).toContain('error  Image "python:latest" uses the latest tag  no-latest-tag');
    expect(read(cwd, 'ok.txt')).not.toContain('\u001b[');
  });
});

describe('.hadolint.yaml', () => {
  it('turns off ignored rules and sets overridden severities; --no-hadolint-config ignores it', async () => {
    const cwd = project({ Dockerfile: 'FROM python:latest\nRUN x\n', '.hadolint.yaml': 'ignored: [DL3007, SC2086]\noverride:\n  error: [DL3002]\n' });
    const withIt = await runCli(['-f', 'compact'], { cwd });
    expect(withIt).toEqual({ code: 1, stdout: 'Dockerfile: line 2, col 1, Error - The image runs as root. (require-user)\n\n1 problem\n', stderr: '' });
    const without = await runCli(['-f', 'compact', '--no-hadolint-config'], { cwd });
    expect(without.stdout).toBe(
      'Dockerfile: line 1, col 12, Error - Image "python:latest" uses the latest tag. (no-latest-tag)\n' +
        'Dockerfile: line 2, col 1, Warning - The image runs as root. (require-user)\n\n2 problems\n',
    );
  });

  it('goes over a config file that extends a preset, and under --rule', async () => {
    const cwd = project({ Dockerfile: LATEST, '.hadolint.yaml': 'ignored: [DL3007]\n', '.docmind-docker-lint.yaml': 'extends: [recommended]\n' });
    expect((await runCli([], { cwd })).code).toBe(0);
    expect((await runCli(['--rule', 'no-latest-tag: error'], { cwd })).code).toBe(1);
  });

  it('configures the label rule from label-schema and keeps trustedRegistries in settings (--print-config)', async () => {
    const cwd = project({
      Dockerfile: 'FROM python:3.12\nUSER app\n',
      '.hadolint.yml': 'label-schema:\n  maintainer: text\nstrict-labels: true\ntrustedRegistries: [docker.io]\n',
    });
    const { code, stdout } = await runCli(['--print-config', 'Dockerfile'], { cwd });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      rules: {
        'label-schema': ['warn', { schema: { maintainer: 'text' }, strict: true }],
        'no-latest-tag': 'error',
        'require-user': 'warn',
      },
      settings: { hadolint: { labelSchema: { maintainer: 'text' }, strictLabels: true, trustedRegistries: ['docker.io'] } },
      reportUnusedDisableDirectives: 'off',
    });
    expect((await runCli(['-f', 'compact'], { cwd })).stdout).toContain('Warning - Label "maintainer" is missing. (label-schema)');
  });

  it('applies failure-threshold: warnings fail at "warning", nothing fails at "none" or with no-fail', async () => {
    const warned = project({ Dockerfile: ROOT, '.hadolint.yaml': 'failure-threshold: warning\n' });
    const run = await runCli([], { cwd: warned });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('docmind-docker-lint found too many warnings (maximum: 0).\n');
    expect((await runCli(['--max-warnings', '5'], { cwd: warned })).code).toBe(0);

    const relaxed = project({ Dockerfile: LATEST, '.hadolint.yaml': 'failure-threshold: none\n' });
    expect((await runCli([], { cwd: relaxed })).code).toBe(0);
    const noFail = project({ Dockerfile: LATEST, '.hadolint.yaml': 'no-fail: true\n' });
    expect((await runCli([], { cwd: noFail })).code).toBe(0);
  });

  it('exits 2 naming a broken file', async () => {
    const cwd = project({ Dockerfile: LATEST, '.hadolint.yaml': 'ignored: DL3007\n' });
    expect(await runCli([], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'docmind-docker-lint: invalid configuration: .hadolint.yaml: /ignored: expected a list of rule codes, got "DL3007"\n',
    });
  });
});

describe('--init', () => {
  it('writes a starter config naming what it found, which then applies', async () => {
    const cwd = project({ Dockerfile: LATEST, 'services/api/Dockerfile': ROOT, 'compose.yaml': 'services:\n  api:\n    build: services/api\n', 'pyproject.toml': '[project]\nname = "x"\n' });
    const { code, stdout, stderr } = await runCli(['--init'], { cwd });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('Wrote .docmind-docker-lint.yaml: extends "recommended"; found 2 Dockerfiles, 1 Compose file, 1 pyproject.toml.\n');
    expect(read(cwd, '.docmind-docker-lint.yaml')).toBe(
      [
        '# yaml-language-server: $schema=./node_modules/docmind-docker-lint/schema.json',
        '# Written by `docmind-docker-lint --init`. Every key is explained in',
        '# https://github.com/docmind/docmind-docker-lint/blob/main/docs/configuration.md',
        '#',
        '# Found in this project:',
        '#   Dockerfiles: Dockerfile, services/api/Dockerfile',
        '#   Compose files: compose.yaml',
        '#   Python projects: pyproject.toml',
        'root: true',
        'extends:',
        '  - recommended',
        '# Turn rules off or change their severity and options here, by rule id or by a hadolint or',
        '# BuildKit id they cover: `DL3008: off`, `non-root-user: [error, { user: app }]`.',
        'rules: {}',
        '# Files never linted, relative to this folder, such as test fixtures: ["tests/fixtures/**"].',
        'ignores: []',
        '',
      ].join('\n'),
    );
    expect((await runCli(['--print-config', 'Dockerfile'], { cwd })).stdout).toContain('"no-latest-tag": "error"');
  });

  it('refuses to replace a config, and replaces it in its own format with --force', async () => {
    const cwd = project({ Dockerfile: LATEST, '.docmind-docker-lint.json': '{ "rules": { "no-latest-tag": "off" } }\n' });
    expect(await runCli(['--init'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'docmind-docker-lint: .docmind-docker-lint.json already holds a configuration; not replacing it (--init --force replaces it).\n',
    });
    expect(read(cwd, '.docmind-docker-lint.json')).toBe('{ "rules": { "no-latest-tag": "off" } }\n');
    expect((await runCli(['--init', '--force'], { cwd })).code).toBe(0);
    expect(JSON.parse(read(cwd, '.docmind-docker-lint.json'))).toEqual({
      $schema: './node_modules/docmind-docker-lint/schema.json',
      root: true,
      extends: ['recommended'],
      rules: {},
      ignores: [],
    });
  });

  it('counts a package.json only with a "docmind-docker-lint" key, and notes a hadolint config', async () => {
    const cwd = project({ 'package.json': '{ "name": "x" }\n', '.hadolint.yaml': 'ignored: [DL3007]\n' });
    const { code, stdout } = await runCli(['--init'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('No Dockerfile or Compose file was found here');
    expect(read(cwd, '.docmind-docker-lint.yaml')).toContain('#   hadolint config: .hadolint.yaml (its ignored and overridden rules apply too)\n');
    const keyed = project({ 'package.json': '{ "docmind-docker-lint": {} }\n' });
    expect((await runCli(['--init'], { cwd: keyed })).code).toBe(2);
  });

  it('picks the docmind preset for a project with DocMind settings in .env.example', async () => {
    const cwd = project({ Dockerfile: LATEST, '.env.example': '# settings\nDOCMIND_LLM__MODEL=qwen\n' });
    expect((await runCli(['--init'], { cwd })).stdout).toContain('extends "docmind"');
    expect(read(cwd, '.docmind-docker-lint.yaml')).toContain('extends:\n  - docmind\n');
  });
});

describe('progress line', () => {
  const tree = (count: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: count }, (_, index) => [`s${String(index).padStart(3, '0')}/Dockerfile`, 'FROM python:3.12\nUSER app\n']));

  it('draws files done / total on a terminal stderr for a large tree, and erases it', async () => {
    const cwd = project(tree(100));
    const { code, stdout, stderr } = await runCli([], { cwd, stderrIsTTY: true });
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr.startsWith('\r\u001b[Kdocmind-docker-lint: 1/100 files')).toBe(true);
    expect(stderr).toContain('\r\u001b[Kdocmind-docker-lint: 100/100 files');
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('draws nothing when stderr is piped, or for a small tree', async () => {
    expect((await runCli([], { cwd: project(tree(100)) })).stderr).toBe('');
    expect((await runCli([], { cwd: project(tree(3)), stderrIsTTY: true })).stderr).toBe('');
  });
});

describe('the command lines the docs and hooks give', () => {
  /** The arguments after the CLI's name in a documented command line (`npx --yes docmind-docker-lint ...`). */
  function cliArgs(command: string): string[] {
    const words = command.trim().split(/\s+/u);
    return words.slice(words.findIndex((word) => /^docmind-docker-lint(@.*)?$/u.test(word)) + 1);
  }

  function documentedBlock(marker: string): unknown {
    const docs = fs.readFileSync(path.join(repoRoot, 'docs/integrations.md'), 'utf8');
    const match = new RegExp(`<!-- integrations-test: ${marker} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``, 'u').exec(docs);
    if (!match) throw new Error(`No block marked ${marker} in docs/integrations.md`);
    return parseYaml(match[1]!);
  }

  it('GitHub Actions: annotations on stdout and a valid SARIF file for the upload step', async () => {
    const workflow = documentedBlock('github-actions') as { jobs: Record<string, { steps: { run?: string; with?: { sarif_file?: string } }[] }> };
    const steps = workflow.jobs['docker-lint']!.steps;
    const lint = steps.find((step) => step.run?.includes('docmind-docker-lint'))!;
    const sarifFile = steps.find((step) => step.with?.sarif_file)!.with!.sarif_file!;
    const cwd = project({ Dockerfile: LATEST });
    const { code, stdout } = await runCli(cliArgs(lint.run!), { cwd });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=Dockerfile,line=1,col=12,/u);
    expect(sarifValidator()(JSON.parse(read(cwd, sarifFile)))).toBe(true);
  });

  it('GitLab: the Code Quality and JUnit artifacts the job declares, and a compact log', async () => {
    const pipeline = documentedBlock('gitlab') as Record<string, { script: string[]; artifacts: { reports: { codequality: string; junit: string } } }>;
    const job = pipeline['docker-lint']!;
    const cwd = project({ Dockerfile: LATEST });
    const { code, stdout } = await runCli(cliArgs(job.script[0]!), { cwd });
    expect(code).toBe(1);
    expect(stdout).toContain('Dockerfile: line 1, col 12, Error - ');
    expect(JSON.parse(read(cwd, job.artifacts.reports.codequality))).toHaveLength(1);
    const junit = read(cwd, job.artifacts.reports.junit);
    expect(junit).toContain('<testcase name="no-latest-tag" classname="Dockerfile"');
    if (hasXmlParser) expect(parseXml(junit)).toEqual({ root: 'testsuites' });
  });

  it('pre-commit: each hook lints (or fixes) exactly the staged files its pattern selects', async () => {
    const hooks = parseYaml(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
      files: string;
      require_serial: boolean;
    }[];
    expect(hooks.map((hook) => [hook.id, hook.language, hook.require_serial])).toEqual([
      ['docmind-docker-lint', 'node', true],
      ['docmind-docker-lint-fix', 'node', true],
    ]);
    const staged = ['Dockerfile', 'api/Dockerfile.dev', 'compose.yaml', '.dockerignore', 'README.md', 'pyproject.toml', 'notes/compose-notes.txt'];
    for (const hook of hooks) {
      const files = staged.filter((file) => new RegExp(hook.files, 'u').test(file));
      expect(files).toEqual(['Dockerfile', 'api/Dockerfile.dev', 'compose.yaml', '.dockerignore']);
      const cwd = project({
        Dockerfile: LATEST,
        'api/Dockerfile.dev': LATEST,
        'compose.yaml': 'services:\n  app:\n    build: .\n',
        '.dockerignore': '.git\n',
        'other/Dockerfile': LATEST,
        'README.md': '# x\n',
        'pyproject.toml': '[project]\nname = "x"\n',
        'notes/compose-notes.txt': 'x',
      });
      // pre-commit runs the entry with the matching staged files appended.
      const { code, stdout } = await runCli([...cliArgs(hook.entry), '-f', 'compact', ...files], { cwd });
      if (hook.id === 'docmind-docker-lint') {
        expect(code).toBe(1);
        expect(stdout).toBe(
          'Dockerfile: line 1, col 12, Error - Image "python:latest" uses the latest tag. (no-latest-tag)\n' +
            'api/Dockerfile.dev: line 1, col 12, Error - Image "python:latest" uses the latest tag. (no-latest-tag)\n\n2 problems\n',
        );
      } else {
        expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
        expect(read(cwd, 'api/Dockerfile.dev')).toBe('FROM python:1\nUSER app\n');
        expect(read(cwd, 'other/Dockerfile')).toBe(LATEST);
      }
    }
  });
});
