import type { OutputStream } from './io.js';

/** What a batch has done so far. */
export interface BatchCounts {
  readonly lines: number;
  readonly failed: number;
}

export interface Progress {
  /** Called as often as convenient; redraws at most every `intervalMs`. */
  update(counts: BatchCounts): void;
  /** The last figures, ending the line. */
  finish(counts: BatchCounts): void;
}

const silent: Progress = { update: () => undefined, finish: () => undefined };

/** Lines per second, whole; 0 until time has passed. */
function rate(lines: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((lines * 1000) / elapsedMs) : 0;
}

function describe(label: string, counts: BatchCounts, elapsedMs: number): string {
  const errors = `${counts.failed} error${counts.failed === 1 ? '' : 's'}`;
  return `${label}: ${counts.lines} lines, ${rate(counts.lines, elapsedMs)}/s, ${errors}`;
}

/**
 * Live progress on stderr when it is a terminal, redrawn in place; nothing at all otherwise, so a
 * pipe or log file gets only the data. `nowMs` is the clock (the io's, so tests can fix it).
 */
export function createProgress(stream: OutputStream, label: string, nowMs: () => number, intervalMs = 200): Progress {
  if (stream.isTTY !== true) return silent;
  const startMs = nowMs();
  let drawnMs = startMs;
  const draw = (counts: BatchCounts, atMs: number, end: string) => {
    // \r and "erase to end of line" redraw the same terminal line.
    stream.write(`\r${describe(label, counts, atMs - startMs)}\u001b[K${end}`);
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
  };
}
