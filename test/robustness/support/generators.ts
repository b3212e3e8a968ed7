// fast-check generators of plausible (and slightly broken) Dockerfiles, Compose files, .dockerignore and
// the project files around them, so the property tests reach the rules rather than the parse errors.
import fc from 'fast-check';
import type { ProjectFiles } from './pipeline.js';

const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Odd but valid characters: unicode letters, emoji, combining marks, RTL, zero-width, a lone surrogate. */
export const oddText = pick('é', 'ß', '漢字', '🐳', 'e\u0301', '\u200b', '\u202e', '\u00a0', '\ud83d', 'Ω', '\t', '  ', 'ａ');

const word = fc.oneof(
  { weight: 6, arbitrary: pick('app', 'src', 'build', 'main.py', 'app.py', '/app', '.', '..', 'requirements.txt', 'uv.lock', 'pyproject.toml', 'entrypoint.sh', '/usr/local/bin', '$HOME', '${APP_DIR}', '${X:-/opt}', '"quoted word"', "'single'", '*.txt', '**/x', '--', '-', '=', '\\', '$', '${', '}', '"', "'", '&&', '||', ';', '|', '>', '2>&1', '#', '`') },
  { weight: 1, arbitrary: oddText },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const words = (max: number) => fc.array(word, { minLength: 0, maxLength: max }).map((parts) => parts.join(' '));

const image = fc.oneof(
  pick('python:3.12-slim', 'python:3.11', 'python', 'python:latest', 'alpine', 'alpine:3.20', 'ubuntu:24.04', 'debian:bookworm-slim', 'node:20', 'scratch', 'ghcr.io/astral-sh/uv:0.4.20', 'ghcr.io/astral-sh/uv:python3.12-bookworm-slim', 'docker.io/library/python:3.12@sha256:' + 'a'.repeat(64), 'localhost:5000/my/image:tag', '$BASE', '${BASE_IMAGE:-python:3.12}', 'build', 'base', 'registry.example.com:443/x/y@sha256:abc', 'mcr.microsoft.com/windows/servercore:ltsc2022', 'python:3.12-slim AS build'),
  fc.string({ maxLength: 12 }),
);
const stageName = pick('build', 'base', 'runtime', 'Builder', 'final', 'scratch', 'context', '0', 'x'.repeat(40), 'é');
const flag = pick('--platform=linux/amd64', '--platform=$BUILDPLATFORM', '--platform=${TARGETPLATFORM}', '--from=build', '--from=0', '--from=base', '--from=python:3.12', '--chown=1000:1000', '--chown=app', '--chmod=755', '--link', '--mount=type=cache,target=/root/.cache', '--mount=type=secret,id=token,env=TOKEN', '--mount=type=bind,source=uv.lock,target=uv.lock', '--network=none', '--security=insecure', '--interval=30s', '--timeout=5s', '--retries=3', '--start-period=5s', '--exclude=*.md', '--keep-git-dir=true', '--checksum=sha256:abc', '--', '--unknown=x', '--from=');
const flags = fc.array(flag, { maxLength: 2 }).map((values) => values.map((value) => `${value} `).join(''));
const command = pick(
  'apt-get update && apt-get install -y curl',
  'apt-get install --no-install-recommends -y python3 && rm -rf /var/lib/apt/lists/*',
  'pip install -r requirements.txt',
  'pip install --no-cache-dir flask==3.0.0',
  'uv sync',
  'uv sync --frozen --no-dev',
  'uv pip install --system .',
  'curl -fsSL https://example.com/install.sh | sh',
  'wget -qO- https://x | bash',
  'sudo make install',
  'cd /app && make',
  'echo "$SECRET_KEY" > /tmp/k',
  'export API_TOKEN=abc123',
  'useradd -m app',
  'groupadd --system app && useradd --system --gid app app',
  'chmod +x /entrypoint.sh',
  'set -eux; \\\n    echo a; \\\n    echo b',
  'python -m venv /opt/venv',
  'yum install -y git',
  'apk add --no-cache git',
  'npm ci',
  'true',
  '',
);
const execForm = fc.oneof(
  fc.array(fc.oneof(word, pick('python', 'app.py', '-m', 'uvicorn', 'main:app', '--host', '0.0.0.0', '/bin/sh', '-c', 'echo $HOME && run')), { minLength: 0, maxLength: 4 }).map((items) => JSON.stringify(items)),
  pick('["python", "app.py"]', '["/entrypoint.sh"]', '[ "sh", "-c", "echo hi" ]', '["unclosed"', "['single', 'quotes']", '[]', '["a",]', '["a" "b"]', '["\\u0041"]', '["tab\\there"]'),
);
const keyValue = fc.oneof(
  fc.tuple(pick('APP_ENV', 'PATH', 'PYTHONUNBUFFERED', 'SECRET_KEY', 'API_TOKEN', 'DB_PASSWORD', 'AWS_SECRET_ACCESS_KEY', 'PORT', 'UV_COMPILE_BYTECODE', 'HOME', 'x', 'A_B', 'é'), pick('1', 'production', '"with spaces"', '$PATH:/opt/bin', '${PORT:-8000}', 'sk-abcdef0123456789', '', "'q'", 'a\\ b', '$X$Y')).map(([key, value]) => `${key}=${value}`),
  fc.tuple(pick('APP_ENV', 'SECRET', 'org.opencontainers.image.source', 'maintainer'), words(2)).map(([key, value]) => `${key} ${value}`),
);
const port = pick('80', '8080', '8000/tcp', '53/udp', '22', '443/TCP', '1000-2000', '80:80', '0', '65536', '$PORT', '${PORT}', 'abc', '8080/sctp');
const heredoc = fc.tuple(pick('EOF', 'EOT', '"EOF"', "'EOF'", '-EOF'), fc.array(fc.oneof(command, words(3)), { maxLength: 3 })).map(([marker, body]) => {
  const end = marker.replace(/^-|["']/g, '');
  return { start: `<<${marker}`, body: body.join('\n'), end };
});

/** One instruction (possibly spanning lines: continuations, heredocs), without its line break. */
const instruction = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(flags, image, fc.option(stageName, { nil: undefined })).map(([f, i, s]) => `FROM ${f}${i}${s ? ` AS ${s}` : ''}`) },
  { weight: 5, arbitrary: fc.tuple(flags, command).map(([f, c]) => `RUN ${f}${c}`) },
  { weight: 2, arbitrary: fc.tuple(flags, execForm).map(([f, e]) => `RUN ${f}${e}`) },
  { weight: 2, arbitrary: heredoc.map((h) => `RUN ${h.start}\n${h.body}\n${h.end}`) },
  { weight: 1, arbitrary: fc.tuple(heredoc, pick('/app/script.sh', '/etc/x')).map(([h, target]) => `COPY ${h.start} ${target}\n${h.body}\n${h.end}`) },
  { weight: 3, arbitrary: fc.tuple(pick('CMD', 'ENTRYPOINT'), fc.oneof(execForm, command, words(3))).map(([k, a]) => `${k} ${a}`) },
  { weight: 3, arbitrary: fc.tuple(pick('COPY', 'ADD'), flags, words(3)).map(([k, f, a]) => `${k} ${f}${a}`) },
  { weight: 1, arbitrary: fc.tuple(pick('COPY', 'ADD'), flags, execForm).map(([k, f, a]) => `${k} ${f}${a}`) },
  { weight: 1, arbitrary: pick('COPY . .', 'COPY .env /app/.env', 'COPY --from=build /app /app', 'ADD https://example.com/x.tgz /tmp/', 'COPY id_rsa /root/.ssh/id_rsa', 'COPY --chown=app:app uv.lock pyproject.toml ./', 'ADD git@github.com:x/y.git /src') },
  { weight: 3, arbitrary: fc.tuple(pick('ENV', 'ARG', 'LABEL'), fc.array(keyValue, { minLength: 0, maxLength: 3 })).map(([k, kv]) => `${k} ${kv.join(' ')}`) },
  { weight: 2, arbitrary: fc.array(port, { minLength: 0, maxLength: 3 }).map((ports) => `EXPOSE ${ports.join(' ')}`) },
  { weight: 2, arbitrary: pick('USER app', 'USER root', 'USER 0', 'USER 1000:1000', 'USER $USER', 'USER', 'WORKDIR /app', 'WORKDIR app', 'WORKDIR $HOME/x', 'WORKDIR', 'STOPSIGNAL SIGTERM', 'STOPSIGNAL 9', 'MAINTAINER me <me@example.com>', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'SHELL /bin/sh', 'VOLUME /data', 'VOLUME ["/data", "/logs"]', 'ONBUILD RUN echo hi', 'ONBUILD ONBUILD RUN x', 'ONBUILD FROM x', 'ONBUILD MAINTAINER x', 'HEALTHCHECK NONE', 'HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1', 'HEALTHCHECK CMD ["curl", "-f", "http://localhost"]', 'HEALTHCHECK', 'FROM', 'RUN', 'CMD', 'ENV', 'ENV A', 'ARG', 'LABEL', 'EXPOSE', 'COPY', 'ADD', 'UNKNOWN instruction', 'from alpine', 'Run echo mixed case', 'cOpY . .') },
  { weight: 1, arbitrary: fc.tuple(pick('CMD', 'RUN', 'ENTRYPOINT', 'ENV', 'LABEL', 'COPY', 'EXPOSE', 'USER', 'WORKDIR'), words(4)).map(([k, a]) => `${k} ${a}`) },
);

const comment = pick('# a comment', '#', '# syntax=docker/dockerfile:1', '# check=skip=JSONArgsRecommended', '# hadolint ignore=DL3008,DL3006', '# docmind-docker-lint-disable-next-line', '# docmind-docker-lint-disable-next-line non-root-user -- reason', '# docmind-docker-lint-disable', '# docmind-docker-lint-enable', '# docmind-docker-lint-disable-line instruction-casing', '#\tTODO é 🐳', '   # indented comment');
const directive = pick('# syntax=docker/dockerfile:1.7', '# escape=`', '# escape=\\', '# check=error=true', '#syntax=x', '# escape=');

/** Splits some instructions over lines with the escape character, sometimes leaving an empty or commented line. */
function withContinuations(line: string, escape: string, breaks: readonly number[]): string {
  if (line.includes('\n')) return line;
  const parts = line.split(' ');
  if (parts.length < 2 || breaks.length === 0) return line;
  const chunks: string[] = [];
  parts.forEach((part, index) => {
    const kind = breaks[index % breaks.length]!;
    const glue = index === parts.length - 1 ? '' : kind === 0 ? ' ' : kind === 1 ? ` ${escape}\n    ` : kind === 2 ? ` ${escape}  \n\t` : kind === 3 ? ` ${escape}\n# comment inside\n  ` : ` ${escape}\n\n  `;
    chunks.push(part + glue);
  });
  return chunks.join('');
}

export type LineEnding = 'lf' | 'crlf' | 'mixed' | 'cr';
const lineEnding = fc.constantFrom<LineEnding>('lf', 'lf', 'lf', 'crlf', 'crlf', 'mixed', 'cr');

function joinLines(lines: readonly string[], ending: LineEnding, finalNewline: boolean, seed: number): string {
  const all = lines.join('\n').split('\n');
  let out = '';
  all.forEach((line, index) => {
    out += line;
    if (index < all.length - 1 || finalNewline) {
      out += ending === 'lf' ? '\n' : ending === 'crlf' ? '\r\n' : ending === 'cr' ? '\r' : (index + seed) % 3 === 0 ? '\r\n' : '\n';
    }
  });
  return out;
}

/** A plausible Dockerfile: directives, comments, stages, continuations, heredocs, CRLF, BOM, tabs, unicode. */
export const dockerfile = fc
  .record({
    directives: fc.array(directive, { maxLength: 2 }),
    body: fc.array(fc.oneof({ weight: 8, arbitrary: instruction }, { weight: 2, arbitrary: comment }, { weight: 1, arbitrary: pick('', '   ', '\t') }), { minLength: 0, maxLength: 14 }),
    startsWithFrom: fc.boolean(),
    breaks: fc.array(fc.nat({ max: 4 }), { maxLength: 4 }),
    indent: pick('', '', '  ', '\t'),
    ending: lineEnding,
    finalNewline: fc.boolean(),
    bom: fc.boolean(),
    seed: fc.nat({ max: 2 }),
  })
  .map(({ directives, body, startsWithFrom, breaks, indent, ending, finalNewline, bom, seed }) => {
    const escape = directives.includes('# escape=`') ? '`' : '\\';
    const lines = [...directives, ...(startsWithFrom ? ['FROM python:3.12-slim AS base'] : []), ...body.map((line, index) => (index % 3 === 0 ? indent : '') + withContinuations(line, escape, breaks))];
    return (bom ? '\ufeff' : '') + joinLines(lines, ending, finalNewline, seed);
  });

const scalar = fc.oneof(
  pick('web', 'app', 'x', 'python:3.12', 'nginx:latest', 'nginx', 'redis:7@sha256:' + 'b'.repeat(64), '"80:80"', '8080:80', '127.0.0.1:8000:8000', '"${PORT:-8000}:8000"', '$$HOME', '${VAR}', '${VAR:?required}', 'true', 'no', 'null', '~', '1.5', '0o14', '"3.8"', "'single'", '|-\n      multi\n      line', '>\n      folded', 'é 🐳', '"\\u0000"', '!reset null', '!override [a]', '*anchor', '&anchor value', '[a, b', '{a: 1', '"unterminated', '- dash', ': colon', '@at', '`tick`', '%percent'),
  fc.string({ maxLength: 10 }).map((text) => JSON.stringify(text)),
);
const serviceKey = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(pick('image', 'container_name', 'user', 'working_dir', 'restart', 'platform', 'pull_policy', 'network_mode', 'hostname', 'entrypoint', 'command', 'env_file', 'stop_signal', 'x-custom'), scalar).map(([key, value]) => [`${key}: ${value}`]) },
  { weight: 2, arbitrary: fc.tuple(pick('ports', 'expose', 'volumes', 'depends_on', 'profiles', 'environment', 'secrets', 'command', 'env_file', 'networks', 'cap_add', 'dns'), fc.array(scalar, { maxLength: 3 })).map(([key, items]) => [`${key}:`, ...items.map((item) => `  - ${item}`)]) },
  { weight: 2, arbitrary: fc.array(fc.tuple(pick('APP_ENV', 'SECRET_KEY', 'DB_PASSWORD', 'PORT', 'API_TOKEN', 'é'), scalar), { maxLength: 3 }).map((entries) => ['environment:', ...entries.map(([key, value]) => `  ${key}: ${value}`)]) },
  { weight: 2, arbitrary: fc.tuple(pick('.', './app', '../outside', 'svc', 'https://github.com/x/y.git'), pick('Dockerfile', 'svc/Dockerfile', 'Dockerfile.missing', '../Dockerfile'), fc.boolean()).map(([context, file, long]) => (long ? ['build:', `  context: ${context}`, `  dockerfile: ${file}`, '  args:', '    - A=1'] : [`build: ${context}`])) },
  { weight: 1, arbitrary: pick(['ports:', '  - target: 80', '    published: "8080"', '    host_ip: 127.0.0.1'], ['healthcheck:', '  test: ["CMD", "curl", "-f", "http://localhost"]', '  interval: 30s'], ['healthcheck:', '  disable: true'], ['<<: *defaults'], ['extends:', '  service: base'], ['extends:', '  file: other.yaml', '  service: x'], ['depends_on:', '  db:', '    condition: service_healthy'], ['ports: [80, "443:443", 8080-8081:80-81]'], ['environment: [A=1, B]'], ['deploy:', '  resources: {limits: {memory: 1g}}'], ['build: {context: ., dockerfile: Dockerfile}']) },
);
const service = fc.tuple(pick('web', 'app', 'db', 'worker', 'base', 'Web', 'x-y', 'é', '"quoted"', 'a'.repeat(70)), fc.array(serviceKey, { maxLength: 5 }), pick('  ', '    '));
const topLevel = fc.oneof(
  pick(['version: "3.8"'], ['version: 3'], ['name: my-project'], ['name: My Project'], ['x-defaults: &defaults', '  restart: always', '  image: python:3.12'], ['networks:', '  default: {}'], ['volumes:', '  data:'], ['secrets:', '  token:', '    file: ./token.txt'], ['include:', '  - other.yaml'], ['# just a comment'], ['---'], ['unknown_top: 1'], ['services: []']),
);

/** A plausible Compose file: services with the keys rules look at, anchors and merge keys, comments, flow style. */
export const composeFile = fc
  .record({
    before: fc.array(topLevel, { maxLength: 2 }),
    services: fc.array(service, { minLength: 0, maxLength: 4 }),
    after: fc.array(topLevel, { maxLength: 1 }),
    comments: fc.boolean(),
    ending: lineEnding,
    finalNewline: fc.boolean(),
    bom: fc.boolean(),
    seed: fc.nat({ max: 2 }),
  })
  .map(({ before, services, after, comments, ending, finalNewline, bom, seed }) => {
    const lines = before.flat();
    lines.push('services:');
    for (const [name, keys, indent] of services) {
      lines.push(`${indent}${name}:${comments ? '  # service' : ''}`);
      for (const key of keys) for (const line of key) lines.push(`${indent}${indent}${line}`);
    }
    lines.push(...after.flat());
    return (bom ? '\ufeff' : '') + joinLines(lines, ending, finalNewline, seed);
  });

/** A .dockerignore: patterns, negations, comments, secrets, odd globs. */
export const dockerignore = fc
  .tuple(fc.array(fc.oneof(pick('.git', '.env', '!.env.example', '*.pem', '**/*.key', 'id_rsa', 'node_modules', '# comment', '', '  .venv  ', '/abs', '../up', '**', '!', '[a-', '\\#literal', 'secrets/', '.env*', '*', 'Dockerfile', '.dockerignore', '**/__pycache__', '*.py[cod]'), oddText, fc.string({ maxLength: 6 })), { maxLength: 10 }), lineEnding, fc.boolean())
  .map(([lines, ending, bom]) => (bom ? '\ufeff' : '') + joinLines(lines, ending, true, 0));

/** A whole project: Dockerfile(s), Compose file, .dockerignore and the Python files docmind rules read. */
export const project: fc.Arbitrary<ProjectFiles> = fc
  .record({
    dockerfile,
    second: fc.option(dockerfile, { nil: undefined, freq: 4 }),
    compose: fc.option(composeFile, { nil: undefined, freq: 3 }),
    ignore: fc.option(dockerignore, { nil: undefined, freq: 3 }),
    env: fc.option(pick('SECRET_KEY=abc\nPORT=8000\n', 'A=1\r\nB="two words"\r\n', 'export X=1\n#c\n=bad\n', ''), { nil: undefined }),
    pyproject: fc.option(pick('[project]\nname = "app"\nrequires-python = ">=3.11"\n', '[project]\nrequires-python = "==3.12.*"\n[tool.uv]\n', '[project\nbroken', ''), { nil: undefined }),
    pythonVersion: fc.option(pick('3.12\n', '3.11.4', 'pypy3.10\n', '', 'garbage'), { nil: undefined }),
    extras: fc.subarray(['app.py', 'entrypoint.sh', 'uv.lock', 'requirements.txt', 'svc/.dockerignore']),
  })
  .map(({ dockerfile: main, second, compose, ignore, env, pyproject, pythonVersion, extras }) => {
    const files: Record<string, string> = { Dockerfile: main };
    if (second !== undefined) files['svc/Dockerfile'] = second;
    if (compose !== undefined) files['compose.yaml'] = compose;
    if (ignore !== undefined) files['.dockerignore'] = ignore;
    if (env !== undefined) files['.env'] = env;
    if (pyproject !== undefined) files['pyproject.toml'] = pyproject;
    if (pythonVersion !== undefined) files['.python-version'] = pythonVersion;
    for (const extra of extras) files[extra] = extra.endsWith('.dockerignore') ? '*.pem\n' : '#!/bin/sh\necho hi\n';
    return files;
  });

/** Characters and tokens that mean something to the parsers, for "arbitrary" text that is not just noise. */
const token = pick('\n', '\n', '\r\n', '\r', ' ', ' ', '\t', '\\', '\\\n', '`', '$', '{', '}', '${', '"', "'", '#', ':', ': ', '- ', '-', '=', '[', ']', ',', '&', '*', '!', '|', '>', '<<', 'EOF', 'FROM ', 'RUN ', 'COPY ', 'ENV ', 'ARG ', 'CMD ', 'USER ', 'services:', 'image: ', 'build: ', 'ports:', '  ', 'a', 'x', '0', '80', '.', '/', '\ufeff', '\u0000', '\u2028', '\ud800', '🐳', 'é');
export const tokenSoup = fc.array(token, { maxLength: 80 }).map((parts) => parts.join(''));

/** Any text: full unicode (lone surrogates too), parser tokens, or a mix of both. */
export const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), tokenSoup, fc.tuple(tokenSoup, fc.string({ unit: 'binary', maxLength: 40 }), tokenSoup).map((parts) => parts.join('')));

/**
 * Inputs that hit a known, open rule bug, each with the rule and a skipped test naming it. The CI
 * properties skip them with `fc.pre` so they stay green; the long fuzz run in bench/fuzz counts them.
 * None is open now: non-root-user's fix on lone-CR Dockerfiles and no-shell-in-json-cmd's fix of a
 * Compose `command` list holding a block scalar were fixed (their tests in structured.test.ts run).
 */
const KNOWN_RULE_BUGS: readonly { readonly rule: string; matches(name: string, text: string): boolean }[] = [];

export function hitsKnownRuleBug(files: ProjectFiles): boolean {
  return Object.entries(files).some(([name, text]) => typeof text === 'string' && KNOWN_RULE_BUGS.some((bug) => bug.matches(name, text)));
}
