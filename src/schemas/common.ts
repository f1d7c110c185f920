import { z } from 'astro/zod';

/** How a schema is described in "expected …" messages. */
export function describeSchema(schema: z.ZodTypeAny): string {
  const def = schema._def as { typeName?: string; innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny; out?: z.ZodTypeAny; in?: z.ZodTypeAny; values?: readonly string[]; options?: z.ZodTypeAny[]; value?: unknown };
  switch (def.typeName) {
    case 'ZodString':
      return 'text';
    case 'ZodNumber':
      return 'a number';
    case 'ZodBoolean':
      return 'true or false';
    case 'ZodArray':
      return 'a list';
    case 'ZodObject':
      return 'a mapping of fields';
    case 'ZodEnum':
      return `one of ${(def.values ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'ZodLiteral':
      return JSON.stringify(def.value);
    case 'ZodUnion':
      return (def.options ?? []).map(describeSchema).join(' or ');
    case 'ZodOptional':
    case 'ZodDefault':
    case 'ZodNullable':
      return describeSchema(def.innerType!);
    case 'ZodEffects':
      return describeSchema(def.schema!);
    case 'ZodPipeline':
      return describeSchema(def.out!);
    default:
      return 'a value';
  }
}

/** A short, readable rendering of a found value for messages. */
export function showFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'a mapping of fields';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * A strict object whose problems read "expected …, found …" at the field's own path, all
 * reported in one pass: unknown fields list the fields it expected, a missing field says what
 * belongs there, and every other field is still checked.
 */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const expected = Object.keys(shape);
  // Required fields are made optional inside: their absence is reported (once, in our words)
  // by the preprocess step, which also marks the result invalid.
  const lenient = Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [key, schema.isOptional() ? schema : schema.optional()]),
  );
  const checked = z.preprocess((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({
        code: 'custom',
        fatal: true,
        message: `expected a mapping of fields (${expected.join(', ')}), found ${showFound(value)}`,
      });
      return value;
    }
    const known: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (key in shape) known[key] = field;
      else
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Unexpected field ${JSON.stringify(key)}, expected one of: ${expected.join(', ')}`,
        });
    }
    for (const [key, schema] of Object.entries(shape)) {
      if (known[key] === undefined && !schema.isOptional()) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `expected ${describeSchema(schema)}, found nothing (the field is required)`,
        });
      }
    }
    return known;
  }, z.object(lenient).strict());
  // The output is the strict object's: any missing required field has already failed the parse.
  return checked as unknown as z.ZodEffects<z.ZodObject<T, 'strict'>, z.output<z.ZodObject<T, 'strict'>>, unknown>;
}

/**
 * A stable, human-readable anchor: lower-case ASCII words joined by hyphens.
 * Anchors are written by an editor, never derived from position, and never change once
 * published (a turn moved or inserted keeps every other anchor).
 */
export const AnchorSchema = z
  .string()
  .refine(
    (value) => /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(value) && value.length <= 64,
    (value) => ({
      message: `expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough"), found ${showFound(value)}`,
    }),
  );

/**
 * Where an editorial fact comes from: a public URL; `transcript` (in a talk file: that talk's
 * source text says so); or `talk:<slug>` (in a speaker file: that talk's source text says so).
 */
export const FactSourceSchema = z.string().refine(isFactSource, (value) => ({
  message: `expected an http(s) URL, "transcript" or "talk:<slug>", found ${showFound(value)}`,
}));

export function isFactSource(value: string): boolean {
  if (value === 'transcript' || /^talk:[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return true;
  if (!/^https?:\/\//.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * An editorial fact (a date, a role, a venue) with its source. A fact nobody could verify
 * has no source and says so with `unverified: true`; the reader shows it as unverified.
 */
export function factSchema<T extends z.ZodTypeAny>(text: T) {
  return strictObject({
    /** The fact as shown to readers. */
    text,
    /** Where it was verified. Required unless `unverified` is true. */
    source: FactSourceSchema.optional(),
    /** True when no source could confirm the fact. Default: false. */
    unverified: z.boolean().default(false),
  }).refine((fact) => fact.unverified || fact.source !== undefined, {
    message: 'expected a `source` (an http(s) URL, "transcript" or "talk:<slug>") or `unverified: true`, found neither',
    path: ['source'],
  });
}

export const FactSchema = factSchema(z.string().trim().min(1));

/** An ISO date (YYYY-MM-DD). YAML reads an unquoted date as a Date; it is turned back into text. */
export const IsoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().refine(isIsoDate, (value) => ({ message: `expected an ISO date YYYY-MM-DD, found ${showFound(value)}` })),
);

/** True for a real calendar day written YYYY-MM-DD (2023-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const DateFactSchema = factSchema(IsoDateSchema);

export type Fact = z.infer<typeof FactSchema>;
