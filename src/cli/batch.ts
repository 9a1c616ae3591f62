import type { IsoDate } from '../engine/types.js';
import { jsonValue } from '../render/formats/json.js';
import type { ResultKind, Results } from '../render/formats/index.js';
import { invalid, describeIssue, type InputProblem } from '../schema/issues.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../schema/json-depth.js';
import { MAX_PATH_SHOWN, shown, tooLong } from '../schema/values.js';
import type { CommandSpec } from './command-spec.js';
import type { CommandContext } from './context.js';
import { EXIT, InputError, writeFailure, type LineErrorKind } from './errors.js';
import type { OutputFile } from './io.js';
import { createLineWriter, MAX_LINE_CHARS, readLineBatches, type InputLine } from './ndjson-lines.js';
import { createProgress } from './progress.js';

// NDJSON batches: one request a line in, one record a line out, in the same order.
//
// A good record is the command's --json object as one line, with the line's `id` first when it
// had one: `{"id":"p1","schemaVersion":1,...}`. A bad line gives an error record instead and the
// batch goes on: `{"id":"p1","line":7,"error":{"kind":"input","messages":[...],"problems":[...]}}`,
// `line` counting from 1 and every line counted (a blank one too, so output line n answers input
// line n). `id` is echoed as given (a string or a number) and is not a request field.

export type LineOutcome = { readonly kind: 'result'; readonly exitCode: number } | { readonly kind: LineErrorKind };

export interface LineRecord {
  /** What the line's output line holds, as JSON. */
  readonly value: object;
  readonly outcome: LineOutcome;
}

type Id = string | number;

function errorRecord(line: number, id: Id | undefined, kind: LineErrorKind, problems: readonly InputProblem[]): LineRecord {
  const error = { kind, messages: problems.map((problem) => describeIssue(problem, 'field')), problems };
  return { value: { ...(id !== undefined && { id }), line, error }, outcome: { kind } };
}

const whole = (message: string): InputProblem[] => [invalid('', message)];

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The result object with the line's id first. */
function withId(id: Id | undefined, value: object): object {
  return id === undefined ? value : { id, ...value };
}

/** The record for one input line; never throws (a bug in a command becomes an internal record). */
export function recordForLine<K extends ResultKind>(spec: CommandSpec<K>, line: InputLine, today: IsoDate): LineRecord {
  const { number, text } = line;
  if (text === null) return errorRecord(number, undefined, 'input', whole(`line is longer than ${MAX_LINE_CHARS} characters`));
  if (text.trim() === '') return errorRecord(number, undefined, 'input', whole('empty line: expected a JSON object with the request'));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return errorRecord(number, undefined, 'input', whole(`invalid JSON: ${(error as Error).message}`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return errorRecord(number, undefined, 'input', whole(`expected a JSON object with the request's fields, got ${jsonKind(value)}`));
  }
  if (nestsDeeperThan(value)) return errorRecord(number, undefined, 'input', whole(`nested more than ${MAX_JSON_DEPTH} levels deep; a request is a flat object`));
  const { id, ...fields } = value as Record<string, unknown>;
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
    return errorRecord(number, undefined, 'input', [invalid('id', `expected a string or a number, got ${jsonKind(id)}`)]);
  }
  // The id is echoed into the record: a label, not a payload.
  const idTooLong = tooLong(id);
  if (idTooLong !== null) return errorRecord(number, undefined, 'input', [invalid('id', idTooLong)]);
  try {
    const outcome = spec.fromFields(fields, today);
    if (!outcome.ok) return errorRecord(number, id, 'input', outcome.problems);
    const { result } = outcome.value;
    const value = (jsonValue[spec.kind] as (result: Results[K]) => object)(result);
    return {
      value: withId(id, value),
      outcome: { kind: 'result', exitCode: spec.exitCode?.(result) ?? EXIT.ok },
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return errorRecord(number, id, 'internal', whole(`internal error: ${detail}. This is a bug in titrate; please report it`));
  }
}

interface BatchTally {
  lines: number;
  failed: number;
  internal: number;
  /** Bytes of input read, for the progress line's percentage. */
  bytes: number;
  resultExitCode: number;
}

/** The input's chunks, passed on as they come, their bytes added to the tally. */
async function* counted(input: AsyncIterable<string | Uint8Array>, tally: BatchTally): AsyncGenerator<string | Uint8Array> {
  for await (const chunk of input) {
    tally.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    yield chunk;
  }
}

/** 3 after an internal error, else 2 if any line failed, else the worst result's (check: 1 when a check failed). */
function batchExitCode(tally: BatchTally): number {
  if (tally.internal > 0) return EXIT.internal;
  if (tally.failed > 0) return EXIT.usage;
  return tally.resultExitCode;
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

/** A failure to write the output, told apart from a failure to read the input. */
class WriteFailed extends Error {
  constructor(readonly failure: Error) {
    super(failure.message);
  }
}

/**
 * The --output file, opened before the first line is read (an output that cannot be written is
 * said at once, not after the whole input). Its write errors say which file could not be written.
 */
function openOutputFile(context: CommandContext, path: string): OutputFile {
  const failed = (error: unknown) => new WriteFailed(writeFailure(error, shown(path, MAX_PATH_SHOWN)) ?? (error as Error));
  let file: OutputFile;
  try {
    file = context.io.createFile(path);
  } catch (error) {
    throw failed(error).failure;
  }
  return {
    write: (chunk) => {
      try {
        return file.write(chunk);
      } catch (error) {
        throw failed(error);
      }
    },
    ...(file.once && { once: file.once.bind(file) }),
    close: async () => {
      try {
        await file.close();
      } catch (error) {
        throw failed(error).failure;
      }
    },
    discard: () => file.discard(),
  };
}

/**
 * Runs every line of `input` through the spec and writes the records to stdout, or to the
 * --output file as they come, waiting for the stream to drain whenever it asks to; returns the
 * exit code. Lines without `start` plan from the run's today.
 */
export async function runBatch<K extends ResultKind>(
  spec: CommandSpec<K>,
  input: NodeJS.ReadableStream,
  source: string,
  outputPath: string | undefined,
  context: CommandContext,
  totalBytes?: number,
): Promise<number> {
  const { io } = context;
  const today = context.today();
  // Before anything is written: an output that is the input would overwrite it, or grow forever.
  io.refuseInputAsOutput?.(outputPath);
  const file = outputPath === undefined ? undefined : openOutputFile(context, outputPath);
  const output = createLineWriter(file ?? io.stdout);
  const progress = createProgress(io.stderr, `titrate ${spec.name}`, {
    nowMs: () => io.now().getTime(),
    sharesTerminalWithData: outputPath === undefined && io.sameTerminal?.() === true,
    totalBytes,
  });
  const tally: BatchTally = { lines: 0, failed: 0, internal: 0, bytes: 0, resultExitCode: EXIT.ok };
  const afterBatch = await io.beforeBatch?.();
  const stopWatching = io.onInterrupt?.(() => progress.interrupt());
  try {
    for await (const lines of readLineBatches(counted(input as AsyncIterable<string | Uint8Array>, tally))) {
      for (const line of lines) {
        const { value, outcome } = recordForLine(spec, line, today);
        tally.lines += 1;
        if (outcome.kind === 'result') tally.resultExitCode = Math.max(tally.resultExitCode, outcome.exitCode);
        else tally.failed += 1;
        if (outcome.kind === 'internal') tally.internal += 1;
        if (output.push(value)) await output.flush();
      }
      await output.flush();
      progress.update(tally);
    }
  } catch (error) {
    // Whole or nothing: an output file is dropped, not left cut short.
    file?.discard();
    if (error instanceof WriteFailed) throw error.failure;
    if (file === undefined) await output.flush();
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw error;
    const problem = READ_PROBLEMS[code] ?? (error as Error).message;
    throw new InputError([invalid('ndjson', `cannot read ${source}: ${problem}`)]);
  } finally {
    stopWatching?.();
    afterBatch?.();
  }
  await file?.close();
  progress.finish(tally);
  return batchExitCode(tally);
}
