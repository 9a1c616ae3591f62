/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface OutputStream {
  /** Text, or UTF-8 bytes (NDJSON batches write whole lines as bytes; the stream may keep them). */
  write(chunk: string | Buffer): boolean;
  readonly isTTY?: boolean | undefined;
  /** Columns of the terminal, when the stream is one. */
  readonly columns?: number | undefined;
  once?(event: 'drain', listener: () => void): unknown;
}

/** A file being written line by line (an NDJSON batch's --output); write throws the system's error. */
export interface OutputFile extends OutputStream {
  /** Resolves once everything written is in place (on disk, renamed over the target); rejects with the error. */
  close(): Promise<void>;
  /** Drops what was written: the target is left as it was. */
  discard(): void;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock: defaults --start to today, and times a batch's progress. */
  now(): Date;
  /** The process's time zone (TZ, else the system's): the zone of "today", and the example --tz a calendar's error gives. */
  timeZone(): string;
  /** Opens a file for reading (check --file, --ndjson FILE). */
  openFile(path: string): NodeJS.ReadableStream;
  /** Writes a whole file or nothing (a regular file is replaced through a temporary file beside it). */
  writeFileAtomic(path: string, text: string): Promise<void>;
  /** Opens a file to write line by line; like writeFileAtomic, it is replaced only once closed. */
  createFile(path: string): OutputFile;
  /** Throws an InputError when the output (a path, or stdout when undefined) is a file the command reads. */
  refuseInputAsOutput?(output: string | undefined): void;
  /** Called once before an NDJSON batch, so the process can set itself up for a long stream; returns what undoes it. */
  beforeBatch?(): Promise<() => void>;
  /** Whether stdout and stderr are one and the same terminal (a batch then draws no progress). */
  sameTerminal?(): boolean;
  /** Size in bytes of an input that is a regular file: the named file, or stdin (no path); else undefined. */
  inputSize?(path?: string): number | undefined;
  /** Calls `handler` if the user interrupts (Ctrl-C) before the returned function is called. */
  onInterrupt?(handler: () => void): () => void;
  /** Calls `handler` once on SIGTERM or SIGINT (`titrate serve` then stops) until the returned function is called. */
  onShutdown?(handler: (signal: string) => void): () => void;
}
