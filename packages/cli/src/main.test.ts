import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCreateRule, type DockerfileNode, type InstructionNode, type Plugin, type ComposeFileNode } from '@docmind-docker-lint/core';
import { main } from './main.js';

const createRule = makeCreateRule((name) => `https://example.test/rules/${name}`);

/** Errors on `:latest` images; fixes them to `:1`. Option `allow`: images that may use latest. */
const noLatestTag = createRule<'latest', [{ allow: string[] }]>({
  name: 'no-latest-tag',
  meta: {
    type: 'problem',
    docs: { description: 'Pin images to a tag other than latest.', recommended: true },
    messages: { latest: 'Image "{{image}}" uses the latest tag.' },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' }, description: 'Images that may use latest.' } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [] }],
    fixable: 'code',
  },
  create(context, [options]) {
    return {
      FROM(node: InstructionNode) {
        const match = /(\S+)(:latest)\b/u.exec(node.argsText);
        if (!match || options.allow.includes(match[1]!)) return;
        const start = node.argsRange[0] + match.index + match[1]!.length;
        const range = [start, start + ':latest'.length] as const;
        context.report({ range, messageId: 'latest', data: { image: match[0] }, fix: (fixer) => fixer.replaceTextRange(range, ':1') });
      },
    };
  },
});

/** Warns when a Dockerfile has no USER; suggests adding one. */
const requireUser = createRule({
  name: 'require-user',
  meta: {
    type: 'suggestion',
    docs: { description: 'Images should not run as root.', recommended: true },
    messages: { root: 'The image runs as root.', addUser: 'Add "USER app".' },
    schema: [],
    defaultOptions: [],
    hasSuggestions: true,
  },
  create(context) {
    return {
      'Dockerfile:exit'(node: DockerfileNode) {
        const last = node.instructions.at(-1);
        if (!last || node.instructions.some((instruction) => instruction.keyword === 'USER')) return;
        context.report({
          node: last,
          messageId: 'root',
          suggest: [{ messageId: 'addUser', fix: (fixer) => fixer.insertTextAfterRange(last.range, '\nUSER app') }],
        });
      },
    };
  },
});

/** Upper-cases instruction keywords (a layout fix). Not recommended. */
const keywordCase = createRule({
  name: 'keyword-case',
  meta: {
    type: 'layout',
    docs: { description: 'Write instruction keywords in upper case.' },
    messages: { lower: 'Write "{{keyword}}" in upper case.' },
    schema: [],
    defaultOptions: [],
    fixable: 'whitespace',
  },
  create(context) {
    return {
      Instruction(node: InstructionNode) {
        const written = context.sourceFile.text.slice(node.keywordRange[0], node.keywordRange[1]);
        if (written === node.keyword) return;
        context.report({
          range: node.keywordRange,
          messageId: 'lower',
          data: { keyword: node.keyword },
          fix: (fixer) => fixer.replaceTextRange(node.keywordRange, node.keyword),
        });
      },
    };
  },
});

/** Warns on `container_name` in Compose files. */
const noContainerName = createRule({
  name: 'no-container-name',
  meta: {
    type: 'suggestion',
    docs: { description: 'Let Compose name containers.', recommended: true },
    messages: { named: 'Remove container_name; Compose names containers itself.' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      ComposeFile(node: ComposeFileNode) {
        const index = node.file.text.indexOf('container_name');
        if (index >= 0) context.report({ range: [index, index + 'container_name'.length], messageId: 'named' });
      },
    };
  },
});

/** Throws on every Dockerfile (an internal error). Not recommended. */
const explode = createRule({
  name: 'explode',
  meta: { type: 'problem', docs: { description: 'Throws.' }, messages: { never: 'never' }, schema: [], defaultOptions: [] },
  create() {
    return {
      Dockerfile() {
        throw new Error('boom');
      },
    };
  },
});

const testPlugin: Plugin = {
  meta: { name: 'test-plugin' },
  rules: {
    'no-latest-tag': noLatestTag,
    'require-user': requireUser,
    'keyword-case': keywordCase,
    'no-container-name': noContainerName,
    explode,
  },
  configs: {
    recommended: { rules: { 'no-latest-tag': 'error', 'require-user': 'warn', 'no-container-name': 'warn' } },
  },
};

const CLEAN = 'FROM python:3.12\nUSER app\n';
const LATEST = 'FROM python:latest\nUSER app\n';
const ROOT = 'FROM python:3.12\nRUN pip install app\n';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'docmind-cli-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function writeFiles(files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    const filePath = path.join(root, name);
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, text);
  }
}

function read(name: string): string {
  return fs.readFileSync(path.join(root, name), 'utf8');
}

interface RunOptions {
  readonly env?: Record<string, string>;
  readonly isTTY?: boolean;
  readonly stdin?: string;
  readonly plugins?: Plugin[];
}

async function run(argv: string[], options: RunOptions = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
      cwd: root,
      env: options.env ?? {},
      isTTY: options.isTTY ?? false,
    },
    { plugins: options.plugins ?? [testPlugin] },
  );
  return { code, stdout, stderr };
}

describe('exit codes', () => {
  it('exits 0 and prints nothing for a clean project', async () => {
    writeFiles({ Dockerfile: CLEAN, 'compose.yaml': 'services:\n  app:\n    build: .\n' });
    expect(await run([])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exits 1 for problems at error severity', async () => {
    writeFiles({ Dockerfile: LATEST });
    const { code, stderr } = await run([]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
  });

  it('exits 0 for warnings alone', async () => {
    writeFiles({ Dockerfile: ROOT });
    const { code, stdout } = await run([]);
    expect(code).toBe(0);
    expect(stdout).toContain('warning  The image runs as root');
  });

  it('exits 1 when the warnings exceed --max-warnings', async () => {
    writeFiles({ Dockerfile: ROOT, 'compose.yaml': 'services:\n  app:\n    container_name: app\n' });
    expect((await run(['--max-warnings', '2'])).code).toBe(0);
    const over = await run(['--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('docmind-docker-lint found too many warnings (maximum: 1).\n');
  });

  it('exits 2 for an unknown flag, with a hint to --help', async () => {
    writeFiles({ Dockerfile: CLEAN });
    const { code, stdout, stderr } = await run(['--frobnicate']);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    // The first line is node:util's explanation, whose wording varies between Node releases.
    expect(stderr).toMatch(/^docmind-docker-lint: Unknown option '--frobnicate'.*\nRun "docmind-docker-lint --help" to see the options\.\n$/u);
  });

  it('exits 2 for a bad flag value', async () => {
    const { code, stderr } = await run(['--max-warnings', 'lots']);
    expect(code).toBe(2);
    expect(stderr).toContain('--max-warnings takes a whole number of at least 0, not "lots".');
  });

  it('exits 2 for a path that does not exist, and still lints the others', async () => {
    writeFiles({ Dockerfile: LATEST });
    const { code, stdout, stderr } = await run(['missing/Dockerfile', 'Dockerfile']);
    expect(code).toBe(2);
    expect(stderr).toBe('docmind-docker-lint: No such file or folder inside the project root: missing/Dockerfile\n');
    expect(stdout).toContain('Image "python:latest" uses the latest tag');
    expect(stdout).not.toContain('missing');
  });

  it('exits 2 for a broken config, naming the file and the JSON pointer', async () => {
    writeFiles({ Dockerfile: CLEAN, '.docmind-docker-lint.json': '{ "rules": { "no-latest-tag": "eror" } }\n' });
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'docmind-docker-lint: invalid configuration: .docmind-docker-lint.json: /rules/no-latest-tag: ' +
        'expected "off", "warn", "error" or 0-2, got "eror"\n',
    );
  });

  it('exits 2 when a rule throws, reporting it without a stack trace', async () => {
    writeFiles({ Dockerfile: CLEAN });
    const { code, stdout, stderr } = await run(['--rule', 'explode: error']);
    expect(code).toBe(2);
    expect(stderr).toBe('docmind-docker-lint: internal error in Dockerfile: Rule "explode" failed on this file: boom\n');
    expect(stdout).toContain('Rule "explode" failed on this file: boom  explode');
  });

  it('exits 2 for a crash, printing the stack trace only with --debug', async () => {
    writeFiles({ Dockerfile: CLEAN });
    const twice = { plugins: [testPlugin, { ...testPlugin, meta: { name: 'copy' } }] };
    const plain = await run([], twice);
    expect(plain).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'docmind-docker-lint: internal error: Rule "no-latest-tag" is defined by both test-plugin and copy.\n' +
        'Run again with --debug to see the stack trace.\n',
    });
    const debug = await run(['--debug'], twice);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^docmind-docker-lint: internal error: .*\nError: Rule "no-latest-tag" is defined by both .*\n {4}at /u);
  });
});

describe('output', () => {
  it('prints the stylish report, without colours when stdout is not a terminal', async () => {
    writeFiles({ Dockerfile: 'FROM python:latest\nRUN pip install app\n', 'svc/compose.yaml': 'services:\n  app:\n    container_name: app\n' });
    const { stdout } = await run([]);
    expect(stdout).toBe(
      [
        '',
        'Dockerfile',
        '  1:12  error    Image "python:latest" uses the latest tag  no-latest-tag',
        '  2:1   warning  The image runs as root                     require-user',
        '',
        'svc/compose.yaml',
        '  3:5  warning  Remove container_name; Compose names containers itself  no-container-name',
        '',
        '\u2716 3 problems (1 error, 2 warnings)',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('colours a terminal unless NO_COLOR, and FORCE_COLOR or --color colour anything', async () => {
    writeFiles({ Dockerfile: LATEST });
    const hasColour = (text: string): boolean => text.includes('\u001b[');
    expect(hasColour((await run([], { isTTY: true })).stdout)).toBe(true);
    expect(hasColour((await run([], { isTTY: true, env: { NO_COLOR: '1' } })).stdout)).toBe(false);
    expect(hasColour((await run([], { env: { FORCE_COLOR: '1' } })).stdout)).toBe(true);
    expect(hasColour((await run(['--color'], { env: { NO_COLOR: '1' } })).stdout)).toBe(true);
    expect(hasColour((await run(['--no-color'], { isTTY: true, env: { FORCE_COLOR: '1' } })).stdout)).toBe(false);
  });

  it("prints ESLint's JSON shape", async () => {
    writeFiles({ Dockerfile: 'FROM python:latest\n', 'sub/Dockerfile': CLEAN });
    const { code, stdout } = await run(['--format', 'json']);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as Record<string, unknown>[];
    expect(results).toEqual([
      {
        filePath: path.join(root, 'Dockerfile'),
        messages: [
          {
            ruleId: 'require-user',
            severity: 1,
            message: 'The image runs as root.',
            messageId: 'root',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 19,
            suggestions: [{ desc: 'Add "USER app".', messageId: 'addUser', fix: { range: [18, 18], text: '\nUSER app' } }],
          },
          {
            ruleId: 'no-latest-tag',
            severity: 2,
            message: 'Image "python:latest" uses the latest tag.',
            messageId: 'latest',
            line: 1,
            column: 12,
            endLine: 1,
            endColumn: 19,
            fix: { range: [11, 18], text: ':1' },
          },
        ],
        suppressedMessages: [],
        errorCount: 1,
        warningCount: 1,
        fatalErrorCount: 0,
        fixableErrorCount: 1,
        fixableWarningCount: 0,
        source: 'FROM python:latest\n',
      },
      {
        filePath: path.join(root, 'sub', 'Dockerfile'),
        messages: [],
        suppressedMessages: [],
        errorCount: 0,
        warningCount: 0,
        fatalErrorCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  it('--quiet reports errors only, and its warnings do not count toward --max-warnings', async () => {
    writeFiles({ Dockerfile: 'FROM python:latest\n', 'other/Dockerfile': ROOT });
    const { code, stdout } = await run(['--quiet', '--max-warnings', '0']);
    expect(code).toBe(1);
    expect(stdout).toContain('no-latest-tag');
    expect(stdout).not.toContain('require-user');
    expect(stdout).toContain('\u2716 1 problem (1 error, 0 warnings)');
    writeFiles({ Dockerfile: CLEAN });
    expect(await run(['--quiet', '--max-warnings', '0'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('-o writes the report to a file, creating its folder', async () => {
    writeFiles({ Dockerfile: LATEST });
    const { code, stdout } = await run(['-f', 'json', '-o', 'reports/lint.json'], { isTTY: true });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(read('reports/lint.json'))).toHaveLength(1);
  });
});

describe('configuration flags', () => {
  it('--rule turns rules on and off and passes options, YAML flow or JSON', async () => {
    writeFiles({ Dockerfile: 'from python:latest\nUSER app\n' });
    const withKeywordCase = await run(['--rule', 'keyword-case: warn', '--rule', 'no-latest-tag: off']);
    expect(withKeywordCase.code).toBe(0);
    expect(withKeywordCase.stdout).toContain('1:1  warning  Write "FROM" in upper case  keyword-case');
    expect(withKeywordCase.stdout).not.toContain('no-latest-tag');
    expect((await run(['--rule', 'no-latest-tag: [error, {allow: [python]}]'])).code).toBe(0);
    expect((await run(['--rule', 'no-latest-tag: ["error", {"allow": ["node"]}]'])).code).toBe(1);
  });

  it('--rule with an unknown rule or bad options is a configuration error', async () => {
    writeFiles({ Dockerfile: CLEAN });
    const unknown = await run(['--rule', 'no-latest: error']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('docmind-docker-lint: invalid configuration: --rule: /no-latest: unknown rule "no-latest"\n');
    const badOptions = await run(['--rule', 'no-latest-tag: [error, {deny: [x]}]']);
    expect(badOptions.code).toBe(2);
    expect(badOptions.stderr).toContain('--rule: /no-latest-tag/1');
  });

  it('-c uses a named config file and --no-config ignores config files', async () => {
    writeFiles({
      Dockerfile: LATEST,
      '.docmind-docker-lint.json': '{ "rules": { "no-latest-tag": "off" } }\n',
      'strict.yaml': 'rules:\n  no-latest-tag: error\n',
    });
    expect((await run([])).code).toBe(0);
    expect((await run(['-c', 'strict.yaml'])).code).toBe(1);
    expect(await run(['--no-config'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await run(['--no-config', '--rule', 'no-latest-tag: error'])).code).toBe(1);
  });

  it('--ignore-pattern skips matching files', async () => {
    writeFiles({ Dockerfile: CLEAN, 'vendor/Dockerfile': LATEST });
    expect((await run([])).code).toBe(1);
    expect((await run(['--ignore-pattern', 'vendor/**'])).code).toBe(0);
  });

  it('--max-file-size skips larger files with a warning', async () => {
    writeFiles({ Dockerfile: LATEST });
    const { code, stdout } = await run(['--max-file-size', '10']);
    expect(code).toBe(0);
    expect(stdout).toContain('warning  File is larger than 1 KiB (1 KiB); not linted');
  });

  it('--report-unused-disable-directives reports disable comments that silence nothing', async () => {
    writeFiles({ Dockerfile: `# docmind-docker-lint-disable-next-line no-latest-tag\n${CLEAN}` });
    expect((await run([])).code).toBe(0);
    const { code, stdout } = await run(['--report-unused-disable-directives']);
    expect(code).toBe(1);
    expect(stdout).toContain('no-latest-tag');
  });
});

describe('fixing', () => {
  it('--fix writes the fixed files and reports what remains', async () => {
    writeFiles({ Dockerfile: 'from python:latest\n' });
    const { code, stdout } = await run(['--fix', '--rule', 'keyword-case: error']);
    expect(read('Dockerfile')).toBe('FROM python:1\n');
    expect(code).toBe(0);
    expect(stdout).toContain('warning  The image runs as root');
  });

  it('--fix-type limits fixes to rules of those types', async () => {
    writeFiles({ Dockerfile: 'from python:latest\nUSER app\n' });
    const { code, stdout } = await run(['--fix', '--fix-type', 'layout', '--rule', 'keyword-case: error']);
    expect(read('Dockerfile')).toBe('FROM python:latest\nUSER app\n');
    expect(code).toBe(1);
    expect(stdout).toContain('no-latest-tag');
  });

  it('--fix-dry-run writes nothing and puts the fixed text in the JSON output', async () => {
    writeFiles({ Dockerfile: LATEST });
    const { code, stdout } = await run(['--fix-dry-run', '-f', 'json']);
    expect(read('Dockerfile')).toBe(LATEST);
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout) as Record<string, unknown>[];
    expect(result).toMatchObject({ output: 'FROM python:1\nUSER app\n', messages: [], errorCount: 0 });
    expect(result).not.toHaveProperty('source');
  });

  it('--fix-dry-run with the diff format shows what --fix would change', async () => {
    writeFiles({ Dockerfile: LATEST, 'clean/Dockerfile': CLEAN });
    const { stdout } = await run(['--fix-dry-run', '-f', 'diff']);
    expect(read('Dockerfile')).toBe(LATEST);
    expect(stdout).toBe(
      ['--- a/Dockerfile', '+++ b/Dockerfile', '@@ -1,2 +1,2 @@', '-FROM python:latest', '+FROM python:1', ' USER app', ''].join('\n'),
    );
  });

  it('reports a file it could not write and exits 2', async () => {
    writeFiles({ 'real/Dockerfile': LATEST });
    // The applier never writes through a link, so a linked Dockerfile cannot be fixed in place.
    fs.symlinkSync(path.join(root, 'real', 'Dockerfile'), path.join(root, 'Dockerfile'));
    const { code, stderr } = await run(['--fix', 'Dockerfile']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `docmind-docker-lint: could not write Dockerfile: Refusing to write ${path.join(root, 'Dockerfile')}: it is a symbolic link.\n`,
    );
    expect(read('real/Dockerfile')).toBe(LATEST);
  });
});

describe('--stdin', () => {
  it('lints standard input as a Dockerfile by default', async () => {
    const { code, stdout } = await run(['--stdin'], { stdin: LATEST });
    expect(code).toBe(1);
    expect(stdout).toContain('Dockerfile\n  1:12  error  Image "python:latest" uses the latest tag  no-latest-tag');
  });

  it('lints it as the file --stdin-filename names', async () => {
    const { code, stdout } = await run(['--stdin', '--stdin-filename', 'deploy/compose.yaml'], {
      stdin: 'services:\n  app:\n    container_name: app\n',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('deploy/compose.yaml\n  3:5  warning  Remove container_name');
  });

  it('with --fix prints the fixed text on stdout and the remaining problems on stderr', async () => {
    writeFiles({ Dockerfile: CLEAN });
    const { code, stdout, stderr } = await run(['--stdin', '--fix'], { stdin: 'FROM python:latest\n' });
    expect(stdout).toBe('FROM python:1\n');
    expect(stderr).toContain('warning  The image runs as root');
    expect(code).toBe(0);
    expect(read('Dockerfile')).toBe(CLEAN);
  });

  it('with --fix prints the text unchanged when there is nothing to fix', async () => {
    const { code, stdout } = await run(['--stdin', '--fix'], { stdin: CLEAN });
    expect({ code, stdout }).toEqual({ code: 0, stdout: CLEAN });
  });
});

describe('information', () => {
  it('--print-config prints the configuration of a file as JSON', async () => {
    writeFiles({ '.docmind-docker-lint.yaml': 'extends: recommended\nrules:\n  keyword-case: [warn]\n  require-user: off\n' });
    const { code, stdout } = await run(['--print-config', 'Dockerfile']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      rules: { 'keyword-case': 'warn', 'no-container-name': 'warn', 'no-latest-tag': 'error', 'require-user': 'off' },
      settings: {},
      reportUnusedDisableDirectives: 'off',
    });
  });

  it('--list-rules prints every rule', async () => {
    const { code, stdout } = await run(['--list-rules']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Rule               Pack         Type        Fixes        Recommended  Description',
        'explode            test-plugin  problem                               Throws.',
        'keyword-case       test-plugin  layout      fix                       Write instruction keywords in upper case.',
        'no-container-name  test-plugin  suggestion               yes          Let Compose name containers.',
        'no-latest-tag      test-plugin  problem     fix          yes          Pin images to a tag other than latest.',
        'require-user       test-plugin  suggestion  suggestions  yes          Images should not run as root.',
        '',
      ].join('\n'),
    );
  });

  it('--version prints the version of package.json', async () => {
    const manifest = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    expect((await run(['-v'])).stdout).toBe(`${manifest.version}\n`);
  });

  it('--help prints the usage', async () => {
    const { code, stdout } = await run(['-h']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^docmind-docker-lint \[options\] \[paths\.\.\.\]/u);
    expect(stdout).toContain('--report-unused-disable-directives');
  });
});
