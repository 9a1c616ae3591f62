import * as z from 'zod/mini';

/** Most sets of given fields a request schema keeps a narrowed schema for; past it, one is made each time. */
const MAX_FIELD_SETS = 64;

/**
 * A request's fields, each made by its own function when first needed. Each is optional: zod
 * passes over an absent optional field (no issue, no key), so a parse needs only the given ones.
 */
export type FieldBuilders = Readonly<Record<string, () => z.ZodMiniOptional>>;

/** The zod shape the builders make. */
export type ShapeOf<B extends FieldBuilders> = { -readonly [K in keyof B]: ReturnType<B[K]> };

/** Every field made, in the builders' order: the whole shape. */
export function shapeOf<B extends FieldBuilders>(builders: B): ShapeOf<B> {
  return Object.fromEntries(Object.entries(builders).map(([key, build]) => [key, build()])) as ShapeOf<B>;
}

/**
 * A request's fields, parsed as `z.strictObject(shapeOf(builders), params)` parses them, with the
 * same data and the same issues in the same order; only faster. zod runs every field of a shape on
 * every parse, the absent ones too (a result object each), and a request names a few of some
 * thirty fields. So each set of given fields gets a strict object of just those fields (in the
 * builders' order), made once and kept; and a field's schema is made only once it is given, and
 * the builders on the first parse: one command line makes a few schemas, not thirty, which kept
 * `titrate plan --json` under V8's first young-generation collection. What is not an object
 * parses with the whole shape, which words the problem.
 */
export function strictFields<B extends FieldBuilders>(buildersOf: () => B, params?: Parameters<typeof z.strictObject>[1]) {
  type Shape = ShapeOf<B>;
  let builders: B | undefined;
  const all = () => (builders ??= buildersOf());
  const made: Partial<Record<keyof B, z.ZodMiniOptional>> = {};
  // Every key it is asked for is one of the builders' own.
  const fieldOf = (key: keyof B) => (made[key] ??= (all()[key] as () => z.ZodMiniOptional)());
  /** The fields that `include` picks, made, in the builders' order. */
  const shapeWith = (include: (key: string) => boolean) => {
    const shape: Partial<Record<keyof B, z.ZodMiniOptional>> = {};
    for (const key in all()) if (include(key)) shape[key] = fieldOf(key);
    return shape as Shape;
  };
  let whole: z.ZodMiniObject<Shape, z.core.$strict> | undefined;
  const narrowed = new Map<string, z.ZodMiniObject<Shape, z.core.$strict>>();

  return (input: unknown) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return (whole ??= z.strictObject(shapeWith(() => true), params)).safeParse(input, { reportInput: true });
    }
    // The given fields' names, as the request orders them, name the narrowed schema. Being
    // strict, it reports a field the shape lacks as the whole shape does, after the others.
    let given = '';
    for (const key in input) if (Object.hasOwn(all(), key)) given += `${key},`;
    let schema = narrowed.get(given);
    if (schema === undefined) {
      schema = z.strictObject(shapeWith((key) => key in input), params);
      if (narrowed.size < MAX_FIELD_SETS) narrowed.set(given, schema);
    }
    // A request that passes is parsed without options: zod copies an options object on every
    // parse (a tenth of the parse). Only a failed one is parsed again, for issues that quote it.
    const parsed = schema.safeParse(input);
    return parsed.success ? parsed : schema.safeParse(input, { reportInput: true });
  };
}
