import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintProject, lintText, MemoryHost } from '@docmind-docker-lint/core';
import { RuleTester, VIRTUAL_ROOT } from '@docmind-docker-lint/rule-tester';
import { describe, expect, it } from 'vitest';
import { DOCMIND_ENV_CONTRACT_OPTIONS } from './docmind-defaults.js';
import rule from './index.js';

const DOCMIND = [DOCMIND_ENV_CONTRACT_OPTIONS];

const ENV_EXAMPLE = `# Every setting of the app starts with DOCMIND_.
DOCMIND_LLM_BACKEND=ollama
DOCMIND_OLLAMA_BASE_URL=http://localhost:11434
# DOCMIND_LMSTUDIO_BASE_URL=http://localhost:1234/v1
DOCMIND_DATABASE__QDRANT_URL=http://localhost:6333
# DOCMIND_VLLM__ATTENTION_BACKEND=FLASHINFER
OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317
`;
const FILES = { '.env.example': ENV_EXAMPLE };

/** A Compose file whose `app` service builds the project and sets `environment` as given. */
const compose = (...environment: string[]): string =>
  ['services:', '  app:', '    build: .', '    environment:', ...environment.map((line) => `      ${line}`), ''].join('\n');

new RuleTester().run('docmind-env-contract', rule, {
  valid: [
    {
      name: 'contract names, unprefixed contract names and runtime variables',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose(
        'DOCMIND_LLM_BACKEND: ollama',
        'DOCMIND_LMSTUDIO_BASE_URL: http://lmstudio:1234/v1',
        'OTEL_EXPORTER_OTLP_ENDPOINT: http://otel:4317',
        'TZ: Europe/Berlin',
        'PYTHONUNBUFFERED: "1"',
        'CUDA_VISIBLE_DEVICES: "0"',
        'STREAMLIT_SERVER_PORT: "8501"',
      ),
    },
    {
      name: 'list form with contract names',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('- DOCMIND_LLM_BACKEND=ollama', '- DOCMIND_DATABASE__QDRANT_URL', '- HTTPS_PROXY'),
    },
    {
      name: 'services that do not run the app are left alone',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: 'services:\n  qdrant:\n    image: qdrant/qdrant:v1.12.5\n    environment:\n      QDRANT__SERVICE__API_KEY: x\n      OLLAMA_BASE_URL: http://ollama:11434\n',
    },
    {
      name: 'without a contract, no prefixed name can be called unknown',
      filename: 'compose.yaml',
      options: DOCMIND,
      code: compose('DOCMIND_ANYTHING: "1"', 'LLM_BACKEND: ollama', 'SOMETHING_ELSE: "1"'),
    },
    {
      name: 'the generic default reports no name that is not close to a contract name',
      filename: 'compose.yaml',
      files: { '.env.example': 'DATABASE_URL=postgres://localhost/app\n' },
      code: compose('DATABASE_URL: postgres://db/app', 'WORKERS: "4"', 'FEATURE_FLAGS: beta'),
    },
    {
      name: 'allow adds to the runtime variables',
      filename: 'compose.yaml',
      files: FILES,
      options: [{ ...DOCMIND_ENV_CONTRACT_OPTIONS, allow: ['GUNICORN_*', 'SENTRY_DSN'] }],
      code: compose('GUNICORN_WORKERS: "4"', 'SENTRY_DSN: https://sentry.example/1', 'TZ: UTC'),
    },
    {
      name: 'an aliased environment belongs to its anchor and is not renamed for every user',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: 'x-env: &env\n  PLAIN: "1"\nservices:\n  app:\n    build: .\n    environment: *env\n',
    },
    {
      name: 'Dockerfile: tool variables and contract names',
      files: FILES,
      options: DOCMIND,
      code: 'FROM python:3.12-slim\nARG DOCMIND_LLM_BACKEND=ollama\nENV UV_COMPILE_BYTECODE=1 PATH="/app/.venv/bin:$PATH"\nENV CUDA_VISIBLE_DEVICES 0\n',
    },
    {
      name: 'an env file that no app service uses is not checked',
      filename: '.env.local',
      files: { ...FILES, 'compose.yaml': compose('DOCMIND_LLM_BACKEND: ollama') },
      options: DOCMIND,
      code: 'OLLAMA_BASE_URL=http://localhost:11434\nDOCMIND_UNKNOWN=1\n',
    },
    {
      name: 'env file: commented names and unprefixed tool variables',
      filename: '.env.app',
      files: { ...FILES, 'compose.yaml': 'services:\n  app:\n    build: .\n    env_file: .env.app\n' },
      options: DOCMIND,
      code: '# OLLAMA_BASE_URL=http://localhost:11434\nDOCMIND_LLM_BACKEND=ollama\nLOG_FORMAT=json\n',
    },
  ],
  invalid: [
    {
      name: 'a legacy name in map form is renamed, value and comment kept',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('# Where the local model server listens.', 'OLLAMA_BASE_URL: http://ollama:11434 # local', 'DOCMIND_LLM_BACKEND: ollama'),
      errors: [
        {
          messageId: 'legacyName',
          data: { name: 'OLLAMA_BASE_URL', replacement: 'DOCMIND_OLLAMA_BASE_URL' },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 22,
          suggestions: [],
        },
      ],
      output: compose(
        '# Where the local model server listens.',
        'DOCMIND_OLLAMA_BASE_URL: http://ollama:11434 # local',
        'DOCMIND_LLM_BACKEND: ollama',
      ),
    },
    {
      name: 'legacy names in list form, plain and quoted, keep their form and quotes',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('- OLLAMA_BASE_URL=http://ollama:11434', '- "LMSTUDIO_BASE_URL=http://lmstudio:1234/v1"', "- 'VLLM_BASE_URL'"),
      errors: [
        { messageId: 'legacyName', line: 5, column: 9, endLine: 5, endColumn: 24 },
        { messageId: 'legacyName', line: 6, column: 10, endLine: 6, endColumn: 27 },
        { messageId: 'legacyName', line: 7, column: 10, endLine: 7, endColumn: 23 },
      ],
      output: compose(
        '- DOCMIND_OLLAMA_BASE_URL=http://ollama:11434',
        '- "DOCMIND_LMSTUDIO_BASE_URL=http://lmstudio:1234/v1"',
        "- 'DOCMIND_VLLM_BASE_URL'",
      ),
    },
    {
      name: 'a quoted legacy key keeps its quotes',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('"VLLM_BASE_URL": http://vllm:8000/v1'),
      errors: [{ messageId: 'legacyName', line: 5, column: 8, endLine: 5, endColumn: 21 }],
      output: compose('"DOCMIND_VLLM_BASE_URL": http://vllm:8000/v1'),
    },
    {
      name: 'a legacy name whose replacement is already set is not renamed (the key would repeat)',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('OLLAMA_BASE_URL: http://ollama:11434', 'DOCMIND_OLLAMA_BASE_URL: http://ollama:11434'),
      errors: [{ messageId: 'legacyName', line: 5, column: 7, endLine: 5, endColumn: 22, suggestions: [] }],
      output: null,
    },
    {
      name: 'unprefixed names the contract knows with the prefix, exactly or up to the nested delimiter',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('LLM_BACKEND: ollama', 'VLLM_ATTENTION_BACKEND: FLASHINFER'),
      errors: [
        {
          messageId: 'unprefixedName',
          data: { name: 'LLM_BACKEND', replacements: '`DOCMIND_LLM_BACKEND`' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 18,
        },
        {
          messageId: 'unprefixedName',
          data: { name: 'VLLM_ATTENTION_BACKEND', replacements: '`DOCMIND_VLLM__ATTENTION_BACKEND`' },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 29,
        },
      ],
      output: compose('DOCMIND_LLM_BACKEND: ollama', 'DOCMIND_VLLM__ATTENTION_BACKEND: FLASHINFER'),
    },
    {
      name: 'an unprefixed name with two fitting contract names gets one suggestion each (known contract)',
      filename: 'compose.yaml',
      options: [{ ...DOCMIND_ENV_CONTRACT_OPTIONS, known: ['DOCMIND_CACHE_DIR', 'DOCMIND_CACHE__DIR'] }],
      code: compose('CACHE_DIR: /cache'),
      errors: [
        {
          messageId: 'unprefixedName',
          data: { name: 'CACHE_DIR', replacements: '`DOCMIND_CACHE_DIR` or `DOCMIND_CACHE__DIR`' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            { messageId: 'renameTo', data: { name: 'CACHE_DIR', replacement: 'DOCMIND_CACHE_DIR' }, output: compose('DOCMIND_CACHE_DIR: /cache') },
            { messageId: 'renameTo', data: { name: 'CACHE_DIR', replacement: 'DOCMIND_CACHE__DIR' }, output: compose('DOCMIND_CACHE__DIR: /cache') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'prefixed names the contract does not know suggest the closest contract names',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('DOCMIND_LLM_BACKED: ollama', 'DOCMIND_DATABASE_QDRANT_URL: http://qdrant:6333'),
      errors: [
        {
          messageId: 'unknownSetting',
          data: { name: 'DOCMIND_LLM_BACKED', source: '.env.example' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'renameTo',
              data: { name: 'DOCMIND_LLM_BACKED', replacement: 'DOCMIND_LLM_BACKEND' },
              output: compose('DOCMIND_LLM_BACKEND: ollama', 'DOCMIND_DATABASE_QDRANT_URL: http://qdrant:6333'),
            },
          ],
        },
        {
          messageId: 'unknownSetting',
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'renameTo',
              output: compose('DOCMIND_LLM_BACKED: ollama', 'DOCMIND_DATABASE__QDRANT_URL: http://qdrant:6333'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a prefixed name far from every contract name has no suggestion',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('DOCMIND_OPENAI__API_KEY: ${OPENAI_API_KEY}'),
      errors: [{ messageId: 'unknownSetting', line: 5, column: 7, endLine: 5, endColumn: 30, suggestions: [] }],
      output: null,
    },
    {
      name: 'unprefixed names that are neither settings nor runtime variables',
      filename: 'compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: compose('- QDRANT_URL=http://qdrant:6333', '- MODEL_NAME=qwen2.5', '- TZ=UTC'),
      errors: [
        {
          messageId: 'unknownVariable',
          data: { name: 'QDRANT_URL', source: '.env.example' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'renameTo',
              data: { name: 'QDRANT_URL', replacement: 'DOCMIND_DATABASE__QDRANT_URL' },
              output: compose('- DOCMIND_DATABASE__QDRANT_URL=http://qdrant:6333', '- MODEL_NAME=qwen2.5', '- TZ=UTC'),
            },
          ],
        },
        { messageId: 'unknownVariable', line: 6, column: 9, endLine: 6, endColumn: 19, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'services names a service that runs the app without a build',
      filename: 'compose.yaml',
      files: FILES,
      options: [{ ...DOCMIND_ENV_CONTRACT_OPTIONS, services: ['worker'] }],
      code: 'services:\n  worker:\n    image: ghcr.io/docmind/app:1.4.0\n    environment:\n      LMSTUDIO_BASE_URL: http://lmstudio:1234/v1\n',
      errors: [{ messageId: 'legacyName', line: 5, column: 7, endLine: 5, endColumn: 24 }],
      output: 'services:\n  worker:\n    image: ghcr.io/docmind/app:1.4.0\n    environment:\n      DOCMIND_LMSTUDIO_BASE_URL: http://lmstudio:1234/v1\n',
    },
    {
      name: 'the contract is found in the build context when the Compose file lives elsewhere',
      filename: 'deploy/compose.yaml',
      files: FILES,
      options: DOCMIND,
      code: 'services:\n  app:\n    build: ..\n    environment:\n      DOCMIND_LLM_BACKEN: ollama\n',
      errors: [
        {
          messageId: 'unknownSetting',
          data: { name: 'DOCMIND_LLM_BACKEN', source: '.env.example' },
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            { messageId: 'renameTo', output: 'services:\n  app:\n    build: ..\n    environment:\n      DOCMIND_LLM_BACKEND: ollama\n' },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'env file of an app service: legacy and unknown prefixed names, in the env file',
      filename: '.env.app',
      files: { ...FILES, 'compose.yaml': 'services:\n  app:\n    build: .\n    env_file:\n      - .env.app\n' },
      options: DOCMIND,
      code: 'OLLAMA_BASE_URL=http://ollama:11434\nexport DOCMIND_LLM_BACKED=ollama\nQDRANT_URL=http://qdrant:6333\n',
      errors: [
        { messageId: 'legacyName', line: 1, column: 1, endLine: 1, endColumn: 16 },
        {
          messageId: 'unknownSetting',
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'renameTo',
              output: 'OLLAMA_BASE_URL=http://ollama:11434\nexport DOCMIND_LLM_BACKEND=ollama\nQDRANT_URL=http://qdrant:6333\n',
            },
          ],
        },
      ],
      output: 'DOCMIND_OLLAMA_BASE_URL=http://ollama:11434\nexport DOCMIND_LLM_BACKED=ollama\nQDRANT_URL=http://qdrant:6333\n',
    },
    {
      name: 'env file: a name the file refers to is only suggested for renaming',
      filename: '.env.app',
      files: { ...FILES, 'compose.yaml': 'services:\n  app:\n    build: .\n    env_file: .env.app\n' },
      options: DOCMIND,
      code: 'VLLM_BASE_URL=http://vllm:8000\nDOCMIND_OLLAMA_BASE_URL=${VLLM_BASE_URL}/v1\n',
      errors: [
        {
          messageId: 'legacyName',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'renameTo',
              data: { name: 'VLLM_BASE_URL', replacement: 'DOCMIND_VLLM_BASE_URL' },
              output: 'DOCMIND_VLLM_BASE_URL=http://vllm:8000\nDOCMIND_OLLAMA_BASE_URL=${VLLM_BASE_URL}/v1\n',
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Dockerfile: a legacy ENV is renamed; an ARG or a referenced ENV is only suggested; unknown prefixed names',
      files: FILES,
      options: DOCMIND,
      code: [
        'FROM python:3.12-slim',
        'ARG LMSTUDIO_BASE_URL',
        'ENV OLLAMA_BASE_URL=http://ollama:11434 DOCMIND_LLM_BACKED=ollama',
        'ENV VLLM_BASE_URL http://vllm:8000/v1',
        'RUN echo "$VLLM_BASE_URL"',
        '',
      ].join('\n'),
      errors: [
        {
          messageId: 'legacyName',
          line: 2,
          column: 5,
          endLine: 2,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'renameTo',
              output: [
                'FROM python:3.12-slim',
                'ARG DOCMIND_LMSTUDIO_BASE_URL',
                'ENV OLLAMA_BASE_URL=http://ollama:11434 DOCMIND_LLM_BACKED=ollama',
                'ENV VLLM_BASE_URL http://vllm:8000/v1',
                'RUN echo "$VLLM_BASE_URL"',
                '',
              ].join('\n'),
            },
          ],
        },
        { messageId: 'legacyName', line: 3, column: 5, endLine: 3, endColumn: 20, suggestions: [] },
        { messageId: 'unknownSetting', line: 3, column: 41, endLine: 3, endColumn: 59 },
        {
          messageId: 'legacyName',
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'renameTo',
              output: [
                'FROM python:3.12-slim',
                'ARG LMSTUDIO_BASE_URL',
                'ENV OLLAMA_BASE_URL=http://ollama:11434 DOCMIND_LLM_BACKED=ollama',
                'ENV DOCMIND_VLLM_BASE_URL http://vllm:8000/v1',
                'RUN echo "$VLLM_BASE_URL"',
                '',
              ].join('\n'),
            },
          ],
        },
      ],
      output: [
        'FROM python:3.12-slim',
        'ARG LMSTUDIO_BASE_URL',
        'ENV DOCMIND_OLLAMA_BASE_URL=http://ollama:11434 DOCMIND_LLM_BACKED=ollama',
        'ENV VLLM_BASE_URL http://vllm:8000/v1',
        'RUN echo "$VLLM_BASE_URL"',
        '',
      ].join('\n'),
    },
    {
      name: 'the generic default reports near-misses of contract names in a service environment',
      filename: 'compose.yaml',
      files: { '.env.example': 'DATABASE_URL=postgres://localhost/app\nSECRET_KEY=\n' },
      code: compose('DATABSE_URL: postgres://db/app', 'WORKERS: "4"'),
      errors: [
        {
          messageId: 'unknownVariable',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 18,
          suggestions: [{ messageId: 'renameTo', output: compose('DATABASE_URL: postgres://db/app', 'WORKERS: "4"') }],
        },
      ],
      output: null,
    },
    {
      name: 'a legacy map without prefix or contract; another example file name',
      filename: 'compose.yaml',
      files: { '.env.sample': 'APP_DB___HOST=localhost\n' },
      options: [{ prefix: 'APP_', delimiter: '___', exampleFile: '.env.sample', legacy: { DB_URL: 'APP_DB___URL' } }],
      code: compose('DB_URL: postgres://db/app', 'DB_HOST: db'),
      errors: [
        { messageId: 'legacyName', line: 5, column: 7, endLine: 5, endColumn: 13 },
        { messageId: 'unprefixedName', line: 6, column: 7, endLine: 6, endColumn: 14 },
      ],
      output: compose('APP_DB___URL: postgres://db/app', 'APP_DB___HOST: db'),
    },
  ],
});

describe('docmind-env-contract across files', () => {
  const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../examples');
  const lintExample = async (name: string) =>
    lintProject({
      cwd: path.join(examples, name),
      plugins: [{ meta: { name: 't' }, rules: { 'docmind-env-contract': rule } }],
      useConfigFiles: false,
      rules: { 'docmind-env-contract': ['error', DOCMIND_ENV_CONTRACT_OPTIONS] },
    });

  it('renames the legacy OLLAMA_BASE_URL of the broken app', async () => {
    const results = await lintExample('broken-streamlit-app');
    const problems = results.flatMap((result) =>
      result.messages.map((message) => ({
        file: path.basename(result.filePath),
        at: `${message.line}:${message.column}`,
        messageId: message.messageId,
        fix: message.fix?.edits.map((edit) => edit.text),
      })),
    );
    expect(problems).toEqual([
      { file: 'compose.yaml', at: '8:7', messageId: 'legacyName', fix: ['DOCMIND_OLLAMA_BASE_URL'] },
    ]);
  });

  it('points at the contract line of the name it suggests', async () => {
    const [result] = await lintText(compose('LLM_BACKEND: ollama'), {
      cwd: VIRTUAL_ROOT,
      filePath: 'compose.yaml',
      host: new MemoryHost({ [path.join(VIRTUAL_ROOT, '.env.example')]: ENV_EXAMPLE }),
      plugins: [{ meta: { name: 't' }, rules: { 'docmind-env-contract': rule } }],
      useConfigFiles: false,
      rules: { 'docmind-env-contract': ['error', DOCMIND_ENV_CONTRACT_OPTIONS] },
    });
    expect(result?.messages[0]?.related).toEqual([
      {
        filePath: path.join(VIRTUAL_ROOT, '.env.example'),
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 20,
        message: '`DOCMIND_LLM_BACKEND` is declared here.',
      },
    ]);
  });

  it('finds nothing in the hardened app', async () => {
    const results = await lintExample('hardened-streamlit-app');
    expect(results.flatMap((result) => result.messages)).toEqual([]);
  });
});

/** What `Settings.model_json_schema()` gives for a pydantic-settings model with a nested model, an Enum, a Literal and scalars. */
const SETTINGS_SCHEMA = `{
  "$defs": {
    "Backend": { "enum": ["ollama", "vllm", "lmstudio"], "title": "Backend", "type": "string" },
    "DatabaseConfig": {
      "properties": {
        "qdrant_url": { "default": "http://localhost:6333", "title": "Qdrant Url", "type": "string" },
        "pool_size": { "default": 5, "title": "Pool Size", "type": "integer" }
      },
      "title": "DatabaseConfig",
      "type": "object"
    }
  },
  "properties": {
    "llm_backend": { "$ref": "#/$defs/Backend", "default": "ollama" },
    "debug": { "default": false, "title": "Debug", "type": "boolean" },
    "temperature": { "anyOf": [{ "type": "number" }, { "type": "null" }], "default": null },
    "log_format": { "enum": ["json", "text"], "type": "string", "default": "text" },
    "database": { "$ref": "#/$defs/DatabaseConfig" }
  },
  "title": "Settings",
  "type": "object"
}
`;
const SCHEMA_FILES = { 'docs/settings.schema.json': SETTINGS_SCHEMA, '.env.example': 'DOCMIND_SOMETHING_OLD=1\n' };
const WITH_SCHEMA = [{ ...DOCMIND_ENV_CONTRACT_OPTIONS, settingsSchema: 'docs/settings.schema.json' }];

new RuleTester().run('docmind-env-contract with a settings schema', rule, {
  valid: [
    {
      name: 'names and values the model accepts; interpolated values are not judged',
      filename: 'compose.yaml',
      files: SCHEMA_FILES,
      options: WITH_SCHEMA,
      code: compose(
        'DOCMIND_LLM_BACKEND: vllm',
        'DOCMIND_DEBUG: "yes"',
        'DOCMIND_TEMPERATURE: "0.2"',
        'DOCMIND_LOG_FORMAT: json',
        'DOCMIND_DATABASE__QDRANT_URL: http://qdrant:6333',
        'DOCMIND_DATABASE__POOL_SIZE: ${POOL_SIZE:-10}',
        '- not: a list item',
      ).replace('      - not: a list item\n', ''),
    },
    {
      name: 'Dockerfile ENV values too',
      filename: 'Dockerfile',
      files: SCHEMA_FILES,
      options: WITH_SCHEMA,
      code: 'FROM python:3.12-slim\nENV DOCMIND_DEBUG=0 DOCMIND_DATABASE__POOL_SIZE=8\n',
    },
  ],
  invalid: [
    {
      name: 'the schema wins over the example file; a value outside the Enum, a non-boolean, a non-integer',
      filename: 'compose.yaml',
      files: SCHEMA_FILES,
      options: WITH_SCHEMA,
      code: compose(
        'DOCMIND_SOMETHING_OLD: "1"',
        'DOCMIND_LLM_BACKEND: Ollama',
        'DOCMIND_DEBUG: maybe',
        'DOCMIND_DATABASE__POOL_SIZE: "5.5"',
      ),
      errors: [
        { messageId: 'unknownSetting', data: { name: 'DOCMIND_SOMETHING_OLD', source: 'docs/settings.schema.json' }, line: 5, column: 7, endLine: 5, endColumn: 28 },
        {
          messageId: 'invalidValue',
          data: { name: 'DOCMIND_LLM_BACKEND', expected: 'one of `ollama`, `vllm`, `lmstudio`', source: 'docs/settings.schema.json' },
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 34,
          related: [{ file: 'docs/settings.schema.json', line: 14, column: 5, endLine: 14, endColumn: 18 }],
        },
        { messageId: 'invalidValue', data: { name: 'DOCMIND_DEBUG', expected: 'a boolean (`true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`)', source: 'docs/settings.schema.json' }, line: 7, column: 22, endLine: 7, endColumn: 27 },
        { messageId: 'invalidValue', data: { name: 'DOCMIND_DATABASE__POOL_SIZE', expected: 'an integer', source: 'docs/settings.schema.json' }, line: 8, column: 36, endLine: 8, endColumn: 41 },
      ],
      output: null,
    },
    {
      name: 'a Dockerfile ENV value is reported at the value',
      filename: 'Dockerfile',
      files: SCHEMA_FILES,
      options: WITH_SCHEMA,
      code: 'FROM python:3.12-slim\nENV DOCMIND_LOG_FORMAT=xml\n',
      errors: [{ messageId: 'invalidValue', line: 2, column: 24, endLine: 2, endColumn: 27 }],
      output: null,
    },
    {
      name: 'a schema that cannot be read is said once, and the example file is the contract',
      filename: 'compose.yaml',
      files: { '.env.example': 'DOCMIND_LLM_BACKEND=ollama\n' },
      options: WITH_SCHEMA,
      code: compose('DOCMIND_LLM_BACKEND: whatever', 'DOCMIND_NOPE: "1"'),
      errors: [
        { messageId: 'unusableSchema', data: { reason: '`docs/settings.schema.json` cannot be read' }, line: 5, column: 7, endLine: 5, endColumn: 26 },
        { messageId: 'unknownSetting', line: 6, column: 7, endLine: 6, endColumn: 19 },
      ],
      output: null,
    },
    {
      name: 'a schema that is not a settings model',
      filename: 'compose.yaml',
      files: { 'docs/settings.schema.json': '[1, 2]' },
      options: WITH_SCHEMA,
      code: compose('DOCMIND_X: "1"'),
      errors: [{ messageId: 'unusableSchema', data: { reason: '`docs/settings.schema.json` cannot be used: it is not a JSON Schema object' }, line: 5, column: 7, endLine: 5, endColumn: 16 }],
      output: null,
    },
  ],
});
