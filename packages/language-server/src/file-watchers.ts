import { WatchKind, type FileSystemWatcher } from 'vscode-languageserver';

/**
 * The files whose changes on disk can change problems of open documents: the project files rules read
 * (pyproject, `.python-version`, `.dockerignore`, env files, a JSON settings schema), config files, Dockerfiles and Compose
 * files (they link to each other); and the creation or deletion of any file, since a file appearing in
 * a build context (a `.env`, an entrypoint script) matters too. Which open documents a change concerns
 * is decided by what their last lint read.
 */
export const FILE_WATCHERS: readonly FileSystemWatcher[] = [
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
  {
    globPattern:
      '**/{pyproject.toml,.python-version,.dockerignore,*.dockerignore,.env,.env.*,.docmind-docker-lint.json,.docmind-docker-lint.yaml,.docmind-docker-lint.yml,*.json}',
    kind: WatchKind.Change,
  },
  {
    globPattern:
      '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,compose.yaml,compose.yml,compose.*.yaml,compose.*.yml,docker-compose*.yaml,docker-compose*.yml}',
    kind: WatchKind.Change,
  },
];
