import { invalid } from '../schema/issues.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../schema/json-depth.js';
import { MAX_PATH_SHOWN, shown } from '../schema/values.js';
import { InputError } from './errors.js';
import type { Io } from './io.js';

/** Schedules are a few kB; anything past this is refused without reading the rest. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

const problem = (message: string) => new InputError([invalid('', message)]);

/** `stdin` or `'s.json'`, as messages name the source. */
export function describeSource(source: string): string {
  return source === '-' ? 'stdin' : shown(source, MAX_PATH_SHOWN);
}

function readFailure(source: string, error: unknown): InputError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reasons: Record<string, string> = {
    ENOENT: 'no such file',
    EACCES: 'permission denied',
    EISDIR: 'it is a directory',
    ENOTDIR: 'a part of the path is not a directory',
  };
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return problem(`cannot read ${describeSource(source)}: ${reason}`);
}

/**
 * Reads a file, or stdin for `-`, as UTF-8 text. Stops (and closes the stream) as soon as the
 * input passes `maxBytes`, so a 50 MB pipe costs 10 MB at most. Failures are input errors.
 */
export async function readInput(source: string, io: Io, maxBytes = MAX_INPUT_BYTES): Promise<string> {
  if (source === '-' && io.stdin.isTTY) {
    throw problem('stdin is a terminal: pipe a schedule in, e.g. titrate plan --json | titrate check -');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = source === '-' ? io.stdin : io.openFile(source);
    // Leaving the loop early (the throw below) destroys the stream, which stops the read.
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      size += buffer.length;
      if (size > maxBytes) throw problem(`${describeSource(source)} is larger than ${maxBytes / 1024 / 1024} MB; titrate reads schedules up to that size`);
      chunks.push(buffer);
    }
  } catch (error) {
    throw error instanceof InputError ? error : readFailure(source, error);
  }
  const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Where JSON.parse stopped, in words that do not change with the Node version: "it ends too
 * early" for a truncated input, else the line and column when the engine gives a position.
 */
function describeSyntaxError(text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(detail)?.[1];
  const at = position === undefined ? null : Number(position);
  if (/end of JSON input/i.test(detail) || (at !== null && at >= text.trimEnd().length)) return ': it ends too early (truncated?)';
  if (at === null) return '';
  const before = text.slice(0, at).split('\n');
  return ` at line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

/** JSON text to a value; a syntax error is an input error naming the source, never a stack trace. */
export function parseJsonInput(text: string, source: string): unknown {
  if (text.trim() === '') throw problem(`${describeSource(source)} is empty: expected titrate's schedule JSON (e.g. from titrate plan --json)`);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw problem(`${describeSource(source)} is not valid JSON${describeSyntaxError(text, error)}`);
  }
  if (nestsDeeperThan(value)) throw problem(`${describeSource(source)} is nested more than ${MAX_JSON_DEPTH} levels deep; titrate's schedules and FHIR orders nest far less`);
  return value;
}

/** Reads and parses a JSON input (a file, or stdin for `-`). */
export async function readJsonInput(source: string, io: Io, maxBytes = MAX_INPUT_BYTES): Promise<unknown> {
  return parseJsonInput(await readInput(source, io, maxBytes), source);
}
