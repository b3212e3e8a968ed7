import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../project/discover-files.js';
import type { LintedFile, WorkerData, WorkerLintOptions, WorkerRequest, WorkerResponse } from './worker-protocol.js';

/** `concurrency` of `lintProject`: a number of worker threads, `'auto'`, or `'off'` (lint in this thread). */
export type Concurrency = number | 'auto' | 'off';

/** With `'auto'`, runs of fewer files than this stay in one thread: starting a worker costs about as much as linting 150 files. */
export const AUTO_MIN_FILES = 400;
/** With `'auto'`, each worker gets at least this many files. */
const AUTO_FILES_PER_WORKER = 200;

/** How many worker threads to start for a run (0: lint in this thread). */
export function workerCount(concurrency: Concurrency | undefined, fileCount: number): number {
  if (concurrency === undefined || concurrency === 'off') return 0;
  if (concurrency === 'auto') {
    if (fileCount < AUTO_MIN_FILES) return 0;
    const count = Math.min(availableParallelism(), Math.floor(fileCount / AUTO_FILES_PER_WORKER));
    return count >= 2 ? count : 0;
  }
  const count = Math.min(Math.floor(concurrency), fileCount);
  return count >= 1 ? count : 0;
}

export interface PoolRun {
  readonly options: WorkerLintOptions;
  readonly files: readonly DiscoveredFile[];
  /** Indices into `files` of the files to lint. */
  readonly toLint: readonly number[];
  readonly enabledRuleIds: readonly string[];
  readonly record: boolean;
  readonly threads: number;
  readonly onProgress?: (filePath: string) => void;
}

/**
 * Lints files on worker threads. Each worker builds the same session and project model as the main
 * thread (so cross-file facts agree) and takes batches of neighbouring files (which share build
 * contexts and folder listings) until none are left.
 */
export async function lintInWorkers(run: PoolRun): Promise<LintedFile[]> {
  const data: WorkerData = { options: run.options, files: run.files, enabledRuleIds: run.enabledRuleIds, record: run.record };
  const batchSize = Math.max(4, Math.min(64, Math.ceil(run.toLint.length / (run.threads * 8))));
  const batches: number[][] = [];
  for (let start = 0; start < run.toLint.length; start += batchSize) batches.push(run.toLint.slice(start, start + batchSize));
  const linted: LintedFile[] = [];
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      const next = (worker: Worker): void => {
        const batch = batches.shift();
        if (batch) {
          worker.postMessage(batch satisfies WorkerRequest);
          return;
        }
        worker.postMessage(null satisfies WorkerRequest);
        if (--running === 0) resolve();
      };
      for (let i = 0; i < run.threads; i++) {
        const worker = new Worker(workerEntry.script, { workerData: data, eval: workerEntry.eval, execArgv: workerEntry.execArgv });
        workers.push(worker);
        running++;
        worker.on('message', (message: WorkerResponse) => {
          switch (message.type) {
            case 'ready':
              return next(worker);
            case 'progress':
              return run.onProgress?.(message.path);
            case 'linted':
              linted.push(...message.files);
              return next(worker);
            case 'failed':
              return reject(new Error(`A lint worker failed: ${message.message}`));
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`A lint worker exited with code ${code}.`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return linted;
}

/**
 * The worker's module: `lint-worker.js` beside this one. When the core runs from its TypeScript
 * sources (tests, benchmarks), the worker registers tsx first and loads the sources, as this thread does.
 */
const workerEntry = ((): { script: string | URL; eval: boolean; execArgv: string[] } => {
  if (!import.meta.url.endsWith('.ts')) return { script: new URL('./lint-worker.js', import.meta.url), eval: false, execArgv: process.execArgv };
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./lint-worker.ts', import.meta.url).href);
  const conditions = process.execArgv.some((arg) => arg.startsWith('--conditions') || arg === '-C');
  return {
    script: `import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`,
    eval: true,
    // The packages' TypeScript sources, as in this thread.
    execArgv: conditions ? process.execArgv : [...process.execArgv, '--conditions=source'],
  };
})();
