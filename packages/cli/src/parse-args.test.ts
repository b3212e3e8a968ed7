import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseRuleFlags } from './parse-args.js';

describe('parseCliArgs', () => {
  it('defaults to linting the current folder with the stylish formatter', () => {
    expect(parseCliArgs([])).toMatchObject({
      paths: ['.'],
      format: 'stylish',
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
      format: 'json',
      outputFile: 'report.json',
      configFile: 'lint.yaml',
      maxWarnings: 3,
      quiet: true,
      ignorePatterns: ['vendor/**', 'old/**'],
      maxFileSize: 1024,
      reportUnusedDisableDirectives: true,
      debug: true,
    });
  });

  it('lets the last of --color and --no-color win', () => {
    expect(parseCliArgs(['--color', '--no-color']).color).toBe(false);
    expect(parseCliArgs(['--no-color', '--color']).color).toBe(true);
  });

  it.each([
    [['--nope'], "Unknown option '--nope'"],
    [['--format'], "Option '-f, --format <value>' argument missing"],
    [['--format', 'xml'], 'Unknown format "xml". Formats: stylish, json, diff.'],
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
