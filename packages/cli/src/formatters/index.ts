import type { Formatter } from './formatter.js';

export type { Formatter, FormatterContext } from './formatter.js';

export interface FormatterEntry {
  readonly description: string;
  /** Loaded on demand, so start-up pays only for the formatter in use. */
  load(): Promise<Formatter>;
}

/** Every formatter `--format` accepts, by name. Add new ones (sarif, github, ...) here. */
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
};

export const DEFAULT_FORMAT = 'stylish';

export function formatterNames(): string[] {
  return Object.keys(formatters);
}
