/**
 * Which environment and build-argument names hold secrets: one list for every rule that judges an
 * `ENV`, an `ARG`, a Compose `environment` or a build arg by its name. A name is split into words
 * (`_`, `-`, `.` and camelCase boundaries; `__` nesting counts as a boundary), so
 * `DOCMIND_OPENAI__API_KEY` is `DOCMIND OPENAI API KEY` and `npmAuthToken` is `NPM AUTH TOKEN`.
 */

/** Names that are secrets although no word rule below says so. */
export const KNOWN_SECRET_NAMES: readonly string[] = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONNECTION_STRING',
  'DOCKER_AUTH_CONFIG',
  'SLACK_WEBHOOK_URL',
  'DISCORD_WEBHOOK_URL',
];

/** Names that look secret by their words but hold a path or a public value. */
export const KNOWN_NON_SECRET_NAMES: readonly string[] = ['GOOGLE_APPLICATION_CREDENTIALS', 'SECRET_KEY_BASE_DUMMY'];

/** Words that make a name secret wherever they stand (`DB_PASSWORD`, `TOKEN_VALUE`, `CLIENT_SECRET_KEY`). */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASSPHRASE',
  'SECRET',
  'SECRETS',
  'TOKEN',
  'APIKEY',
  'ACCESSKEY',
  'SECRETKEY',
  'PRIVATEKEY',
  'AUTHTOKEN',
  'ACCESSTOKEN',
  'APITOKEN',
  'REFRESHTOKEN',
  'CREDENTIAL',
  'CREDENTIALS',
]);

/** Short words that mean a secret only as the last word after a prefix (`DB_PASS`, `MYSQL_PWD`, `BASIC_AUTH`, `GITHUB_PAT`). */
const TRAILING_SECRET_WORDS = new Set(['PASS', 'PWD', 'AUTH', 'PAT']);

/** Words that, followed by `KEY`, name a secret key (`API_KEY`, `PRIVATE_KEY`, `SIGNING_KEY`). */
const KEY_QUALIFIERS = new Set([
  'API',
  'ACCESS',
  'SECRET',
  'PRIVATE',
  'SIGNING',
  'ENCRYPTION',
  'MASTER',
  'SSH',
  'DEPLOY',
  'LICENSE',
  'CLIENT',
  'AUTH',
  'SESSION',
  'ACCOUNT',
  'HMAC',
  'JWT',
  'WEBHOOK',
  'ADMIN',
]);

/**
 * Last words that turn a secret-sounding name into a setting about the secret: where it is
 * (`PASSWORD_FILE`, `TOKEN_URL`, `PRIVATE_KEY_PATH`), what it is called, whose it is
 * (`CREDENTIALS_USERNAME`), or how it behaves.
 */
const DESCRIBING_WORDS = new Set([
  'USER',
  'USERNAME',
  'LOGIN',
  'EMAIL',
  'HOSTNAME',
  'FILE',
  'FILES',
  'PATH',
  'DIR',
  'DIRECTORY',
  'URL',
  'URI',
  'ENDPOINT',
  'HOST',
  'PORT',
  'NAME',
  'ID',
  'ARN',
  'TYPE',
  'KIND',
  'MODE',
  'LENGTH',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'LIFETIME',
  'TIMEOUT',
  'HEADER',
  'FIELD',
  'PARAM',
  'ENABLED',
  'DISABLED',
  'REQUIRED',
  'ALGORITHM',
  'VERSION',
  'COUNT',
  'LIMIT',
  'BUDGET',
  'SIZE',
  'MAX',
  'MIN',
  'FORMAT',
  'PROVIDER',
  'STORE',
  'BACKEND',
  'HELPER',
  'MANAGER',
  'SOURCE',
  'LOCATION',
  'ISSUER',
  'AUDIENCE',
  'SCOPE',
  'SCOPES',
  'PREFIX',
  'POLICY',
  'COMMAND',
  'CMD',
]);

/** Words that mark a value meant to be public (BuildKit's `SecretsUsedInArgOrEnv` allows `public` too). */
const PUBLIC_WORDS = new Set(['PUBLIC', 'PUBLISHABLE']);

/** The words of a name, upper-cased. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((word) => word !== '');
}

/** Whether a name looks like it holds a secret, by the built-in lists alone. */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (KNOWN_SECRET_NAMES.includes(upper)) return true;
  if (KNOWN_NON_SECRET_NAMES.includes(upper)) return false;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || DESCRIBING_WORDS.has(last) || words.some((word) => PUBLIC_WORDS.has(word))) return false;
  if (words.length > 1 && TRAILING_SECRET_WORDS.has(last)) return true;
  return words.some(
    (word, index) =>
      SECRET_WORDS.has(word) ||
      word.includes('PASSWORD') ||
      (word === 'KEY' && index > 0 && KEY_QUALIFIERS.has(words[index - 1]!)),
  );
}

/** Names to add to or take from the built-in lists: exact names or `*` globs, compared case-insensitively. */
export interface SecretNameOptions {
  readonly secretNames?: readonly string[];
  readonly allowedNames?: readonly string[];
}

/** A test for secret names with a project's additions; an allowed name is never secret. */
export function secretNameMatcher(options: SecretNameOptions = {}): (name: string) => boolean {
  const secret = (options.secretNames ?? []).map(globPattern);
  const allowed = (options.allowedNames ?? []).map(globPattern);
  return (name) => {
    if (allowed.some((pattern) => pattern.test(name))) return false;
    return secret.some((pattern) => pattern.test(name)) || isSecretName(name);
  };
}

function globPattern(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}

/** The schema of an option that lists names. */
interface NameListSchema {
  type: 'array';
  items: { type: 'string'; minLength: number };
  uniqueItems: boolean;
  description: string;
}

/**
 * The JSON Schema of the `secretNames` / `allowedNames` rule options that `secretNameMatcher` reads,
 * for every rule that judges names by the shared list; `subject` names what the names are
 * (`ENV and ARG names`, `Variable names`).
 */
export function secretNameOptionSchemas(subject: string): Record<'secretNames' | 'allowedNames', NameListSchema> {
  const names = (): Omit<NameListSchema, 'description'> => ({ type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true });
  return {
    secretNames: {
      ...names(),
      description: `More ${subject.toLowerCase()} that hold secrets, besides the built-in ones (\`*_PASSWORD\`, \`*_TOKEN\`, \`*_API_KEY\`, \`*SECRET*\`, ...): exact names or \`*\` globs, case-insensitive.`,
    },
    allowedNames: {
      ...names(),
      description: `${subject} that never hold secrets although they look like it: exact names or \`*\` globs, case-insensitive.`,
    },
  };
}
