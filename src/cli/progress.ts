import type { OutputStream } from './io.js';

/** What a batch has done so far. */
export interface BatchCounts {
  readonly lines: number;
  readonly failed: number;
  /** Bytes of the input read so far. */
  readonly bytes?: number;
}

export interface Progress {
  /** Called as often as convenient; redraws at most every `intervalMs`. */
  update(counts: BatchCounts): void;
  /** The last figures, ending the line. */
  finish(counts: BatchCounts): void;
  /** The batch was interrupted (Ctrl-C): end the line drawn, so the shell's prompt starts on its own. */
  interrupt(): void;
}

export interface ProgressOptions {
  /** The clock (the io's, so tests can fix it). */
  readonly nowMs: () => number;
  /** stdout is the same terminal: a progress line would land in the middle of the data. */
  readonly sharesTerminalWithData: boolean;
  /** Size of the input in bytes, when it is a file: gives a percentage and the time left. */
  readonly totalBytes?: number | undefined;
  readonly intervalMs?: number;
}

const silent: Progress = { update: () => undefined, finish: () => undefined, interrupt: () => undefined };

/** Lines per second, whole; 0 until time has passed. */
function rate(lines: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((lines * 1000) / elapsedMs) : 0;
}

/** `42 s` or `3 min 5 s` left. */
function timeLeft(seconds: number): string {
  const whole = Math.ceil(seconds);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

/** `54%, about 3 s left, ` when the input's size is known and some of it has been read. */
function share(counts: BatchCounts, totalBytes: number | undefined, elapsedMs: number): string {
  if (totalBytes === undefined || totalBytes <= 0 || counts.bytes === undefined) return '';
  const done = Math.min(1, counts.bytes / totalBytes);
  const percent = `${Math.floor(done * 100)}%`;
  if (done === 0 || done === 1 || elapsedMs <= 0) return `${percent}, `;
  return `${percent}, about ${timeLeft(((elapsedMs / done) * (1 - done)) / 1000)} left, `;
}

function describe(label: string, counts: BatchCounts, totalBytes: number | undefined, elapsedMs: number): string {
  const errors = `${counts.failed} error${counts.failed === 1 ? '' : 's'}`;
  return `${label}: ${share(counts, totalBytes, elapsedMs)}${counts.lines} lines, ${rate(counts.lines, elapsedMs)}/s, ${errors}`;
}

/**
 * Live progress on stderr when it is a terminal of its own, redrawn in place. Nothing at all when
 * stderr is not a terminal (a pipe or log gets only the data), nor when stdout is that same
 * terminal: there the data lines are what the user reads, and a redrawn line would be glued onto
 * them.
 */
export function createProgress(stream: OutputStream, label: string, options: ProgressOptions): Progress {
  if (stream.isTTY !== true || options.sharesTerminalWithData) return silent;
  const { nowMs, totalBytes, intervalMs = 200 } = options;
  const startMs = nowMs();
  let drawnMs = startMs;
  let open = false;
  const draw = (counts: BatchCounts, atMs: number, end: string) => {
    // \r and "erase to end of line" redraw the same terminal line.
    stream.write(`\r${describe(label, counts, totalBytes, atMs - startMs)}\u001b[K${end}`);
    open = end === '';
  };
  return {
    update(counts) {
      const atMs = nowMs();
      if (atMs - drawnMs < intervalMs) return;
      drawnMs = atMs;
      draw(counts, atMs, '');
    },
    finish(counts) {
      draw(counts, nowMs(), '\n');
    },
    interrupt() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}
