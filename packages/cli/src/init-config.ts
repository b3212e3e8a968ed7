import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as CoreModule from '@docmind-docker-lint/core';
import type { Plugin } from '@docmind-docker-lint/core';
import type { CliIo } from './cli-io.js';
import { reportPath } from './formatters/report-path.js';

type Core = typeof CoreModule;

/** The config files a folder may hold, in the core's order of precedence (`package.json` with our key). */
const CONFIG_FILE_NAMES = ['.docmind-docker-lint.json', '.docmind-docker-lint.yaml', '.docmind-docker-lint.yml', 'package.json'];
const PACKAGE_JSON_KEY = 'docmind-docker-lint';
const DEFAULT_CONFIG_NAME = '.docmind-docker-lint.yaml';
const SCHEMA_PATH = './node_modules/docmind-docker-lint/schema.json';
const DOCS_URL = 'https://github.com/docmind/docmind-docker-lint/blob/main/docs/configuration.md';

/** What `--init` found in the project, by kind, as paths relative to the working folder. */
export interface ProjectSurvey {
  readonly dockerfiles: readonly string[];
  readonly composeFiles: readonly string[];
  readonly pyprojects: readonly string[];
  readonly hadolintConfig: string | undefined;
  /** The project follows DocMind's settings contract (`DOCMIND_` names in `.env.example`). */
  readonly docmindContract: boolean;
}

export type InitOutcome =
  | { readonly written: string; readonly preset: string; readonly survey: ProjectSurvey }
  | { readonly refused: string };

/**
 * Writes a starter config for the project in `cwd`: the preset that fits (`docmind` when the
 * project follows DocMind's settings contract, else `recommended`) and, as comments, the files it
 * found. Never replaces a config file of the folder unless `force`; with `force`, replaces the one
 * there (in its own format), so no other file of higher precedence shadows the new one.
 */
export async function initConfig(core: Core, cwd: string, force: boolean): Promise<InitOutcome> {
  const existing = CONFIG_FILE_NAMES.find((name) => holdsConfig(path.join(cwd, name)));
  if (existing && !force) return { refused: existing };
  const survey = surveyProject(core, cwd);
  const preset = survey.docmindContract ? 'docmind' : 'recommended';
  const name = existing && existing !== 'package.json' ? existing : DEFAULT_CONFIG_NAME;
  const text = name.endsWith('.json') ? jsonConfig(preset) : yamlConfig(preset, survey);
  await writeFile(path.join(cwd, name), text);
  return { written: name, preset, survey };
}

/** Runs `--init` for the CLI: writes, then checks that the written config loads. Returns the exit code. */
export async function runInit(core: Core, io: CliIo, force: boolean, plugins: readonly Plugin[] | undefined): Promise<number> {
  const outcome = await initConfig(core, io.cwd, force);
  if ('refused' in outcome) {
    io.stderr.write(`docmind-docker-lint: ${outcome.refused} already holds a configuration; not replacing it (--init --force replaces it).\n`);
    return 2;
  }
  // Loading the new config through the resolver proves it valid (a ConfigError goes to the caller).
  const session = await core.LintSession.create({ cwd: io.cwd, plugins });
  session.config.forFile(path.join(io.cwd, 'Dockerfile'));
  const { survey } = outcome;
  const found = [
    count(survey.dockerfiles.length, 'Dockerfile'),
    count(survey.composeFiles.length, 'Compose file'),
    count(survey.pyprojects.length, 'pyproject.toml'),
  ].join(', ');
  io.stdout.write(`Wrote ${outcome.written}: extends "${outcome.preset}"; found ${found}.\n`);
  if (survey.dockerfiles.length === 0 && survey.composeFiles.length === 0) {
    io.stdout.write('No Dockerfile or Compose file was found here; run docmind-docker-lint from the folder that holds them.\n');
  }
  return 0;
}

/** The linted files under `cwd`, by kind, and whether a hadolint config and DocMind's contract are there. */
export function surveyProject(core: Core, cwd: string): ProjectSurvey {
  const { files } = core.discoverFiles(new core.NodeHost(), cwd, ['.'], () => false);
  const of = (kind: string): string[] => files.filter((file) => file.kind === kind).map((file) => reportPath(cwd, file.path));
  const envExample = path.join(cwd, '.env.example');
  return {
    dockerfiles: of('dockerfile'),
    composeFiles: of('compose'),
    pyprojects: of('pyproject'),
    hadolintConfig: ['.hadolint.yaml', '.hadolint.yml'].find((name) => existsSync(path.join(cwd, name))),
    docmindContract: existsSync(envExample) && /^\s*DOCMIND_/mu.test(readFileSync(envExample, 'utf8')),
  };
}

function yamlConfig(preset: string, survey: ProjectSurvey): string {
  const found = [
    listed('Dockerfiles', survey.dockerfiles),
    listed('Compose files', survey.composeFiles),
    listed('Python projects', survey.pyprojects),
    ...(survey.hadolintConfig ? [`#   hadolint config: ${survey.hadolintConfig} (its ignored and overridden rules apply too)`] : []),
  ];
  return [
    `# yaml-language-server: $schema=${SCHEMA_PATH}`,
    '# Written by `docmind-docker-lint --init`. Every key is explained in',
    `# ${DOCS_URL}`,
    '#',
    '# Found in this project:',
    ...found,
    'root: true',
    'extends:',
    `  - ${preset}`,
    '# Turn rules off or change their severity and options here, by rule id or by a hadolint or',
    '# BuildKit id they cover: `DL3008: off`, `non-root-user: [error, { user: app }]`.',
    'rules: {}',
    '# Files never linted, relative to this folder, such as test fixtures: ["tests/fixtures/**"].',
    'ignores: []',
    '',
  ].join('\n');
}

function jsonConfig(preset: string): string {
  return `${JSON.stringify({ $schema: SCHEMA_PATH, root: true, extends: [preset], rules: {}, ignores: [] }, null, 2)}\n`;
}

function listed(label: string, paths: readonly string[]): string {
  const shown = paths.length > 8 ? [...paths.slice(0, 8), `and ${paths.length - 8} more`] : paths;
  return `#   ${label}: ${shown.length === 0 ? 'none' : shown.join(', ')}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 || noun.endsWith('.toml') ? '' : 's'}`;
}

/** Whether a config file name holds a configuration (a `package.json` only with our key). */
function holdsConfig(filePath: string): boolean {
  if (!existsSync(filePath)) return false;
  if (path.basename(filePath) !== 'package.json') return true;
  try {
    const manifest: unknown = JSON.parse(readFileSync(filePath, 'utf8'));
    return typeof manifest === 'object' && manifest !== null && PACKAGE_JSON_KEY in manifest;
  } catch {
    return false;
  }
}
