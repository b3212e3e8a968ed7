import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../packages/language-server/src/lsp-test-client.test-helper.js';

/** A private copy of an example project (tests change its files), removed by `remove`. */
export function copyExample(name: 'broken-streamlit-app' | 'hardened-streamlit-app'): { dir: string; remove: () => void } {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'docmind-lsp-'));
  const dir = path.join(parent, name);
  cpSync(path.join(REPO_ROOT, 'examples', name), dir, { recursive: true });
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
