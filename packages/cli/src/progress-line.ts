import type { TextSink } from './cli-io.js';

/** Trees with fewer files than this lint too fast to need a progress line. */
export const PROGRESS_MIN_FILES = 100;
/** Redraws at most this often, in milliseconds. */
const REDRAW_INTERVAL = 100;
const CLEAR_LINE = '\r\u001b[K';

/**
 * `docmind-docker-lint: 120/400 files` on one terminal line, redrawn as files are linted and erased
 * at the end. Only for a terminal: the caller decides, and never creates one for piped output.
 */
export class ProgressLine {
  private readonly done = new Set<string>();
  private lastDraw = Number.NEGATIVE_INFINITY;
  private shown = false;

  constructor(
    private readonly sink: TextSink,
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Counts a linted file (once, however many fix passes lint it) and redraws when due. */
  fileLinted(filePath: string): void {
    this.done.add(filePath);
    const time = this.now();
    if (time - this.lastDraw < REDRAW_INTERVAL && this.done.size < this.total) return;
    this.lastDraw = time;
    this.shown = true;
    this.sink.write(`${CLEAR_LINE}docmind-docker-lint: ${Math.min(this.done.size, this.total)}/${this.total} files`);
  }

  /** Erases the line, so the report starts on a clean one. */
  clear(): void {
    if (this.shown) this.sink.write(CLEAR_LINE);
    this.shown = false;
  }
}
