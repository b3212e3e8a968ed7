import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, lintText, MemoryHost } from '@docmind-docker-lint/core';
import { RuleTester } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from './index.js';

const MULTI_ENV = 'FROM alpine:3.20\nENV APP_ENV=production \\\n    DB_PASSWORD="hunter 2" \\\n    AWS_SECRET_ACCESS_KEY=example\n';
const COPIED_SECRETS = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY .env ./\nCOPY --chown=app certs/server.key id_rsa /etc/ssl/private/\n';
const COPIED_TO_SECRETS = 'FROM alpine:3.20\nCOPY deploy-key /root/.ssh/id_ed25519\nCOPY ["config/prod.env", "/app/.env"]\n';

new RuleTester().run('no-secrets-in-image', rule, {
  valid: [
    {
      name: 'build arguments without a default, or defaulting to another variable',
      code: 'ARG PIP_PASSWORD\nFROM python:3.12-slim\nARG GITHUB_TOKEN\nARG NPM_TOKEN=\nARG PIP_INDEX_PASSWORD=${PIP_PASSWORD}\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN uv sync --frozen\n',
    },
    {
      name: 'names that describe a secret without holding it, and words that only look secret',
      code:
        'FROM python:3.12-slim\n' +
        'ENV PASSWORD_FILE=/run/secrets/db_password \\\n' +
        '    GITHUB_TOKEN_URL=https://github.com/login/oauth/access_token \\\n' +
        '    SSH_KEY_FILE=/run/secrets/deploy_key \\\n' +
        '    GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcp.json \\\n' +
        '    DOCMIND_LLM__MAX_TOKENS=4096 \\\n' +
        '    TOKENIZERS_PARALLELISM=false \\\n' +
        '    GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
    },
    {
      name: 'public keys are not secrets',
      code: 'FROM node:22-slim\nENV NEXT_PUBLIC_API_KEY=pk_example STRIPE_PUBLISHABLE_KEY=pk_example\n',
    },
    {
      name: 'an empty secret ENV, and a URL without a password',
      code: 'FROM python:3.12-slim\nENV DOCMIND_OPENAI__API_KEY="" DATABASE_URL=postgres://app@db:5432/app\n',
    },
    {
      name: 'example env files, public SSH files and public keys may be copied',
      code:
        'FROM python:3.12-slim\nCOPY .env.example .env\nCOPY .env.example ./\n' +
        'COPY known_hosts /root/.ssh/known_hosts\nCOPY id_ed25519.pub /root/.ssh/\n',
    },
    {
      name: 'copying the whole context is dockerignore-secrets’ concern',
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      files: { '.env': 'API_KEY=example\n' },
    },
    {
      name: 'wildcard and variable sources are left to dockerignore-secrets, which sees the files they match',
      code: 'FROM nginx:1.27\nCOPY *.pem /etc/nginx/certs/\nCOPY $CERT_FILE /etc/nginx/certs/\n',
    },
    {
      // Corpus: moby/buildkit examples/create-certs/Dockerfile:13-14, jessfraz/dockerfiles osquery/Dockerfile:21.
      name: 'certificates are public: a CA certificate, a CA bundle, a certificate chain',
      code:
        'FROM alpine:edge AS gen\nWORKDIR /certs\nRUN cp -f rootCA.pem daemon/ca.pem\nRUN cp -f rootCA.pem client/ca.pem\n' +
        'RUN cp ../src/tools/deployment/certs.pem /usr/share/osquery/certs/\n' +
        'COPY fullchain.pem ca-bundle.pem /etc/nginx/\nCOPY client.cert.pem /etc/ssl/\n',
    },
    {
      name: 'ENV inside ONBUILD belongs to the images built from this one',
      code: 'FROM python:3.12-slim\nONBUILD ENV API_TOKEN=example\n',
    },
    {
      name: 'a heredoc that writes settings without credentials',
      code: 'FROM python:3.12-slim\nCOPY <<EOF /app/.env\nDEBUG=1\nEOF\n',
    },
    {
      name: 'credential files that a secret mount provides, or that the same RUN removes',
      code:
        'FROM python:3.12-slim\n' +
        'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n' +
        'RUN --mount=type=secret,id=netrc cp /run/secrets/netrc ~/.netrc && pip install -r requirements.txt && rm -f ~/.netrc\n' +
        'RUN --mount=type=secret,id=ssh_key cp /run/secrets/ssh_key ~/.ssh/id_ed25519 && git clone git@github.com:org/lib.git && rm -rf $HOME/.ssh\n',
    },
    {
      name: 'configuration files written without credentials',
      code:
        'FROM node:22-slim\n' +
        'RUN echo "registry=https://npm.example.com/" > ~/.npmrc\n' +
        "RUN echo '//registry.npmjs.org/:_authToken=${NPM_TOKEN}' >> .npmrc\n" +
        "RUN npm config set //registry.npmjs.org/:_authToken '${NPM_TOKEN}'\n" +
        'RUN ssh-keyscan github.com >> ~/.ssh/known_hosts\n' +
        'RUN git config --global url."git@github.com:".insteadOf "https://github.com/"\n',
    },
    {
      name: 'allowedNames silences a name',
      code: 'FROM python:3.12-slim\nENV DOCMIND_DEMO_TOKEN=demo\n',
      options: [{ allowedNames: ['docmind_demo_*'] }],
    },
    {
      name: 'allowedFiles lets a named file through',
      code: 'FROM nginx:1.27\nCOPY certs/dev.pem /etc/nginx/dev.pem\n',
      options: [{ allowedFiles: ['certs/dev.pem'] }],
    },
  ],
  invalid: [
    {
      name: 'an ARG default that looks secret: the suggestion drops the default',
      code: 'FROM python:3.12-slim\nARG GITHUB_TOKEN=ghp_example\n',
      errors: [
        {
          messageId: 'secretArgDefault',
          data: { name: 'GITHUB_TOKEN', id: 'github_token', keyword: 'ARG' },
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 17,
          suggestions: [{ messageId: 'removeDefault', output: 'FROM python:3.12-slim\nARG GITHUB_TOKEN\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a secret ENV alone in its instruction: the suggestion removes the line',
      code: 'FROM python:3.12-slim\nENV OPENAI_API_KEY=sk-example\nCMD ["python", "app.py"]\n',
      errors: [
        {
          messageId: 'secretEnv',
          data: { name: 'OPENAI_API_KEY', id: 'openai_api_key', keyword: 'ENV' },
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 19,
          suggestions: [{ messageId: 'removeVariable', output: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'two secrets in one ENV across continuations: each suggestion removes one',
      code: MULTI_ENV,
      errors: [
        {
          messageId: 'secretEnv',
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 16,
          suggestions: [
            { messageId: 'removeVariable', output: 'FROM alpine:3.20\nENV APP_ENV=production \\\n    AWS_SECRET_ACCESS_KEY=example\n' },
          ],
        },
        {
          messageId: 'secretEnv',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 26,
          suggestions: [{ messageId: 'removeVariable', output: 'FROM alpine:3.20\nENV APP_ENV=production \\\n    DB_PASSWORD="hunter 2"\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'an ENV that copies a build argument into the image',
      code: 'ARG HF_TOKEN\nFROM python:3.12-slim\nARG HF_TOKEN\nENV HF_TOKEN=$HF_TOKEN\n',
      errors: [
        {
          messageId: 'secretEnvFromArg',
          data: { name: 'HF_TOKEN', id: 'hf_token', keyword: 'ENV' },
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 13,
          suggestions: [{ messageId: 'removeVariable', output: 'ARG HF_TOKEN\nFROM python:3.12-slim\nARG HF_TOKEN\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'the legacy `ENV NAME value` form, with CRLF line breaks',
      code: 'FROM mysql:8.4\r\nENV MYSQL_ROOT_PASSWORD example\r\nEXPOSE 3306\r\n',
      errors: [
        {
          messageId: 'secretEnv',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 24,
          suggestions: [{ messageId: 'removeVariable', output: 'FROM mysql:8.4\r\nEXPOSE 3306\r\n' }],
        },
      ],
      output: null,
    },
    {
      name: 'a URL with a password, whatever the name',
      code: 'FROM python:3.12-slim\nENV PIP_INDEX_URL=https://deploy:example@pypi.example.com/simple\n',
      errors: [
        {
          messageId: 'credentialsInUrl',
          data: { name: 'PIP_INDEX_URL', id: 'pip_index_url', keyword: 'ENV' },
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 65,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'a build argument whose default is a URL with a password (a variable password is fine)',
      code: 'FROM python:3.12-slim\nARG DATABASE_URL=postgres://app:example@db/app\nARG CACHE_URL=redis://app:${REDIS_PASSWORD}@cache:6379\n',
      errors: [{ messageId: 'credentialsInUrl', data: { name: 'DATABASE_URL', id: 'database_url', keyword: 'ARG' }, line: 2, column: 18, endLine: 2, endColumn: 47 }],
      output: null,
    },
    {
      name: 'secretNames adds names',
      code: 'FROM python:3.12-slim\nENV DOCMIND_SENTRY_DSN=https://key@o1.ingest.example.io/1\n',
      options: [{ secretNames: ['*_DSN'] }],
      errors: [{ messageId: 'secretEnv', line: 2, column: 5, endLine: 2, endColumn: 23 }],
      output: null,
    },
    {
      name: 'an env file copied from another stage is not in the build context: reported here',
      code: 'FROM python:3.12-slim AS build\nFROM python:3.12-slim\nCOPY --from=build /src/.env.production /app/\n',
      errors: [
        {
          messageId: 'secretFileCopy',
          data: { keyword: 'COPY', path: '/src/.env.production', id: 'env.production', target: '/app/.env.production' },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 39,
        },
      ],
      output: null,
    },
    {
      name: 'COPY of keys: each source; the env file of the context is left to dockerignore-secrets',
      code: COPIED_SECRETS,
      errors: [
        {
          messageId: 'secretFileCopy',
          data: { keyword: 'COPY', path: 'certs/server.key', id: 'server.key', target: '/etc/ssl/private/server.key' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 34,
        },
        {
          messageId: 'secretFileCopy',
          data: { keyword: 'COPY', path: 'id_rsa', id: 'id_rsa', target: '/etc/ssl/private/id_rsa' },
          line: 4,
          column: 35,
          endLine: 4,
          endColumn: 41,
        },
      ],
      output: null,
    },
    {
      name: 'COPY of an SSH folder, with the mount target under an unknown WORKDIR',
      code: 'FROM python:3.12-slim\nCOPY .ssh .ssh\n',
      errors: [{ messageId: 'secretFileCopy', data: { keyword: 'COPY', path: '.ssh', id: 'ssh', target: '<workdir>/.ssh' }, line: 2, column: 6, endLine: 2, endColumn: 10 }],
      output: null,
    },
    {
      name: 'COPY of a credential file from another stage',
      code: 'FROM node:22 AS build\nFROM node:22-slim\nCOPY --from=build /root/.npmrc /root/.npmrc\n',
      errors: [{ messageId: 'secretFileCopy', data: { keyword: 'COPY', path: '/root/.npmrc', id: 'npmrc', target: '/root/.npmrc' }, line: 3, column: 19, endLine: 3, endColumn: 31 }],
      output: null,
    },
    {
      name: 'COPY to a credential location, in both forms: the destination',
      code: COPIED_TO_SECRETS,
      errors: [
        {
          messageId: 'secretFileCopy',
          data: { keyword: 'COPY', path: '/root/.ssh/id_ed25519', id: 'id_ed25519', target: '/root/.ssh/id_ed25519' },
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 38,
        },
        { messageId: 'secretFileCopy', data: { keyword: 'COPY', path: '/app/.env', id: 'env', target: '/app/.env' }, line: 3, column: 27, endLine: 3, endColumn: 36 },
      ],
      output: null,
    },
    {
      name: 'a heredoc that writes credentials',
      code: 'FROM python:3.12-slim\nCOPY <<EOF /root/.netrc\nmachine github.com login bot password example\nEOF\n',
      errors: [{ messageId: 'secretFileCopy', data: { keyword: 'COPY', path: '/root/.netrc', id: 'netrc', target: '/root/.netrc' }, line: 2, column: 12, endLine: 2, endColumn: 24 }],
      output: null,
    },
    {
      name: 'ADD of a key from a URL into a folder',
      code: 'FROM nginx:1.27\nADD https://example.com/site.pem /etc/nginx/certs/\n',
      errors: [
        {
          messageId: 'secretFileCopy',
          data: { keyword: 'ADD', path: '/etc/nginx/certs/site.pem', id: 'site.pem', target: '/etc/nginx/certs/site.pem' },
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 51,
        },
      ],
      output: null,
    },
    {
      name: 'secretFiles adds credential files',
      code: 'FROM python:3.12-slim\nCOPY service-account.json /app/\n',
      options: [{ secretFiles: ['**/service-account.json'] }],
      errors: [{ messageId: 'secretFileCopy', line: 2, column: 6, endLine: 2, endColumn: 26 }],
      output: null,
    },
    {
      name: 'RUN echo of credentials into ~/.netrc',
      code: 'FROM python:3.12-slim\nRUN echo "machine github.com login bot password $GH_TOKEN" > ~/.netrc && pip install -r requirements.txt\n',
      errors: [{ messageId: 'credentialFileWrite', data: { path: '~/.netrc', id: 'netrc', target: '<home>/.netrc' }, line: 2, column: 62, endLine: 2, endColumn: 70, suggestions: [] }],
      output: null,
    },
    {
      name: 'RUN heredoc scripts and cat with a heredoc body',
      code: 'FROM python:3.12-slim\nRUN <<EOF\nset -e\necho "password=$PYPI_PASSWORD" > ~/.pypirc\nEOF\nRUN cat > /root/.netrc <<NETRC\nmachine github.com login bot password example\nNETRC\n',
      errors: [
        { messageId: 'credentialFileWrite', data: { path: '~/.pypirc', id: 'pypirc', target: '<home>/.pypirc' }, line: 4, column: 34, endLine: 4, endColumn: 43 },
        { messageId: 'credentialFileWrite', data: { path: '/root/.netrc', id: 'netrc', target: '/root/.netrc' }, line: 6, column: 11, endLine: 6, endColumn: 23 },
      ],
      output: null,
    },
    {
      name: 'RUN copies a mounted secret into the layer',
      code: 'FROM node:22-slim\nRUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc /root/.npmrc && npm ci\n',
      errors: [{ messageId: 'credentialFileWrite', data: { path: '/root/.npmrc', id: 'npmrc', target: '/root/.npmrc' }, line: 2, column: 56, endLine: 2, endColumn: 68 }],
      output: null,
    },
    {
      name: 'RUN pipes a token into tee',
      code: 'FROM python:3.12-slim\nRUN printf \'%s\\n\' "$PYPI_TOKEN" | tee $HOME/.pypirc > /dev/null\n',
      errors: [{ messageId: 'credentialFileWrite', data: { path: '$HOME/.pypirc', id: 'pypirc', target: '<home>/.pypirc' }, line: 2, column: 39, endLine: 2, endColumn: 52 }],
      output: null,
    },
    {
      name: 'a removal in a later RUN does not take the file out of the earlier layer',
      code: 'FROM python:3.12-slim\nRUN cp /tmp/netrc ~/.netrc\nRUN pip install -r requirements.txt && rm ~/.netrc\n',
      errors: [{ messageId: 'credentialFileWrite', line: 2, column: 19, endLine: 2, endColumn: 27 }],
      output: null,
    },
    {
      name: 'a .pem named as a key, or as neither key nor certificate, stays a secret',
      code: 'FROM alpine:edge\nRUN cp -f rootCA-key.pem daemon/ca-key.pem\nCOPY privkey.pem server.pem /etc/nginx/\n',
      errors: [
        { messageId: 'credentialFileWrite', data: { path: 'daemon/ca-key.pem', id: 'ca-key.pem', target: 'daemon/ca-key.pem' }, line: 2, column: 26, endLine: 2, endColumn: 43 },
        { messageId: 'secretFileCopy', line: 3, column: 6, endLine: 3, endColumn: 17 },
        { messageId: 'secretFileCopy', line: 3, column: 18, endLine: 3, endColumn: 28 },
      ],
      output: null,
    },
    {
      name: 'RUN in exec form through sh -c',
      code: 'FROM python:3.12-slim\nRUN ["sh", "-c", "echo $API_KEY > /app/.env"]\n',
      errors: [{ messageId: 'credentialFileWrite', data: { path: '/app/.env', id: 'env', target: '/app/.env' }, line: 2, column: 35, endLine: 2, endColumn: 44 }],
      output: null,
    },
    {
      name: 'npm config set stores a token in .npmrc',
      code: 'FROM node:22-slim\nRUN npm config set //registry.npmjs.org/:_authToken=$NPM_TOKEN && npm ci\n',
      errors: [
        {
          messageId: 'storedCredential',
          data: { command: 'npm config set', file: '.npmrc' },
          line: 2,
          column: 20,
          endLine: 2,
          endColumn: 52,
        },
      ],
      output: null,
    },
    {
      name: 'git config with a token in a URL',
      code: 'FROM python:3.12-slim\nRUN git config --global url."https://${GITHUB_TOKEN}@github.com/".insteadOf "https://github.com/"\n',
      errors: [{ messageId: 'storedCredential', data: { command: 'git config', file: '.gitconfig' }, line: 2, column: 5, endLine: 2, endColumn: 8 }],
      output: null,
    },
    {
      name: 'git clone with a token in the URL keeps it in .git/config',
      code: 'FROM python:3.12-slim\nRUN git clone https://oauth2:$GITLAB_TOKEN@gitlab.com/org/lib.git /src/lib\n',
      errors: [{ messageId: 'storedCredential', data: { command: 'git clone', file: '.git/config' }, line: 2, column: 5, endLine: 2, endColumn: 8 }],
      output: null,
    },
    {
      name: 'two findings in one RUN, in the order they appear',
      code: 'FROM python:3.12-slim\nRUN git clone https://$GITHUB_TOKEN@github.com/org/lib.git /src/lib && cp /tmp/deploy_key ~/.ssh/id_ed25519\n',
      errors: [
        { messageId: 'storedCredential', data: { command: 'git clone', file: '.git/config' }, line: 2, column: 5, endLine: 2, endColumn: 8 },
        { messageId: 'credentialFileWrite', data: { path: '~/.ssh/id_ed25519', id: 'id_ed25519', target: '<home>/.ssh/id_ed25519' }, line: 2, column: 91, endLine: 2, endColumn: 108 },
      ],
      output: null,
    },
    {
      name: 'aws configure set stores a secret key',
      code: 'FROM python:3.12-slim\nRUN aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"\n',
      errors: [
        {
          messageId: 'storedCredential',
          data: { command: 'aws configure set', file: '.aws/credentials' },
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 44,
        },
      ],
      output: null,
    },
    {
      name: 'poetry config http-basic stores a password',
      code: 'FROM python:3.12-slim\nRUN poetry config http-basic.private bot "$REGISTRY_PASSWORD" && poetry install\n',
      errors: [{ messageId: 'storedCredential', data: { command: 'poetry config', file: 'auth.toml' }, line: 2, column: 19, endLine: 2, endColumn: 37 }],
      output: null,
    },
  ],
});

describe('no-secrets-in-image on the example projects', () => {
  const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
  const lintExample = async (name: string) => {
    const results = await lintProject({
      cwd: path.join(examples, name),
      plugins: [{ meta: { name: 't' }, rules: { 'no-secrets-in-image': rule } }],
      useConfigFiles: false,
      rules: { 'no-secrets-in-image': ['error'] },
    });
    return results.flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(path.join(examples, name), result.filePath),
        at: `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`,
        messageId: message.messageId,
      })),
    );
  };

  it('the broken app bakes no secret through ENV, ARG, COPY of a named file or RUN (its `COPY . .` is dockerignore-secrets’ finding)', async () => {
    expect(await lintExample('broken-streamlit-app')).toEqual([]);
  });

  it('the hardened app is clean', async () => {
    expect(await lintExample('hardened-streamlit-app')).toEqual([]);
  });
});

describe('no-secrets-in-image messages', () => {
  it('name the variable or file, never the value', async () => {
    const code = 'FROM python:3.12-slim\nARG GITHUB_TOKEN=ghp_doNotPrint\nENV DB_PASSWORD=doNotPrint PIP_INDEX_URL=https://bot:doNotPrint@pypi.example.com/simple\nRUN echo "password doNotPrint" > ~/.netrc\n';
    const [result] = await lintText(code, {
      cwd: '/virtual-project',
      filePath: 'Dockerfile',
      host: new MemoryHost(),
      plugins: [{ meta: { name: 't' }, rules: { 'no-secrets-in-image': rule } }],
      useConfigFiles: false,
      rules: { 'no-secrets-in-image': ['error'] },
    });
    const messages = result!.messages;
    expect(messages.map((message) => message.messageId)).toEqual(['secretArgDefault', 'secretEnv', 'credentialsInUrl', 'credentialFileWrite']);
    for (const message of messages) expect(message.message).not.toMatch(/doNotPrint/);
  });
});
