/** How far a batch has come. `done` counts every finished posting, failures included. */
export interface ProgressCounts {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
}

/** Progress on stderr: a live bar on a terminal, one plain line per posting elsewhere, nothing with `--quiet`. */
export interface Progress {
  /** `unchanged` of the `total` postings were done by an earlier run and will be kept. */
  start(total: number, unchanged?: number): void;
  postingDone(posting: string, status: string, counts: ProgressCounts): void;
  /** A message that must not be lost in the bar (a 429 pause, a stop). */
  note(message: string): void;
  finish(): void;
}

export interface ProgressOptions {
  readonly write: (text: string) => void;
  readonly isTty: boolean;
  readonly quiet: boolean;
  readonly now?: () => number;
  /** Columns of the bar itself. */
  readonly width?: number;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** "[#######.....] 35/100 done, 2 failed, 4.1/s, ETA 16s" */
export function progressLine(counts: ProgressCounts, elapsedMs: number, width: number): string {
  const fraction = counts.total === 0 ? 1 : counts.done / counts.total;
  const filled = Math.round(fraction * width);
  const rate = elapsedMs > 0 ? counts.done / (elapsedMs / 1000) : 0;
  const eta = rate > 0 ? ((counts.total - counts.done) / rate) * 1000 : Number.POSITIVE_INFINITY;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts.done}/${counts.total} done, ` +
    `${counts.failed} failed, ${rate.toFixed(1)}/s, ETA ${counts.done === counts.total ? '0s' : formatDuration(eta)}`
  );
}

const silent: Progress = { start() {}, postingDone() {}, note() {}, finish() {} };

export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return silent;
  const now = options.now ?? Date.now;
  const width = options.width ?? 30;
  let started = now();
  if (!options.isTty) {
    return {
      start(total, unchanged = 0) {
        started = now();
        const postings = `${total} posting${total === 1 ? '' : 's'}`;
        options.write(
          unchanged === 0
            ? `lede batch: ${postings} to do\n`
            : `lede batch: ${postings}: ${total - unchanged} to do, ${unchanged} unchanged since the last run\n`,
        );
      },
      postingDone(posting, status, counts) {
        options.write(`[${counts.done}/${counts.total}] ${status} ${posting}\n`);
      },
      note(message) {
        options.write(`lede batch: ${message}\n`);
      },
      finish() {},
    };
  }
  let last: ProgressCounts = { done: 0, failed: 0, total: 0 };
  let drawnAt = Number.NEGATIVE_INFINITY;
  const draw = (): void => {
    drawnAt = now();
    options.write(`\r\x1b[2K${progressLine(last, drawnAt - started, width)}`);
  };
  return {
    start(total) {
      started = now();
      last = { done: 0, failed: 0, total };
      draw();
    },
    postingDone(_posting, _status, counts) {
      last = counts;
      // Redraw at most ten times a second: thousands of postings must not flood the terminal.
      if (now() - drawnAt >= 100 || counts.done === counts.total) draw();
    },
    note(message) {
      options.write(`\r\x1b[2K${message}\n`);
      draw();
    },
    finish() {
      options.write('\r\x1b[2K');
    },
  };
}
