import type * as fsPromises from 'node:fs/promises';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeText, UnsafeWriteError, writeChangedFiles, writeFileAtomic } from './write-files.js';

const failures = vi.hoisted(() => ({ rename: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failures.rename) throw Object.assign(new Error('simulated rename failure'), { code: 'EIO' });
      return actual.rename(from, to);
    },
  };
});

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('writing files', () => {
  let sandbox: string;
  let root: string;
  let outside: string;

  beforeEach(async () => {
    sandbox = await realpath(await mkdtemp(join(tmpdir(), 'fixer-write-')));
    root = join(sandbox, 'project');
    outside = join(sandbox, 'elsewhere');
    await mkdir(root);
    await mkdir(outside);
  });

  afterEach(async () => {
    failures.rename = false;
    await rm(sandbox, { recursive: true, force: true });
  });

  describe('encodings', () => {
    // A lone surrogate and a character outside the BMP: UTF-16 keeps every code unit.
    const text = 'FROM alpine:3\r\nLABEL a="é🐳\ud800"\r\n';

    it.each([
      ['utf-16le', [0xff, 0xfe], 'utf16le'],
      ['utf-16be', [0xfe, 0xff], 'utf16be'],
    ] as const)('writes %s text back as %s with its BOM', async (encoding, bom, decoder) => {
      const target = join(root, 'Dockerfile');
      await writeFileAtomic(target, { text, bom: false, encoding }, { root });
      const bytes = await readFile(target);
      expect([...bytes.subarray(0, 2)]).toEqual(bom);
      expect(bytes.length).toBe(2 + 2 * text.length);
      const units = decoder === 'utf16le' ? bytes.subarray(2) : Buffer.from(bytes.subarray(2)).swap16();
      expect(units.toString('utf16le')).toBe(text);
      if (decoder === 'utf16be') expect(new TextDecoder('utf-16be').decode(bytes.subarray(2))).toBe(text.replace('\ud800', '\ufffd'));
    });

    it('writes UTF-8 by default, with the BOM only when the file had one', () => {
      expect(encodeText({ text: 'é', bom: false })).toEqual(Buffer.from([0xc3, 0xa9]));
      expect(encodeText({ text: 'é', bom: true, encoding: 'utf-8' })).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0xa9]));
    });
  });

  describe('writeFileAtomic', () => {
    it('writes UTF-8 and keeps CRLF line endings', async () => {
      const path = join(root, 'Dockerfile');

      await writeFileAtomic(path, { text: 'FROM alpine\r\n# café 🐳\r\n', bom: false }, { root });

      expect(await readFile(path)).toEqual(Buffer.from('FROM alpine\r\n# café 🐳\r\n', 'utf8'));
    });

    it('puts the BOM back in front when the file had one', async () => {
      const path = join(root, 'Dockerfile');

      await writeFileAtomic(path, { text: 'FROM alpine\n', bom: true }, { root });

      expect(await readFile(path)).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM alpine\n')]));
    });

    posixOnly('keeps the mode of the file it replaces', async () => {
      const path = join(root, 'entrypoint.sh');
      await writeFile(path, '#!/bin/sh\n');
      await chmod(path, 0o755);

      await writeFileAtomic(path, { text: '#!/bin/sh\nexec "$@"\n', bom: false }, { root });

      expect((await stat(path)).mode & 0o777).toBe(0o755);
      expect(await readFile(path, 'utf8')).toBe('#!/bin/sh\nexec "$@"\n');
    });

    posixOnly('creates a new file readable by all, writable by its owner under the usual umask', async () => {
      const path = join(root, '.dockerignore');
      const umask = process.umask();

      await writeFileAtomic(path, { text: '.env\n', bom: false }, { root });

      expect((await stat(path)).mode & 0o777).toBe(0o666 & ~umask);
    });

    it.runIf(process.getuid?.() === 0)('keeps the owner of the file it replaces when running as root', async () => {
      const path = join(root, 'Dockerfile');
      await writeFile(path, 'FROM alpine\n');
      await chown(path, 1234, 2345);

      await writeFileAtomic(path, { text: 'FROM alpine:3.20\n', bom: false }, { root });

      expect(await stat(path)).toMatchObject({ uid: 1234, gid: 2345 });
    });

    it('leaves no temporary file behind', async () => {
      await writeFile(join(root, 'Dockerfile'), 'FROM alpine\n');

      await writeFileAtomic(join(root, 'Dockerfile'), { text: 'FROM alpine:3.20\n', bom: false }, { root });

      expect(await readdir(root)).toEqual(['Dockerfile']);
    });

    it('removes the temporary file and keeps the old text when the write fails', async () => {
      const path = join(root, 'Dockerfile');
      await writeFile(path, 'FROM alpine\n');
      failures.rename = true;

      await expect(writeFileAtomic(path, { text: 'FROM alpine:3.20\n', bom: false }, { root })).rejects.toThrow(
        'simulated rename failure',
      );

      expect(await readdir(root)).toEqual(['Dockerfile']);
      expect(await readFile(path, 'utf8')).toBe('FROM alpine\n');
    });

    posixOnly('refuses to write through a symbolic link, and leaves the link and its target alone', async () => {
      const target = join(root, 'Dockerfile.real');
      const link = join(root, 'Dockerfile');
      await writeFile(target, 'FROM alpine\n');
      await symlink('Dockerfile.real', link);

      const write = writeFileAtomic(link, { text: 'FROM scratch\n', bom: false }, { root });

      await expect(write).rejects.toThrow(UnsafeWriteError);
      await expect(write).rejects.toMatchObject({ reason: 'symlink', path: link });
      expect(await readlink(link)).toBe('Dockerfile.real');
      expect(await readFile(target, 'utf8')).toBe('FROM alpine\n');
      expect((await readdir(root)).sort()).toEqual(['Dockerfile', 'Dockerfile.real']);
    });

    it('refuses a path outside the root', async () => {
      const path = join(root, '..', 'elsewhere', 'Dockerfile');

      const write = writeFileAtomic(path, { text: 'FROM scratch\n', bom: false }, { root });

      await expect(write).rejects.toMatchObject({
        name: 'UnsafeWriteError',
        reason: 'outside-root',
        message: `Refusing to write ${join(outside, 'Dockerfile')}: its folder is ${outside}, outside the project root ${root}.`,
      });
      expect(await readdir(outside)).toEqual([]);
    });

    posixOnly('refuses a path whose folder is a link leading out of the root', async () => {
      await symlink(outside, join(root, 'vendor'));

      const write = writeFileAtomic(join(root, 'vendor', 'Dockerfile'), { text: 'FROM scratch\n', bom: false }, { root });

      await expect(write).rejects.toMatchObject({ reason: 'outside-root' });
      expect(await readdir(outside)).toEqual([]);
    });

    posixOnly('accepts a root reached through a link', async () => {
      const linkedRoot = join(sandbox, 'linked-project');
      await symlink(root, linkedRoot);

      await writeFileAtomic(join(linkedRoot, 'Dockerfile'), { text: 'FROM alpine\n', bom: false }, { root: linkedRoot });

      expect(await readFile(join(root, 'Dockerfile'), 'utf8')).toBe('FROM alpine\n');
    });

    it('refuses to replace a folder', async () => {
      await mkdir(join(root, 'Dockerfile'));

      await expect(writeFileAtomic(join(root, 'Dockerfile'), { text: '', bom: false }, { root })).rejects.toMatchObject({
        reason: 'not-a-file',
      });
    });
  });

  describe('writeChangedFiles', () => {
    it('writes only the changed files, creating folders inside the root', async () => {
      const dockerfile = join(root, 'Dockerfile');
      const nested = join(root, 'services', 'api', 'Dockerfile');
      const untouched = join(root, 'compose.yaml');
      await writeFile(dockerfile, 'FROM alpine\n');
      const files = new Map([
        [dockerfile, { text: 'FROM alpine:3.20\n', bom: false }],
        [nested, { text: 'FROM python:3.12-slim\n', bom: false }],
        [untouched, { text: 'services: {}\n', bom: false }],
      ]);

      const results = await writeChangedFiles(files, [dockerfile, nested], { root });

      expect(results).toEqual([
        { path: dockerfile, ok: true },
        { path: nested, ok: true },
      ]);
      expect(await readFile(dockerfile, 'utf8')).toBe('FROM alpine:3.20\n');
      expect(await readFile(nested, 'utf8')).toBe('FROM python:3.12-slim\n');
      expect((await readdir(root)).sort()).toEqual(['Dockerfile', 'services']);
    });

    it('reports a failed file and writes the others', async () => {
      const escaping = join(outside, 'new', 'Dockerfile');
      const dockerfile = join(root, 'Dockerfile');
      const files = new Map([
        [escaping, { text: 'FROM scratch\n', bom: false }],
        [dockerfile, { text: 'FROM alpine\n', bom: false }],
      ]);

      const results = await writeChangedFiles(files, [escaping, dockerfile], { root });

      expect(results).toEqual([
        { path: escaping, ok: false, error: expect.any(UnsafeWriteError) },
        { path: dockerfile, ok: true },
      ]);
      expect(await readdir(outside)).toEqual([]);
      expect(await readFile(dockerfile, 'utf8')).toBe('FROM alpine\n');
    });

    posixOnly('creates no folder behind a link leading out of the root', async () => {
      await symlink(outside, join(root, 'vendor'));
      const path = join(root, 'vendor', 'new', 'Dockerfile');

      const [result] = await writeChangedFiles(new Map([[path, { text: 'FROM scratch\n', bom: false }]]), [path], { root });

      expect(result).toMatchObject({ ok: false, error: { reason: 'outside-root' } });
      expect(await readdir(outside)).toEqual([]);
    });

    it('reports a changed path it has no text for', async () => {
      const path = join(root, 'Dockerfile');

      const results = await writeChangedFiles(new Map(), [path], { root });

      expect(results).toEqual([{ path, ok: false, error: new Error(`No text to write for ${path}.`) }]);
    });
  });
});
