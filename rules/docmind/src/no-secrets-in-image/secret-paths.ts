import path from 'node:path';
import { SECRET_PATTERNS } from '../dockerignore-secrets/default-patterns.js';
import { cleanPath, isAllowedPath, patternClassifier, type PatternClassifier } from '../dockerignore-secrets/path-patterns.js';

/** Files under `.ssh` that hold no secret: host keys of servers, public keys, client settings. */
const PUBLIC_SSH_FILES = new Set(['known_hosts', 'known_hosts2', 'authorized_keys', 'config']);

/** Name parts that make a `.pem` file a certificate: `ca.pem`, `rootCA.pem`, `cert.pem`, `fullchain.pem`, `ca-bundle.pem`. */
const CERTIFICATE_PARTS = new Set(['ca', 'cacert', 'cacerts', 'cert', 'certs', 'certificate', 'certificates', 'crt', 'chain', 'fullchain', 'bundle', 'cabundle']);
/** What a name that may hold a private key says: `key.pem`, `cert-key.pem`, `privkey.pem`, `rootCA-key.pem`. */
const PRIVATE_WORD = /key|priv|secret|pass|token|cred/i;

/**
 * Whether a `.pem` file is named as a certificate (a public document: CA certificates are handed to
 * every client) and not as something that may hold a private key. `server.pem`, a name that says
 * neither, may be a certificate and its key together, so it stays a secret.
 */
export function isCertificateName(base: string): boolean {
  if (!/\.pem$/i.test(base)) return false;
  const stem = base.slice(0, -'.pem'.length);
  if (PRIVATE_WORD.test(stem)) return false;
  const parts = stem
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return parts.some((part) => CERTIFICATE_PARTS.has(part));
}

/** `SecretPaths` answers by options (secret file patterns and allowed names). */
const answersByOptions = new Map<string, Map<string, boolean>>();
const MAX_ANSWERS = 10_000;

/**
 * Tells whether a path names a credential file, with the secret file patterns `dockerignore-secrets`
 * keeps out of build contexts (`.env`, keys, `.netrc`, `.npmrc`, `.ssh/`, `.aws/`, ...). Paths may be
 * absolute or start with `~/` or `$HOME/`: the patterns match at any depth. Public keys
 * (`*.pub`), certificates (`ca.pem`, see `isCertificateName`) and the public files of `.ssh` are not
 * secrets; allowed names (`.env.example`) never are.
 */
export class SecretPaths {
  private readonly classifier: PatternClassifier;
  /** Answers of `isSecret`, shared by every file linted with the same options. */
  private readonly answers: Map<string, boolean>;

  constructor(
    extraPatterns: readonly string[],
    private readonly allowedNames: readonly string[],
  ) {
    this.classifier = patternClassifier([...SECRET_PATTERNS.map((secret) => secret.pattern), ...extraPatterns]);
    const key = JSON.stringify([extraPatterns, allowedNames]);
    let answers = answersByOptions.get(key);
    if (!answers) {
      answers = new Map();
      answersByOptions.set(key, answers);
    }
    this.answers = answers;
  }

  isSecret(written: string): boolean {
    let answer = this.answers.get(written);
    if (answer === undefined) {
      answer = this.readIsSecret(written);
      // Bounded: a language server lints for hours, and paths are many.
      if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
      this.answers.set(written, answer);
    }
    return answer;
  }

  private readIsSecret(written: string): boolean {
    const relative = cleanPath(written.replace(/^(~|\$\{?HOME\}?)(?=\/|$)/, ''));
    if (relative === '' || this.isAllowed(relative)) return false;
    const base = path.posix.basename(relative);
    if (base.endsWith('.pub') || isCertificateName(base)) return false;
    if (relative.split('/').includes('.ssh') && PUBLIC_SSH_FILES.has(base)) return false;
    return this.classifier.classify(relative) !== undefined;
  }

  /** Whether a path is one of the allowed names (`.env.example`) or lies in an allowed path. */
  isAllowed(written: string): boolean {
    return isAllowedPath(cleanPath(written), this.allowedNames);
  }
}

/** An env file (`.env`, `.env.production`): a setting file of the build context more than a key. */
export function isEnvFile(written: string): boolean {
  const base = path.posix.basename(cleanPath(written));
  return base === '.env' || base.startsWith('.env.');
}

/** The `id` a `RUN --mount=type=secret` would give a file: its name without a leading dot. */
export function secretIdOfPath(written: string): string {
  return path.posix.basename(cleanPath(written)).replace(/^\.+/, '') || 'secret';
}
