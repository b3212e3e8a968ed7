/** A pattern the `.dockerignore` must hold, checked with a path that it has to exclude. */
export interface RequiredPattern {
  /** What the messages call it. */
  readonly label: string;
  /** A context-relative path the `.dockerignore` must exclude. */
  readonly probe: string;
  /** The line added when it does not. */
  readonly pattern: string;
}

/** Demanded of every context that a Dockerfile copies whole. */
export const BASELINE_PATTERNS: readonly RequiredPattern[] = [
  { label: '.env', probe: '.env', pattern: '.env' },
  { label: '.env.*', probe: '.env.local', pattern: '.env.*' },
  { label: '.git', probe: '.git', pattern: '.git' },
];

/** Demanded when the context holds `pyproject.toml` or `requirements*.txt`. */
export const PYTHON_PATTERNS: readonly RequiredPattern[] = [
  { label: '.venv', probe: '.venv', pattern: '.venv' },
  { label: '__pycache__', probe: '__pycache__', pattern: '**/__pycache__' },
];

/** Demanded when the context holds `package.json`. */
export const NODE_PATTERNS: readonly RequiredPattern[] = [
  { label: 'node_modules', probe: 'node_modules', pattern: 'node_modules' },
];

/**
 * Files and folders that hold credentials, in `.dockerignore` syntax. `sample` is a path each one
 * matches, used to tell whether a `!` line re-includes secrets that do not exist yet.
 */
export const SECRET_PATTERNS: readonly { readonly pattern: string; readonly sample: string }[] = [
  { pattern: '**/.env', sample: '.env' },
  { pattern: '**/.env.*', sample: '.env.local' },
  { pattern: '**/*.pem', sample: 'server.pem' },
  { pattern: '**/*.key', sample: 'server.key' },
  { pattern: '**/*.p12', sample: 'client.p12' },
  { pattern: '**/*.pfx', sample: 'client.pfx' },
  { pattern: '**/id_rsa*', sample: 'id_rsa' },
  { pattern: '**/id_dsa*', sample: 'id_dsa' },
  { pattern: '**/id_ecdsa*', sample: 'id_ecdsa' },
  { pattern: '**/id_ed25519*', sample: 'id_ed25519' },
  { pattern: '**/.ssh', sample: '.ssh/config' },
  { pattern: '**/.aws', sample: '.aws/credentials' },
  { pattern: '**/.azure', sample: '.azure/accessTokens.json' },
  { pattern: '**/.config/gcloud', sample: '.config/gcloud/credentials.db' },
  { pattern: '**/.kube', sample: '.kube/config' },
  { pattern: '**/.docker/config.json', sample: '.docker/config.json' },
  { pattern: '**/.npmrc', sample: '.npmrc' },
  { pattern: '**/.pypirc', sample: '.pypirc' },
  { pattern: '**/.netrc', sample: '.netrc' },
  { pattern: '**/.git-credentials', sample: '.git-credentials' },
];

/** Development files that have no place in an image; reported only when they exist. */
export const ARTIFACT_PATTERNS: readonly string[] = [
  '**/.venv',
  '**/venv',
  '**/__pycache__',
  '**/*.py[co]',
  '**/.pytest_cache',
  '**/.mypy_cache',
  '**/.ruff_cache',
  '**/.tox',
  '**/.nox',
  '**/.hypothesis',
  '**/.ipynb_checkpoints',
  '**/*.egg-info',
  '.coverage',
  'htmlcov',
  'dist',
  'build',
  '**/node_modules',
  '.idea',
  '.vscode',
  '**/.DS_Store',
];

/** Example files that may be sent although they look like secrets. */
export const DEFAULT_ALLOWED_NAMES: readonly string[] = ['.env.example', '.env.sample', '.env.template'];
