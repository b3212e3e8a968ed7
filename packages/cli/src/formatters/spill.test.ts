import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spill } from './spill.js';

/** The report folders the spill made in the temporary folder. */
function spillFolders(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('docmind-docker-lint-report-'));
}

describe('Spill', () => {
  it('keeps small text in memory and hands it back in order', () => {
    const spill = new Spill(1000);
    spill.append('a\n');
    spill.append('b\n');
    expect(spill.onDisk).toBe(false);
    const lines: string[] = [];
    spill.readLines((line) => lines.push(line));
    expect(lines).toEqual(['a', 'b']);
  });

  it('moves large text to a private temporary file, reads it back exactly (multi-byte characters across chunks), then removes it', () => {
    const before = new Set(spillFolders());
    const spill = new Spill(64);
    // Lines of 3-byte and 4-byte characters, long enough to cross the 1 MiB read chunks at odd byte offsets.
    const lines = Array.from({ length: 3000 }, (_, index) => `${index} ${'é€😀'.repeat(50 + (index % 7))} "quoted" \\ tab\t`);
    for (const line of lines) spill.append(`${line}\n`);
    expect(spill.onDisk).toBe(true);
    const created = spillFolders().filter((name) => !before.has(name));
    expect(created).toHaveLength(1);
    expect(fs.statSync(path.join(os.tmpdir(), created[0]!)).mode & 0o077).toBe(0);
    const read: string[] = [];
    spill.readLines((line) => read.push(line));
    expect(read).toEqual(lines);
    expect(spillFolders().filter((name) => !before.has(name))).toEqual([]);
  });

  it('hands back chunks that join to the text, and dispose removes the file unread', () => {
    const spill = new Spill(10);
    const text = 'x'.repeat(5000) + '\u00e9'.repeat(5000);
    spill.append(text.slice(0, 7000));
    spill.append(text.slice(7000));
    let joined = '';
    spill.readChunks((chunk) => (joined += chunk));
    expect(joined).toBe(text);

    const before = new Set(spillFolders());
    const dropped = new Spill(10);
    dropped.append('y'.repeat(100));
    expect(spillFolders().filter((name) => !before.has(name))).toHaveLength(1);
    dropped.dispose();
    expect(spillFolders().filter((name) => !before.has(name))).toEqual([]);
  });

  it('writes ciphertext only: a secret appended is nowhere in the file on disk', () => {
    const before = new Set(spillFolders());
    const spill = new Spill(16);
    const secret = 'AKIAIOSFODNN7EXAMPLE-s3cr3t-value';
    for (let index = 0; index < 200; index++) spill.append(`line ${index}: password=${secret}\n`);
    const [folder] = spillFolders().filter((name) => !before.has(name));
    const onDisk = fs.readFileSync(path.join(os.tmpdir(), folder!, 'spill'));
    // What went out when the limit was passed (later text waits for the next 1 MiB flush).
    expect(onDisk.length).toBeGreaterThan(secret.length);
    expect(onDisk.includes(Buffer.from(secret))).toBe(false);
    expect(onDisk.includes(Buffer.from('password='))).toBe(false);
    let joined = '';
    spill.readChunks((chunk) => (joined += chunk));
    expect(joined.split('\n').filter(Boolean)).toHaveLength(200);
    expect(joined).toContain(`password=${secret}`);
  });
});
