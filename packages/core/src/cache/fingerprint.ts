import { createHash } from 'node:crypto';

/** A short, stable fingerprint of a text (SHA-1, 80 bits in base64url: collisions are not a concern here). */
export function fingerprintText(text: string): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, 16);
}

/** The fingerprint of file bytes, as the cache stores it for a linted file. */
export function fingerprintBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url').slice(0, 16);
}
