import * as z from 'zod/mini';

/** Most sets of given fields a request schema keeps a narrowed schema for; past it, one is made each time. */
const MAX_FIELD_SETS = 64;

type Shape = z.core.$ZodLooseShape;

/** A field zod passes over when it is absent: optional in and out, so absence gives no issue and no key. */
function skippedWhenAbsent(schema: z.core.$ZodType): boolean {
  return schema._zod.optin === 'optional' && schema._zod.optout === 'optional';
}

/**
 * A request's fields, parsed as `z.strictObject(shape, params)` parses them, with the same data
 * and the same issues in the same order; only faster. zod runs every field of a shape on every
 * parse, the absent ones too (a result object each), and a request names a few of some thirty
 * fields. So each set of given fields gets a strict object of just those fields (in the shape's
 * order, with any field that may not be absent), made once and kept; an absent optional field
 * was passed over by the whole shape too. What is not an object parses with the whole shape,
 * which words the problem.
 */
export function strictFields<S extends Shape>(shape: () => S, params?: Parameters<typeof z.strictObject>[1]) {
  let fields: S | undefined;
  let whole: z.ZodMiniObject<S, z.core.$strict> | undefined;
  const narrowed = new Map<string, z.ZodMiniObject<S, z.core.$strict>>();
  const parseWhole = (input: unknown) => (whole ??= z.strictObject((fields ??= shape()), params)).safeParse(input, { reportInput: true });

  /** The shape's fields that are given, or that zod checks even when absent, in the shape's order. */
  function narrowedTo(input: object, all: S): z.ZodMiniObject<S, z.core.$strict> {
    const subset = Object.fromEntries(Object.entries(all).filter(([key, schema]) => key in input || !skippedWhenAbsent(schema as z.core.$ZodType)));
    return z.strictObject(subset as S, params);
  }

  return (input: unknown) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return parseWhole(input);
    const all = (fields ??= shape());
    // The given fields' names, as the request orders them, name the narrowed schema. Being
    // strict, it reports a field the shape lacks as the whole shape does, after the others.
    let given = '';
    for (const key in input) if (Object.hasOwn(all, key)) given += `${key},`;
    let schema = narrowed.get(given);
    if (schema === undefined) {
      schema = narrowedTo(input, all);
      if (narrowed.size < MAX_FIELD_SETS) narrowed.set(given, schema);
    }
    // A request that passes is parsed without options: zod copies an options object on every
    // parse (a tenth of the parse). Only a failed one is parsed again, for issues that quote it.
    const parsed = schema.safeParse(input);
    return parsed.success ? parsed : schema.safeParse(input, { reportInput: true });
  };
}
