import { describe, expect, it } from 'vitest';
import { formatSarif } from './sarif.js';
import { sampleContext, sampleResults } from './sample-results.test-helper.js';
import { sarifValidator } from './sarif-schema.test-helper.js';

const validate = sarifValidator();

/** The parts of a SARIF log the tests read back. */
interface SarifResult {
  readonly ruleId?: string;
  readonly ruleIndex?: number;
  readonly level: string;
  readonly suppressions?: unknown;
  readonly locations: readonly { readonly physicalLocation: { readonly artifactLocation: { readonly uri: string } } }[];
}
interface SarifLog {
  readonly version?: string;
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly version: string; readonly rules: unknown[] } };
    readonly invocations: unknown[];
    readonly originalUriBaseIds: unknown;
    readonly columnKind: string;
    readonly results: readonly SarifResult[];
  }[];
}

function sarif(results = sampleResults): SarifLog {
  return JSON.parse(formatSarif(results, sampleContext)) as SarifLog;
}

describe('sarif formatter', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const log: unknown = sarif();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema check has teeth: a log without a version is refused', () => {
    const { version: _version, ...log } = sarif();
    expect(validate(log)).toBe(false);
  });

  it('describes the rules that reported, sorted, with help URIs and types', () => {
    const run = sarif().runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'docmind-docker-lint', informationUri: 'https://github.com/docmind/docmind-docker-lint' });
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/u);
    expect(run.tool.driver.rules).toEqual([
      {
        id: 'docmind-docker-lint',
        shortDescription: { text: 'Problems the linter reports itself: unused disable directives, files it did not lint.' },
      },
      {
        id: 'keyword-case',
        shortDescription: { text: 'Write instruction keywords in upper case.' },
        helpUri: 'https://example.test/rules/41',
        help: { text: 'See https://example.test/rules/41', markdown: '[keyword-case](https://example.test/rules/41)' },
        properties: { tags: ['layout'] },
      },
      {
        id: 'no-latest-tag',
        shortDescription: { text: 'Pin images to a tag other than latest.' },
        helpUri: 'https://example.test/rules/38',
        help: { text: 'See https://example.test/rules/38', markdown: '[no-latest-tag](https://example.test/rules/38)' },
        properties: { tags: ['problem'], recommended: true, fixable: true },
      },
      {
        id: 'require-user',
        shortDescription: { text: 'Images should not run as root.' },
        helpUri: 'https://example.test/rules/30',
        help: { text: 'See https://example.test/rules/30', markdown: '[require-user](https://example.test/rules/30)' },
        properties: { tags: ['suggestion'], hasSuggestions: true },
      },
    ]);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///project/' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('gives each result its rule, level, exact region and fix', () => {
    const run = sarif().runs[0]!;
    const dockerfile = { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' };
    expect(run.results[0]).toEqual({
      ruleId: 'no-latest-tag',
      ruleIndex: 2,
      level: 'error',
      message: { text: 'Image "python:latest" uses the latest tag.' },
      locations: [{ physicalLocation: { artifactLocation: dockerfile, region: { startLine: 1, startColumn: 12, endLine: 1, endColumn: 19 } } }],
      fixes: [
        {
          description: { text: 'Fix: Image "python:latest" uses the latest tag.' },
          artifactChanges: [
            {
              artifactLocation: dockerfile,
              replacements: [
                { deletedRegion: { startLine: 1, startColumn: 12, endLine: 1, endColumn: 19 }, insertedContent: { text: ':1' } },
              ],
            },
          ],
        },
      ],
    });
  });

  it('writes suggestions as fixes, edits of other files by offset, and related locations', () => {
    const run = sarif().runs[0]!;
    expect(run.results[1]).toMatchObject({
      ruleId: 'require-user',
      ruleIndex: 3,
      level: 'warning',
      relatedLocations: [
        {
          id: 0,
          physicalLocation: {
            artifactLocation: { uri: 'pyproject.toml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 20 },
          },
          message: { text: 'The project is here.' },
        },
      ],
      fixes: [
        {
          description: { text: 'Add "USER app".' },
          artifactChanges: [
            {
              artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
              replacements: [
                { deletedRegion: { startLine: 2, startColumn: 33, endLine: 2, endColumn: 33 }, insertedContent: { text: '\nUSER app' } },
              ],
            },
            {
              artifactLocation: { uri: '.dockerignore', uriBaseId: '%SRCROOT%' },
              replacements: [{ deletedRegion: { charOffset: 0, charLength: 0 }, insertedContent: { text: '.env\n' } }],
            },
          ],
        },
      ],
    });
  });

  it("files the linter's own problems under its own id, and silenced problems as suppressed", () => {
    const run = sarif().runs[0]!;
    expect(run.results.slice(2).map((result) => [result.ruleId, result.ruleIndex, result.level, result.suppressions])).toEqual([
      ['docmind-docker-lint', 0, 'warning', undefined],
      ['keyword-case', 1, 'warning', [{ kind: 'inSource' }]],
    ]);
  });

  it('reports a parse error as a tool execution notification, not a result', () => {
    const run = sarif().runs[0]!;
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'Compose file is not valid YAML: unexpected end of the stream.' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'services/api/compose.yaml', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 5 },
                },
              },
            ],
          },
        ],
      },
    ]);
    expect(run.results.some((result) => result.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('compose.yaml'))).toBe(false);
  });

  it('marks a run with a rule that threw as not successful, and stays valid', () => {
    const [result] = sampleResults;
    const crashed = { ...result!, messages: [{ ...result!.messages[0]!, fatal: true as const, internal: true as const, message: 'Rule threw: boom' }] };
    const log = sarif([crashed]);
    expect(log.runs[0]!.invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: 'Rule threw: boom' }, associatedRule: { id: 'no-latest-tag' } }],
    });
    expect(validate(log)).toBe(true);
  });

  it('percent-encodes paths and gives files outside the working folder absolute file URIs', () => {
    const [result] = sampleResults;
    const spaced = { ...result!, filePath: '/project/my app/Docker file' };
    const outside = { ...result!, filePath: '/elsewhere/Dockerfile' };
    const log = sarif([spaced, outside]);
    const uris = log.runs[0]!.results.map((entry) => entry.locations[0]!.physicalLocation.artifactLocation);
    expect(uris[0]).toEqual({ uri: 'my%20app/Docker%20file', uriBaseId: '%SRCROOT%' });
    expect(uris.at(-1)).toEqual({ uri: 'file:///elsewhere/Dockerfile' });
    expect(validate(log)).toBe(true);
  });

  it("gives the wrapped tool's code (SC2086) in the result's properties", () => {
    const [result] = sampleResults;
    const [first, ...others] = result!.messages;
    const withCode = { ...result!, messages: [{ ...first!, code: 'SC2086' }, ...others] };
    const log = sarif([withCode]);
    const results = log.runs[0]!.results as readonly (SarifResult & { properties?: unknown })[];
    expect(results[0]!.properties).toEqual({ code: 'SC2086' });
    expect(results.slice(1).every((entry) => entry.properties === undefined)).toBe(true);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('writes an empty, valid log for a clean run', () => {
    const log = sarif([sampleResults[2]!]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules).toEqual([]);
    expect(validate(log)).toBe(true);
  });
});
