import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { type FileHandle, lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileText } from './types.js';

export interface WriteOptions {
  /** The project folder. Nothing is written, and no folder created, outside its real path. */
  readonly root: string;
}

export type UnsafeWriteReason = 'outside-root' | 'symlink' | 'not-a-file' | 'read-only';

/** A write refused because it could change something outside the project or behind a link. */
export class UnsafeWriteError extends Error {
  override readonly name = 'UnsafeWriteError';
  readonly path: string;
  readonly reason: UnsafeWriteReason;

  constructor(path: string, reason: UnsafeWriteReason, message: string) {
    super(message);
    this.path = path;
    this.reason = reason;
  }
}

export type WriteResult =
  | { readonly path: string; readonly ok: true }
  | { readonly path: string; readonly ok: false; readonly error: Error };

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Replaces (or creates) a file atomically: the bytes go to a temporary file in the same folder, are
 * synced, and the temporary file is renamed over the target, so a reader or a crash sees the old file or
 * the new one, never half of one. The existing file's mode (and, when permitted, owner) is kept.
 */
export async function writeFileAtomic(path: string, fileText: FileText, options: WriteOptions): Promise<void> {
  const target = resolve(path);
  const folder = await realFolderInsideRoot(dirname(target), await realpath(options.root), target);
  const destination = join(folder, basename(target));
  const existing = await lstatIfExists(destination);
  if (existing?.isSymbolicLink()) {
    // Rename would replace the link by a file, cutting whatever the user linked it to.
    throw new UnsafeWriteError(target, 'symlink', `Refusing to write ${target}: it is a symbolic link.`);
  }
  if (existing !== undefined && !existing.isFile()) {
    throw new UnsafeWriteError(target, 'not-a-file', `Refusing to write ${target}: it is not a regular file.`);
  }
  if (existing !== undefined && (existing.mode & 0o222) === 0) {
    // Replacing the file by rename would succeed (it needs only the folder's write permission, and root
    // passes every check), overriding the user's choice to protect it.
    throw new UnsafeWriteError(target, 'read-only', `Refusing to write ${target}: it is read-only.`);
  }

  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = encodeText(fileText);
  let handle: FileHandle | undefined;
  try {
    // 'wx' fails if the name exists, so a link planted at the temporary name is never followed.
    handle = await open(temporary, 'wx', 0o666);
    if (existing !== undefined) await keepOwnerAndMode(handle, existing);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, destination);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The bytes of a file's text in its encoding: UTF-8 (with the BOM when it had one), or UTF-16 LE or BE
 * with its BOM. UTF-16 keeps every code unit, lone surrogates included.
 */
export function encodeText(fileText: FileText): Buffer {
  switch (fileText.encoding ?? 'utf-8') {
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fileText.text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(fileText.text, 'utf16le').swap16()]);
    default: {
      const bytes = Buffer.from(fileText.text, 'utf8');
      return fileText.bom ? Buffer.concat([BOM, bytes]) : bytes;
    }
  }
}

/**
 * Writes each changed file, creating missing folders inside the root. One file's failure is reported in
 * its result and does not stop the others.
 */
export async function writeChangedFiles(
  files: ReadonlyMap<string, FileText>,
  changed: Iterable<string>,
  options: WriteOptions,
): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  for (const path of new Set(changed)) {
    try {
      const fileText = files.get(path);
      if (fileText === undefined) throw new Error(`No text to write for ${path}.`);
      await makeFolderInsideRoot(dirname(resolve(path)), options.root);
      await writeFileAtomic(path, fileText, options);
      results.push({ path, ok: true });
    } catch (error) {
      results.push({ path, ok: false, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
  return results;
}

/** The real path of `folder`, which must exist and, links resolved, lie inside the real root. */
async function realFolderInsideRoot(folder: string, realRoot: string, target: string): Promise<string> {
  const realFolder = await realpath(folder);
  const fromRoot = relative(realRoot, realFolder);
  const inside = fromRoot === '' || (!isAbsolute(fromRoot) && fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`));
  if (!inside) {
    throw new UnsafeWriteError(
      target,
      'outside-root',
      `Refusing to write ${target}: its folder is ${realFolder}, outside the project root ${realRoot}.`,
    );
  }
  return realFolder;
}

/**
 * `mkdir -p` that checks the deepest existing ancestor lies inside the root: the folders created below
 * it are new, so they cannot be links leading out.
 */
async function makeFolderInsideRoot(folder: string, root: string): Promise<void> {
  const missing: string[] = [];
  let ancestor = folder;
  while ((await lstatIfExists(ancestor)) === undefined) {
    const parent = dirname(ancestor);
    // Only a missing drive or share has no parent; realpath below reports it.
    if (parent === ancestor) break;
    missing.unshift(basename(ancestor));
    ancestor = parent;
  }
  const realAncestor = await realFolderInsideRoot(ancestor, await realpath(root), folder);
  if (missing.length > 0) await mkdir(join(realAncestor, ...missing), { recursive: true });
}

async function keepOwnerAndMode(handle: FileHandle, existing: Stats): Promise<void> {
  const created = await handle.stat();
  if (created.uid !== existing.uid || created.gid !== existing.gid) {
    // Running as root (in a container, under sudo) would otherwise hand the user's file to root. Without
    // the right to give the file away, it stays ours, as with any editor's save.
    await handle.chown(existing.uid, existing.gid).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    });
  }
  // After chown, which clears set-id bits; the creation mode was filtered by the umask.
  await handle.chmod(existing.mode & 0o7777);
}

async function lstatIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
