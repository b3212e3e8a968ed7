import { lintProject, MemoryHost } from '@docmind-docker-lint/core';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';

const ROOT = '/project';
const FILES = {
  [`${ROOT}/compose.yaml`]: 'services:\n  app:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
  // Not a default Compose name: only `--compose-file` makes it part of the project.
  [`${ROOT}/deploy/prod.yml`]: 'services:\n  app:\n    restart: always\n    ports: !reset []\n',
};

async function lint(composeFiles?: string[]) {
  const results = await lintProject({
    cwd: ROOT,
    host: new MemoryHost(FILES),
    plugins: [plugin],
    useConfigFiles: false,
    rules: { 'require-restart-policy': 'error', 'require-project-name': 'error', 'ports-require-host-ip': 'error' },
    ...(composeFiles ? { composeFiles } : {}),
  });
  return Object.fromEntries(results.map((result) => [result.filePath.slice(ROOT.length + 1), result.messages.map((message) => `${message.line}:${message.ruleId}`)]));
}

describe('composeFiles (--compose-file): one project in -f order', () => {
  it('without it, the folder default is the project and an unusual name is not linted', async () => {
    expect(await lint()).toEqual({
      'compose.yaml': ['1:require-project-name', '2:require-restart-policy', '5:ports-require-host-ip'],
    });
  });

  it('merges the named files in order, lints them all, and treats the later ones as overrides', async () => {
    expect(await lint(['compose.yaml', 'deploy/prod.yml'])).toEqual({
      // The override sets the restart policy; `!reset` clears the ports, but the main file still writes them.
      'compose.yaml': ['1:require-project-name', '5:ports-require-host-ip'],
      // A fragment is not asked for a project name.
      'deploy/prod.yml': [],
    });
  });

  it('the first named file is the main one, whatever its name', async () => {
    expect(await lint(['deploy/prod.yml', 'compose.yaml'])).toEqual({
      'compose.yaml': ['5:ports-require-host-ip'],
      'deploy/prod.yml': ['1:require-project-name'],
    });
  });
});
