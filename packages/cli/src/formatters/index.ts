import type { Formatter, StreamFormatter } from './formatter.js';

export type { Formatter, FormatterContext, ReportStream, StreamFormatter } from './formatter.js';

export interface FormatterEntry {
  readonly description: string;
  /** Loaded on demand, so start-up pays only for the formatter in use. */
  load(): Promise<Formatter>;
  /** The same report written as the results come (what the CLI uses, so memory does not grow with the files). */
  loadStream(): Promise<StreamFormatter>;
}

/** Every formatter `--format` accepts, by name. */
export const formatters: Readonly<Record<string, FormatterEntry>> = {
  stylish: {
    description: 'Problems grouped by file, aligned, with a summary (the default).',
    load: async () => (await import('./stylish.js')).formatStylish,
    loadStream: async () => (await import('./stylish.js')).stylishStream,
  },
  json: {
    description: "ESLint's JSON results array, for tools that read ESLint output.",
    load: async () => (await import('./json.js')).formatJson,
    loadStream: async () => (await import('./json.js')).jsonStream,
  },
  diff: {
    description: 'Unified diffs of what the fixes change (use with --fix-dry-run).',
    load: async () => (await import('./diff.js')).formatDiff,
    loadStream: async () => (await import('./diff.js')).diffStream,
  },
  sarif: {
    description: 'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.',
    load: async () => (await import('./sarif.js')).formatSarif,
    loadStream: async () => (await import('./sarif.js')).sarifStream,
  },
  github: {
    description: 'GitHub Actions workflow commands: annotations on the pull request.',
    load: async () => (await import('./github.js')).formatGithub,
    loadStream: async () => (await import('./github.js')).githubStream,
  },
  gitlab: {
    description: 'GitLab Code Quality JSON, with fingerprints that survive moved lines.',
    load: async () => (await import('./gitlab.js')).formatGitlab,
    loadStream: async () => (await import('./gitlab.js')).gitlabStream,
  },
  checkstyle: {
    description: 'Checkstyle XML, for Jenkins, reviewdog and other review tools.',
    load: async () => (await import('./checkstyle.js')).formatCheckstyle,
    loadStream: async () => (await import('./checkstyle.js')).checkstyleStream,
  },
  junit: {
    description: 'JUnit XML: one test suite per file, one failed test case per problem.',
    load: async () => (await import('./junit.js')).formatJunit,
    loadStream: async () => (await import('./junit.js')).junitStream,
  },
  compact: {
    description: 'One line per problem: path, line, column, severity, message, rule.',
    load: async () => (await import('./compact.js')).formatCompact,
    loadStream: async () => (await import('./compact.js')).compactStream,
  },
};

export const DEFAULT_FORMAT = 'stylish';

export function formatterNames(): string[] {
  return Object.keys(formatters);
}
