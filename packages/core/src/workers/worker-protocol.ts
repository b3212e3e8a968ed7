import type { DiscoveredFile } from '../project/discover-files.js';
import type { LintResult } from '../types/results.js';
import type { LintOptions } from '../api/lint-session.js';

/** The options a worker rebuilds its session from: plain data only (no plugins objects, hosts or callbacks). */
export type WorkerLintOptions = Omit<LintOptions, 'plugins' | 'host' | 'onFileLinted'>;

export interface WorkerData {
  readonly options: WorkerLintOptions;
  /** Every file of the run: the worker's project model links them as the main thread's would. */
  readonly files: readonly DiscoveredFile[];
  /** Rules enabled on some file (the worker loads what they need, such as the shell parser). */
  readonly enabledRuleIds: readonly string[];
  /** Record what each lint learnt from the project (for the cache). */
  readonly record: boolean;
}

/** Main thread -> worker: lint these files (indices into `files`); `null` ends the worker. */
export type WorkerRequest = readonly number[] | null;

export interface LintedFile {
  readonly index: number;
  readonly result: LintResult;
  readonly facts?: readonly (readonly [string, string])[];
  readonly touched?: readonly string[];
}

/** Worker -> main thread. */
export type WorkerResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly path: string }
  | { readonly type: 'linted'; readonly files: readonly LintedFile[] }
  | { readonly type: 'failed'; readonly message: string };
