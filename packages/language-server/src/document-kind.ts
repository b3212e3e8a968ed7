import path from 'node:path';
import { classifyFile, type FileKind } from '@docmind-docker-lint/core';

/** Kinds the server lints when a client opens them (those the CLI lints). */
const LINTED_BY_NAME: ReadonlySet<FileKind> = new Set(['dockerfile', 'compose', 'dockerignore', 'env', 'pyproject', 'python-version']);

/** Language ids that make a document a Dockerfile or a Compose file whatever its name. */
const KIND_BY_LANGUAGE: Readonly<Record<string, FileKind>> = { dockerfile: 'dockerfile', dockercompose: 'compose' };

/**
 * What a document is linted as: its file name first (`Dockerfile.dev`, `compose.yaml` with language
 * `yaml`, `.dockerignore`), then its language id (`dockerfile`, `dockercompose`); `undefined` for
 * documents the server does not lint.
 */
export function documentKind(languageId: string, filePath: string): FileKind | undefined {
  const byName = classifyFile(path.basename(filePath));
  if (LINTED_BY_NAME.has(byName)) return byName;
  return KIND_BY_LANGUAGE[languageId];
}
