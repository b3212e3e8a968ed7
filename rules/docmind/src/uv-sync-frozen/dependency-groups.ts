import type { PyprojectNode } from '@docmind-docker-lint/core';
import { hasOption, optionValues } from './uv-command.js';
import type { CommandWord } from '../utils/run-command-words.js';
import { isEnabled } from './build-environment.js';

/**
 * The dependency groups `uv sync` installs by default: `tool.uv.default-groups` (`["dev"]` when
 * unset, every group for `"all"`) that the project defines with at least one entry
 * (`[dependency-groups]`, or the legacy `tool.uv.dev-dependencies` for `dev`). Without a readable
 * pyproject.toml, uv's default `dev` is assumed.
 */
export function defaultGroups(pyproject: PyprojectNode | null): string[] {
  const data = pyproject?.data;
  if (!data) return ['dev'];
  const defined = new Set<string>();
  const table = data['dependency-groups'];
  if (isRecord(table)) {
    for (const [name, entries] of Object.entries(table)) {
      if (Array.isArray(entries) && entries.length > 0) defined.add(normalize(name));
    }
  }
  const uv = isRecord(data['tool']) ? data['tool']['uv'] : undefined;
  const settings = isRecord(uv) ? uv : {};
  const legacy = settings['dev-dependencies'];
  if (Array.isArray(legacy) && legacy.length > 0) defined.add('dev');
  const configured = settings['default-groups'];
  const defaults =
    configured === 'all'
      ? [...defined]
      : Array.isArray(configured)
        ? configured.filter((name): name is string => typeof name === 'string').map(normalize)
        : ['dev'];
  return [...new Set(defaults)].filter((name) => defined.has(name));
}

/**
 * The default groups a `uv sync` still installs after its options and the build's `UV_*`
 * variables: none when groups are chosen explicitly (`--only-group`, `--only-dev`, `--all-groups`)
 * or defaults are off (`--no-default-groups`); named `--group`s and `--dev` are deliberate too.
 */
export function implicitGroups(
  groups: readonly string[],
  options: readonly CommandWord[],
  environment: ReadonlyMap<string, string>,
): string[] {
  if (hasOption(options, '--only-group', '--only-dev', '--all-groups', '--no-default-groups')) return [];
  if (isEnabled(environment.get('UV_NO_DEFAULT_GROUPS'))) return [];
  const excluded = new Set([
    ...optionValues(options, '--no-group'),
    ...optionValues(options, '--group'),
    ...(environment.get('UV_NO_GROUP') ?? '').split(/\s+/),
  ].map(normalize));
  if (hasOption(options, '--no-dev', '--dev') || isEnabled(environment.get('UV_NO_DEV')) || isEnabled(environment.get('UV_DEV'))) {
    excluded.add('dev');
  }
  return groups.filter((group) => !excluded.has(group));
}

/** PEP 503 / PEP 735 name normalization. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
