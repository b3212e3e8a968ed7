import type { FileKind } from './source-file.js';

/**
 * The kind of a file from its base name, as Docker and Compose find them:
 * `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile`; `compose.y(a)ml`,
 * `compose.*.y(a)ml`, `docker-compose*.y(a)ml`; `.dockerignore`, `<name>.dockerignore`;
 * `pyproject.toml`, `.python-version`, `.env` and `.env.*`.
 */
export function classifyFile(baseName: string): FileKind {
  const lower = baseName.toLowerCase();
  if (lower.endsWith('.dockerignore')) return 'dockerignore';
  if (/^(dockerfile|containerfile)(\..+)?$/.test(lower) || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile')) {
    return 'dockerfile';
  }
  if (/^(compose|docker-compose)([.-].+)?\.ya?ml$/.test(lower)) return 'compose';
  if (lower === 'pyproject.toml') return 'pyproject';
  if (lower === '.python-version') return 'python-version';
  if (lower === '.env' || lower.startsWith('.env.')) return 'env';
  return 'unknown';
}

/** Kinds that are linted; a parse failure of any of them is reported, since rules depend on them. */
export const LINTED_KINDS: ReadonlySet<FileKind> = new Set([
  'dockerfile',
  'compose',
  'dockerignore',
  'env',
  'pyproject',
  'python-version',
]);
