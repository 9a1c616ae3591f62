import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { json, runCli } from './run-cli.js';

/**
 * A JSON Schema (2020-12) validator as strict as ajv gets: an unknown keyword or format, a
 * required property not defined beside it, or a loose type throws when a schema is compiled, so
 * the schemas work in any validator setting. Every error is reported.
 */
export function strictAjv(): Ajv2020 {
  const fail = (...args: unknown[]) => {
    throw new Error(`ajv: ${args.map(String).join(' ')}`);
  };
  return new Ajv2020({ strict: true, allErrors: true, logger: { log: () => undefined, warn: fail, error: fail } });
}

export type SchemaCommand = 'plan' | 'taper' | 'check' | 'missed';

const compiled = new Map<string, ValidateFunction>();

/** The validator of `titrate schema <command>` (the request line) or, with `output`, of `--output`. */
export async function validatorFor(command: SchemaCommand, output = false): Promise<ValidateFunction> {
  const key = `${command}${output ? ' --output' : ''}`;
  const known = compiled.get(key);
  if (known) return known;
  const validate = strictAjv().compile(json(await runCli(['schema', command, ...(output ? ['--output'] : [])])));
  compiled.set(key, validate);
  return validate;
}

/** ajv's errors in one line each, for a failing expectation. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}
