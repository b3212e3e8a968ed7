import type { Formatter } from './formatter.js';

export type { Formatter, FormatterContext } from './formatter.js';

export interface FormatterEntry {
  readonly description: string;
  /** Loaded on demand, so start-up pays only for the formatter in use. */
  load(): Promise<Formatter>;
}

/** Every formatter `--format` accepts, by name. */
export const formatters: Readonly<Record<string, FormatterEntry>> = {
  stylish: {
    description: 'Problems grouped by file, aligned, with a summary (the default).',
    load: async () => (await import('./stylish.js')).formatStylish,
  },
  json: {
    description: "ESLint's JSON results array, for tools that read ESLint output.",
    load: async () => (await import('./json.js')).formatJson,
  },
  diff: {
    description: 'Unified diffs of what the fixes change (use with --fix-dry-run).',
    load: async () => (await import('./diff.js')).formatDiff,
  },
  sarif: {
    description: 'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.',
    load: async () => (await import('./sarif.js')).formatSarif,
  },
  github: {
    description: 'GitHub Actions workflow commands: annotations on the pull request.',
    load: async () => (await import('./github.js')).formatGithub,
  },
  gitlab: {
    description: 'GitLab Code Quality JSON, with fingerprints that survive moved lines.',
    load: async () => (await import('./gitlab.js')).formatGitlab,
  },
  checkstyle: {
    description: 'Checkstyle XML, for Jenkins, reviewdog and other review tools.',
    load: async () => (await import('./checkstyle.js')).formatCheckstyle,
  },
  junit: {
    description: 'JUnit XML: one test suite per file, one failed test case per problem.',
    load: async () => (await import('./junit.js')).formatJunit,
  },
  compact: {
    description: 'One line per problem: path, line, column, severity, message, rule.',
    load: async () => (await import('./compact.js')).formatCompact,
  },
};

export const DEFAULT_FORMAT = 'stylish';

export function formatterNames(): string[] {
  return Object.keys(formatters);
}
