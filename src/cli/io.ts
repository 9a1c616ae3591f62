/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface OutputStream {
  write(text: string): boolean;
  readonly isTTY?: boolean | undefined;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean | undefined };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock: defaults --start to today, and times a batch's progress. */
  now(): Date;
  /** Opens a file for reading (check --file, --ndjson FILE). */
  openFile(path: string): NodeJS.ReadableStream;
  /** Called once before an NDJSON batch, so the process can set itself up for a long stream. */
  beforeBatch?(): Promise<void>;
}
