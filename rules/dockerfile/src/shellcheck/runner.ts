import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** ShellCheck's levels, least severe first. */
export const LEVELS = ['style', 'info', 'warning', 'error'] as const;
export type Level = (typeof LEVELS)[number];

/** One replacement of a ShellCheck fix (`-f json1`): 1-based lines and columns, end exclusive. */
export interface Replacement {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly replacement: string;
}

/** One ShellCheck finding (`-f json1`: columns count characters, a tab is one). */
export interface Finding {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly level: Level;
  readonly code: number;
  readonly message: string;
  readonly replacements: readonly Replacement[] | null;
}

export interface RunRequest {
  /** The program to run: an absolute path, or `shellcheck` (looked up on PATH). */
  readonly program: string;
  /** Whole files to check, each starting with its own shebang line (which gives its dialect). */
  readonly files: readonly string[];
  readonly severity: Level;
  /** Codes (numbers) never to report. */
  readonly exclude: readonly number[];
  readonly timeoutMs: number;
}

export type RunOutcome =
  /** Findings per file, in the order of `files`. */
  | { readonly kind: 'ok'; readonly findings: readonly Finding[][] }
  /** The program does not exist (or cannot be run): the rule is off. */
  | { readonly kind: 'missing' }
  /** It ran but failed, timed out or printed something else than json1. */
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Runs ShellCheck once over several scripts: each is written to its own file in a fresh temporary
 * folder (`0.sh`, `1.sh`, ...), all are named on one command line, and the json1 report is split by
 * file. ShellCheck reads the scripts; it never runs them. `.shellcheckrc` files and `SHELLCHECK_OPTS`
 * are ignored, so results do not depend on where the linter runs.
 */
export function runShellcheck(request: RunRequest): RunOutcome {
  if (request.files.length === 0) return { kind: 'ok', findings: [] };
  const folder = mkdtempSync(path.join(tmpdir(), 'docmind-shellcheck-'));
  try {
    const names = request.files.map((text, index) => {
      const name = `${index}.sh`;
      writeFileSync(path.join(folder, name), text, { mode: 0o600 });
      return name;
    });
    const args = ['--norc', '-f', 'json1', '-S', request.severity];
    if (request.exclude.length > 0) args.push('-e', request.exclude.join(','));
    args.push('--', ...names);
    const env = { ...process.env };
    delete env['SHELLCHECK_OPTS'];
    const result = spawnSync(request.program, args, {
      cwd: folder,
      env,
      encoding: 'utf8',
      timeout: request.timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false,
      windowsHide: true,
    });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') return { kind: 'missing' };
      if (code === 'ETIMEDOUT') return { kind: 'failed', reason: `it did not finish within ${request.timeoutMs} ms` };
      return { kind: 'failed', reason: result.error.message };
    }
    // 0: no findings, 1: findings; anything else is an error of ShellCheck itself.
    if (result.status !== 0 && result.status !== 1) {
      const firstLine = (result.stderr || result.stdout || '').trim().split('\n')[0] ?? '';
      return { kind: 'failed', reason: `it exited with ${result.status ?? result.signal}${firstLine ? `: ${firstLine.slice(0, 200)}` : ''}` };
    }
    const parsed = parseJson1(result.stdout, names);
    return parsed ?? { kind: 'failed', reason: 'its output was not the json1 report (ShellCheck 0.7 or later is needed)' };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * What `program --version` prints (ShellCheck's version and licence lines), for the `--cache` key:
 * `missing` when it cannot be run, `failed (...)` when it does not answer as ShellCheck.
 */
export function shellcheckVersion(program: string, timeoutMs = 10_000): string {
  const env = { ...process.env };
  delete env['SHELLCHECK_OPTS'];
  const result = spawnSync(program, ['--version'], {
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: false,
    windowsHide: true,
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR' ? 'missing' : `failed (${code ?? result.error.message})`;
  }
  const version = /^version:[ \t]*(\S+)/m.exec(result.stdout);
  return version ? `version ${version[1]}` : `failed (exit ${result.status ?? result.signal}: ${result.stdout.trim().slice(0, 200)})`;
}

/** Splits a json1 report by file; `undefined` when it is not one. */
export function parseJson1(stdout: string, names: readonly string[]): { kind: 'ok'; findings: Finding[][] } | undefined {
  let report: unknown;
  try {
    report = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  if (!isObject(report) || !Array.isArray(report['comments'])) return undefined;
  const index = new Map(names.map((name, position) => [name, position]));
  const findings: Finding[][] = names.map(() => []);
  for (const comment of report['comments'] as unknown[]) {
    if (!isObject(comment)) continue;
    const position = index.get(String(comment['file']));
    const finding = toFinding(comment);
    if (position === undefined || !finding) continue;
    findings[position]!.push(finding);
  }
  return { kind: 'ok', findings };
}

function toFinding(comment: Record<string, unknown>): Finding | undefined {
  const { line, column, endLine, endColumn, level, code, message } = comment;
  if (!isPositive(line) || !isPositive(column) || !isPositive(endLine) || !isPositive(endColumn)) return undefined;
  if (typeof code !== 'number' || typeof message !== 'string' || !LEVELS.includes(level as Level)) return undefined;
  const fix = comment['fix'];
  let replacements: Replacement[] | null = null;
  if (isObject(fix) && Array.isArray(fix['replacements'])) {
    replacements = [];
    for (const item of fix['replacements'] as unknown[]) {
      if (!isObject(item)) return { line, column, endLine, endColumn, level: level as Level, code, message, replacements: null };
      const { line: rLine, column: rColumn, endLine: rEndLine, endColumn: rEndColumn, replacement } = item;
      if (!isPositive(rLine) || !isPositive(rColumn) || !isPositive(rEndLine) || !isPositive(rEndColumn) || typeof replacement !== 'string') {
        replacements = null;
        break;
      }
      replacements.push({ line: rLine, column: rColumn, endLine: rEndLine, endColumn: rEndColumn, replacement });
    }
  }
  return { line, column, endLine, endColumn, level: level as Level, code, message, replacements };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
