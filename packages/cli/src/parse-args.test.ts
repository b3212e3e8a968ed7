import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseRuleFlags } from './parse-args.js';

describe('parseCliArgs', () => {
  it('reads --plugin (repeatable) and --resolve-plugins-relative-to', () => {
    expect(parseCliArgs([])).toMatchObject({ pluginNames: [], resolvePluginsRelativeTo: undefined });
    expect(parseCliArgs(['--plugin', 'a', '--plugin', './b.js', '--resolve-plugins-relative-to', 'tools'])).toMatchObject({
      pluginNames: ['a', './b.js'],
      resolvePluginsRelativeTo: 'tools',
    });
    expect(() => parseCliArgs(['--plugin', ' '])).toThrow('--plugin takes a package name');
    expect(() => parseCliArgs(['--plugin'])).toThrow();
  });

  it('defaults to linting the current folder with the stylish formatter', () => {
    expect(parseCliArgs([])).toMatchObject({
      paths: ['.'],
      reports: [{ format: 'stylish', outputFile: undefined }],
      useHadolintConfig: true,
      init: false,
      force: false,
      fix: false,
      fixDryRun: false,
      fixTypes: undefined,
      useConfigFiles: true,
      rules: {},
      maxWarnings: undefined,
      stdinFilename: 'Dockerfile',
      color: undefined,
    });
  });

  it('reads every flag', () => {
    const options = parseCliArgs([
      'a',
      'b/Dockerfile',
      '--fix-dry-run',
      '--fix-type',
      'problem,layout',
      '-f',
      'json',
      '-o',
      'report.json',
      '-c',
      'lint.yaml',
      '--max-warnings',
      '3',
      '--quiet',
      '--ignore-pattern',
      'vendor/**',
      '--ignore-pattern',
      'old/**',
      '--max-file-size',
      '1024',
      '--report-unused-disable-directives',
      '--debug',
    ]);
    expect(options).toMatchObject({
      paths: ['a', 'b/Dockerfile'],
      fixDryRun: true,
      fixTypes: ['problem', 'layout'],
      reports: [{ format: 'json', outputFile: 'report.json' }],
      configFile: 'lint.yaml',
      maxWarnings: 3,
      quiet: true,
      ignorePatterns: ['vendor/**', 'old/**'],
      maxFileSize: 1024,
      reportUnusedDisableDirectives: true,
      debug: true,
    });
  });

  it('reads --rule-time-budget as whole milliseconds', () => {
    expect(parseCliArgs(['--rule-time-budget', '250', '.']).ruleTimeBudgetMs).toBe(250);
    expect(parseCliArgs(['.']).ruleTimeBudgetMs).toBeUndefined();
    expect(() => parseCliArgs(['--rule-time-budget', '0', '.'])).toThrow(/--rule-time-budget takes a whole number of at least 1/);
    expect(() => parseCliArgs(['--rule-time-budget', '1.5', '.'])).toThrow(/--rule-time-budget/);
  });

  it('keeps --compose-file files in the order given', () => {
    expect(parseCliArgs(['--compose-file', 'compose.yaml', '--compose-file', 'deploy/prod.yml', '.']).composeFiles).toEqual(['compose.yaml', 'deploy/prod.yml']);
    expect(parseCliArgs(['.']).composeFiles).toEqual([]);
  });

  it('pairs one --format and one --output-file in any order', () => {
    expect(parseCliArgs(['-o', 'out.txt', '-f', 'compact']).reports).toEqual([{ format: 'compact', outputFile: 'out.txt' }]);
    expect(parseCliArgs(['-o', 'out.txt']).reports).toEqual([{ format: 'stylish', outputFile: 'out.txt' }]);
  });

  it('gives each of several --format flags the --output-file after it, and standard output to one without', () => {
    const argv = ['-f', 'github', '-f', 'sarif', '-o', 'lint.sarif', '--format=gitlab', '--output-file=gl-code-quality.json'];
    expect(parseCliArgs(argv).reports).toEqual([
      { format: 'github', outputFile: undefined },
      { format: 'sarif', outputFile: 'lint.sarif' },
      { format: 'gitlab', outputFile: 'gl-code-quality.json' },
    ]);
  });

  it('reads --init, --force and --no-hadolint-config', () => {
    expect(parseCliArgs(['--init', '--force'])).toMatchObject({ init: true, force: true });
    expect(parseCliArgs(['--no-hadolint-config']).useHadolintConfig).toBe(false);
  });

  it('lets the last of --color and --no-color win', () => {
    expect(parseCliArgs(['--color', '--no-color']).color).toBe(false);
    expect(parseCliArgs(['--no-color', '--color']).color).toBe(true);
  });

  it.each([
    [['--nope'], "Unknown option '--nope'"],
    [['--format'], "Option '-f, --format <value>' argument missing"],
    [['--format', 'xml'], 'Unknown format "xml". Formats: stylish, json, diff, sarif, github, gitlab, checkstyle, junit, compact.'],
    [['-f', 'json', '-f', 'sarif'], 'Only one report can go to standard output, but json and sarif have no --output-file.'],
    [['-o', 'a.json', '-f', 'json', '-f', 'sarif', '-o', 'b.sarif'], '--output-file a.json comes before any --format'],
    [['-f', 'json', '-o', 'a.json', '-o', 'b.json', '-f', 'sarif'], '--format json has two output files (a.json, b.json)'],
    [['-f', 'json', '-o', 'same', '-f', 'sarif', '-o', './same'], 'Two reports would be written to the same --output-file.'],
    [['--force'], '--force needs --init.'],
    [['--init', 'services'], '--init writes a config for the working folder; give no paths with it.'],
    [['--fix', '--fix-dry-run'], '--fix and --fix-dry-run cannot be used together.'],
    [['--fix-type', 'problem'], '--fix-type needs --fix or --fix-dry-run.'],
    [['--fix', '--fix-type', 'style'], 'Unknown fix type "style". Fix types: problem, suggestion, layout.'],
    [['--max-warnings=-1'], '--max-warnings takes a whole number of at least 0, not "-1".'],
    [['--max-warnings', 'many'], '--max-warnings takes a whole number of at least 0, not "many".'],
    [['--max-file-size', '0'], '--max-file-size takes a whole number of at least 1, not "0".'],
    [['--stdin-filename', 'Dockerfile'], '--stdin-filename needs --stdin.'],
    [['--stdin', 'Dockerfile'], '--stdin lints the text on standard input; give no paths with it.'],
    [['--print-config', 'Dockerfile', 'other'], '--print-config takes one file and no other paths.'],
    [['-c', 'x.json', '--no-config'], '--config and --no-config cannot be used together.'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe('parseRuleFlags', () => {
  it('reads severities and option arrays, JSON or YAML flow', () => {
    expect(
      parseRuleFlags([
        'no-latest-tag: error',
        'require-user:warn',
        'docmind/python-version-pin: [error, {requires: ">=3.11"}]',
        'compose-ports: ["warn", {"max": 2}]',
        'old-rule: 0',
      ]),
    ).toEqual({
      'no-latest-tag': 'error',
      'require-user': 'warn',
      'docmind/python-version-pin': ['error', { requires: '>=3.11' }],
      'compose-ports': ['warn', { max: 2 }],
      'old-rule': 0,
    });
  });

  it('lets a later flag for the same rule win', () => {
    expect(parseRuleFlags(['r: error', 'r: off'])).toEqual({ r: 'off' });
  });

  it.each([
    ['no-latest-tag', 'is not "rule-id: severity"'],
    [': error', 'is not "rule-id: severity"'],
    ['r: fatal', 'the severity must be one of off, warn, error, 0, 1, 2.'],
    ['r: [error, {a: 1}', 'Flow sequence must end with a ]'],
    ['r: [3]', 'the severity must be one of'],
  ])('refuses %j', (flag, message) => {
    expect(() => parseRuleFlags([flag])).toThrow(message);
  });
});
