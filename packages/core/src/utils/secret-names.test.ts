import { describe, expect, it } from 'vitest';
import { isSecretName, nameWords, secretNameMatcher } from './secret-names.js';

describe('isSecretName', () => {
  it.each([
    'OPENAI_API_KEY',
    'DOCMIND_OPENAI__API_KEY',
    'GITHUB_TOKEN',
    'HF_TOKEN',
    'TOKEN',
    'CLIENT_SECRET',
    'SECRET_KEY_BASE',
    'JWT_SECRET',
    'DB_PASSWORD',
    'PGPASSWORD',
    'MYSQL_ROOT_PASSWORD',
    'MYSQL_PWD',
    'DB_PASS',
    'COMPOSER_AUTH',
    'GITHUB_PAT',
    'SSH_PRIVATE_KEY',
    'ENCRYPTION_KEY',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'NGROK_AUTHTOKEN',
    'TF_TOKEN_app_terraform_io',
    'npmAuthToken',
    'api-key',
  ])('%s is secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each([
    'PASSWORD_FILE',
    'GITHUB_TOKEN_URL',
    'SSH_KEY_FILE',
    'PRIVATE_KEY_PATH',
    'SECRETS_DIR',
    'TOKEN_TTL',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'NEXT_PUBLIC_API_KEY',
    'STRIPE_PUBLISHABLE_KEY',
    'GPG_KEY',
    'MAX_TOKENS',
    'DOCMIND_LLM__MAX_TOKENS',
    'TOKENIZERS_PARALLELISM',
    'PWD',
    'PATH',
    'CACHE_KEY',
    'DOCMIND_DATABASE__QDRANT_URL',
    'SINGLE_USER_CREDENTIALS_USERNAME',
    'BASIC_AUTH_USER',
    'SECRET_LOCAL_HOSTNAME',
  ])('%s is not secret', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('nameWords', () => {
  it('splits on separators and camelCase', () => {
    expect(nameWords('DOCMIND_OPENAI__API_KEY')).toEqual(['DOCMIND', 'OPENAI', 'API', 'KEY']);
    expect(nameWords('npmAuthToken')).toEqual(['NPM', 'AUTH', 'TOKEN']);
  });
});

describe('secretNameMatcher', () => {
  it('adds and allows names by glob, case-insensitively; allowed wins', () => {
    const isSecret = secretNameMatcher({ secretNames: ['*_dsn', 'LICENSE'], allowedNames: ['DEMO_*'] });
    expect(isSecret('SENTRY_DSN')).toBe(true);
    expect(isSecret('license')).toBe(true);
    expect(isSecret('DEMO_API_KEY')).toBe(false);
    expect(isSecret('OPENAI_API_KEY')).toBe(true);
    expect(isSecret('LICENSE_FILE')).toBe(false);
  });
});
