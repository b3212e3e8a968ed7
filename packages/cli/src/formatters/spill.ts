import { createCipheriv, createDecipheriv, randomBytes, type Cipher } from 'node:crypto';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/** Text kept in memory up to `memoryLimit` UTF-16 code units; beyond it, in a temporary file (tests lower it). */
export const spillSettings = { memoryLimit: 4 * 1024 * 1024 };
/** Bytes written or read per system call. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Text a report must hold back until every result is in (JSON items before the run's secret values are
 * known, SARIF results before its rule list): kept in memory while small, moved to a file in a private
 * temporary folder when it grows, so a report over many files does not hold them all. The file is removed
 * when the text is read back. It may hold file texts before their secrets are masked, so what goes to disk is
 * encrypted (AES-256-CTR) with a key made for this report and held only in memory: a run killed before it
 * cleans up leaves ciphertext behind, in a folder readable by its owner only.
 */
export class Spill {
  private chunks: string[] = [];
  private size = 0;
  private file: { readonly folder: string; readonly fd: number; readonly key: Buffer; readonly iv: Buffer; readonly cipher: Cipher } | undefined;

  constructor(private readonly memoryLimit = spillSettings.memoryLimit) {}

  /** Whether the text went to a temporary file (for tests). */
  get onDisk(): boolean {
    return this.file !== undefined;
  }

  append(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= (this.file ? CHUNK_BYTES : this.memoryLimit)) this.flush();
  }

  /** Hands the text back in order, in pieces of any length, and forgets it. */
  readChunks(each: (text: string) => void): void {
    if (!this.file) {
      const chunks = this.chunks;
      this.chunks = [];
      this.size = 0;
      for (const chunk of chunks) each(chunk);
      return;
    }
    this.flush();
    const { fd, folder, key, iv } = this.file;
    this.file = undefined;
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const decipher = createDecipheriv('aes-256-ctr', key, iv);
      const decoder = new StringDecoder('utf8');
      let position = 0;
      for (;;) {
        const read = fs.readSync(fd, buffer, 0, buffer.length, position);
        if (read === 0) break;
        position += read;
        const text = decoder.write(decipher.update(buffer.subarray(0, read)));
        if (text !== '') each(text);
      }
      const rest = decoder.end();
      if (rest !== '') each(rest);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  /** Hands the text back line by line (split at `\n`, which appended lines must end with), and forgets it. */
  readLines(each: (line: string) => void): void {
    let partial = '';
    this.readChunks((text) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) each(line);
    });
    if (partial !== '') each(partial);
  }

  /** Removes the temporary file, if any, without reading it (a run that failed). */
  dispose(): void {
    this.chunks = [];
    this.size = 0;
    if (!this.file) return;
    fs.closeSync(this.file.fd);
    fs.rmSync(this.file.folder, { recursive: true, force: true });
    this.file = undefined;
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    if (!this.file) {
      const folder = fs.mkdtempSync(path.join(tmpdir(), 'docmind-docker-lint-report-'));
      const key = randomBytes(32);
      const iv = randomBytes(16);
      this.file = { folder, fd: fs.openSync(path.join(folder, 'spill'), 'w+', 0o600), key, iv, cipher: createCipheriv('aes-256-ctr', key, iv) };
    }
    // CTR mode: the ciphertext has the plaintext's length, and one cipher runs over the whole file in order.
    const bytes = this.file.cipher.update(Buffer.from(this.chunks.join(''), 'utf8'));
    this.chunks = [];
    this.size = 0;
    let offset = 0;
    while (offset < bytes.length) offset += fs.writeSync(this.file.fd, bytes, offset, bytes.length - offset);
  }
}
