// Long adversarial runs of characters that regular expressions in parsers and rules tend to backtrack
// on, placed in every position of every kind of file the rules read. Used by the pathological-input
// test (timing against a baseline of the same length) and by the long fuzz run.
import type { ProjectFiles } from './pipeline.js';

/** A payload of about `length` characters. */
export type Payload = (length: number) => string;

const run = (unit: string, tail = ''): Payload => (length) => unit.repeat(Math.max(1, Math.floor(length / unit.length))) + tail;

export const PAYLOADS: Readonly<Record<string, Payload>> = {
  letters: run('a', '!'),
  spaces: run(' ', 'x!'),
  tabs: run('\t', 'x!'),
  'space-tab': run(' \t', '!'),
  dollars: run('$', '!'),
  backslashes: run('\\', '!'),
  'backslash-space': run('\\ ', '!'),
  'double-quotes': run('"', '!'),
  'single-quotes': run("'", '!'),
  'quote-backslash': run('\\"', '!'),
  '${': run('${', '!'),
  '${{{{': run('${{{{', '!'),
  'nested ${': (length) => `${'${A:-'.repeat(Math.floor(length / 10))}x${'}'.repeat(Math.floor(length / 10))}`,
  braces: run('{', '!'),
  '$a': run('$a', '!'),
  'a=': run('a=', '!'),
  equals: run('=', '!'),
  colons: run(':', '!'),
  'a:': run('a:', '!'),
  dashes: run('-', '!'),
  '--a': run('--a', '='),
  slashes: run('/', '!'),
  'a/': run('a/', '!'),
  dots: run('.', '!'),
  '1.': run('1.', '!'),
  'a.': run('a.', '!'),
  ats: run('@', '!'),
  commas: run(',', '!'),
  stars: run('*', '!'),
  '**/': run('**/', '!'),
  hashes: run('#', '!'),
  'a ': run('a ', '!'),
  '0': run('0', '!'),
  'a-': run('a-', '!'),
  '&&': run('&& ', '!'),
  '|': run('| ', '!'),
  'sha256:': (length) => `sha256:${'a'.repeat(length)}!`,
  brackets: run('[', '!'),
  parens: run('(', '!'),
  '$(': run('$(', '!'),
  backticks: run('`', '!'),
  '%': run('%', '!'),
  'a\\': run('a\\', '!'),
  unicode: run('é🐳', '!'),
};

/** Ordinary words: what a line of the same length costs when nothing in it is special. */
export const baseline: Payload = (length) => 'lorem ipsum dolor sit amet consectetur '.repeat(Math.ceil(length / 39)).slice(0, length + 2);

/** Every line of a Dockerfile where a payload lands in a different instruction or argument. */
export const DOCKERFILE_LINES: readonly string[] = [
  '# @',
  '# hadolint ignore=@',
  '# docmind-docker-lint-disable-next-line @',
  '# check=skip=@',
  'FROM @',
  'FROM alpine:3 AS @',
  'FROM --platform=@ alpine:3',
  'FROM @:3 AS build',
  'ARG A=@',
  'ARG @',
  'ENV A=@',
  'ENV @=x',
  'ENV A @',
  'LABEL a="@"',
  'LABEL @=x',
  'RUN @',
  'RUN echo @',
  'RUN apt-get install -y @',
  'RUN pip install @',
  'RUN uv sync @',
  'RUN curl @ | sh',
  'RUN --mount=type=secret,id=@ true',
  'RUN ["@"]',
  'RUN ["sh", "-c", "@"]',
  'COPY @ /app/',
  'COPY --from=@ /a /b',
  'COPY --chown=@ a b',
  'ADD @ /x',
  'EXPOSE @',
  'USER @',
  'WORKDIR @',
  'VOLUME @',
  'STOPSIGNAL @',
  'SHELL ["@"]',
  'HEALTHCHECK --interval=@ CMD @',
  'ONBUILD @',
  'MAINTAINER @',
  'CMD @',
  'CMD ["@"]',
  'ENTRYPOINT @',
  'ENTRYPOINT ["@"]',
];

const COMPOSE_LINES: readonly string[] = [
  'name: @',
  'x-@: 1',
  'services:',
  '  web:',
  '    image: @',
  '    container_name: @',
  '    command: @',
  '    entrypoint: ["@"]',
  '    user: @',
  '    ports: ["@"]',
  '    expose: ["@"]',
  '    env_file: "@"',
  '    environment:',
  '      A: @',
  '      SECRET_KEY: "@"',
  '    build:',
  '      context: "@"',
  '      dockerfile: "@"',
  '    healthcheck:',
  '      test: "@"',
  '  @:',
  '    image: nginx:1',
];

/** One project with the payload in every position: Dockerfile, Compose, .dockerignore, .env, Python files. */
export function projectWith(payload: string): ProjectFiles {
  // YAML plain scalars cannot hold every payload; a parse error is a fine outcome, a slow one is not.
  const fill = (line: string) => line.replaceAll('@', () => payload);
  return {
    Dockerfile: `${DOCKERFILE_LINES.map(fill).join('\n')}\n`,
    'compose.yaml': `${COMPOSE_LINES.map(fill).join('\n')}\n`,
    '.dockerignore': `${payload}\n!${payload}\n`,
    '.env': `A=${payload}\n${payload}\n`,
    'pyproject.toml': `[project]\nrequires-python = "${payload.replace(/["\\]/g, '')}"\n`,
    '.python-version': `${payload}\n`,
  };
}

/** The project with the payload in only one line of one file (to name the position of a slow case). */
export function projectWithOneLine(payload: string, file: 'Dockerfile', line: string): ProjectFiles {
  return { [file]: `FROM alpine:3\n${line.replaceAll('@', () => payload)}\n` };
}

/**
 * Known slow (file, payload) pairs, with the rule at fault; skipped by the tests and the fuzz run until
 * fixed (pathological-input.test.ts keeps a skipped test for each).
 * - The Compose ordering rules (top-level-keys-order, service-keys-order, ... via the pack's
 *   utils/reorder-items.ts) re-parse a file whose line holds thousands of `"`, each parse raising
 *   thousands of YAML errors: 5,000 `"` take 20 s.
 * - The shellcheck rule hands RUN scripts to the ShellCheck program, whose parser is superlinear in a
 *   run of `[` or `{` (ShellCheck 0.9: 1,000 `[` take 4 s, 3,000 `{` 14 s, 3,000 `[` over 30 s); the rule
 *   stops it after 20 s and reports that it failed. Not ours to fix; bounded by the rule's time limit.
 */
export const KNOWN_SLOW: readonly (readonly [kind: string, payload: string, rule: string])[] = [
  ['compose.yaml', 'double-quotes', 'top-level-keys-order / service-keys-order (compose utils/reorder-items.ts)'],
  ['Dockerfile', 'brackets', 'shellcheck (the ShellCheck program itself, stopped after 20 s)'],
  ['Dockerfile', 'braces', 'shellcheck (the ShellCheck program itself, stopped after 20 s)'],
];

/**
 * Pairs that were slow and were fixed; pathological-input.test.ts checks them like the others.
 * - dockerignore-secrets asked the matcher about every leading part of a path, and the matcher tested
 *   every shorter part again: cubic in the number of segments (`\"` lines of a .dockerignore, whose
 *   `\` become separators; `COPY a/a/a/...`). The core's matcher now walks a path's segments once.
 * - minimatch compiling a line of unclosed `[` scanned to the end from each one (6,000: 40 s); the
 *   core's matcher escapes such brackets first.
 */
export const FIXED_SLOW: readonly (readonly [kind: string, payload: string, rule: string])[] = [
  ['.dockerignore', 'quote-backslash', 'dockerignore-secrets'],
  ['.dockerignore', 'a\\', 'dockerignore-secrets'],
  ['Dockerfile', 'a/', 'dockerignore-secrets'],
  ['.dockerignore', 'brackets', 'dockerignore-secrets'],
];

export const isKnownSlow = (kind: string, payload: string): boolean => KNOWN_SLOW.some(([k, p]) => k === kind && p === payload);
