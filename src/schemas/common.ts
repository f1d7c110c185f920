import { z } from 'astro/zod';
import { WEB_URL_RULE, webUrlFieldProblem } from '../lib/url-safety';
import { ID_PATTERN, ISO_DATE_PATTERN } from '../lib/constants';

/**
 * How a schema is described in "expected …" messages. Reads Zod's public classes and accessors
 * (`options`, `value`, `unwrap()`…), not its internal definition.
 */
export function describeSchema(schema: z.ZodTypeAny): string {
  if (schema instanceof z.ZodString) return 'text';
  if (schema instanceof z.ZodNumber) return 'a number';
  if (schema instanceof z.ZodBoolean) return 'true or false';
  if (schema instanceof z.ZodArray) return 'a list';
  if (schema instanceof z.ZodObject) return 'a mapping of fields';
  if (schema instanceof z.ZodRecord) return 'a mapping of keys to values';
  if (schema instanceof z.ZodEnum) {
    return `one of ${(schema.options as string[]).map((value) => JSON.stringify(value)).join(', ')}`;
  }
  if (schema instanceof z.ZodLiteral) return JSON.stringify(schema.value);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodTypeAny[]).map(describeSchema).join(' or ');
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return describeSchema(schema.unwrap());
  if (schema instanceof z.ZodDefault) return describeSchema(schema.removeDefault());
  if (schema instanceof z.ZodEffects) return describeSchema(schema.innerType());
  return 'a value';
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
 * The one pattern of every id the site publishes: speaker ids (file names in content/speakers/),
 * talk slugs (folder names in content/talks/), turn anchors, key-quote ids, outline ids and note
 * labels. They become file names, folder names, URLs and element ids, so they are lower-case
 * ASCII letters and digits in words joined by single hyphens, at most ID_MAX_LENGTH characters
 * (a path stays well under file-system limits), and never a name Windows reserves for a device
 * (a file or folder `con` cannot be checked out there). See docs/security.md.
 */
export { ID_PATTERN };
export const ID_MAX_LENGTH = 64;
/** Names Windows reserves for devices, with or without an extension. */
export const WINDOWS_DEVICE_NAMES: ReadonlySet<string> = new Set([
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 10 }, (_, n) => `com${n}`),
  ...Array.from({ length: 10 }, (_, n) => `lpt${n}`),
]);
/** The id rule, for "expected …" messages. */
export const ID_RULE = `lower-case ASCII words joined by hyphens, at most ${ID_MAX_LENGTH} characters (e.g. "yao-rl-breakthrough")`;

/** "expected …, found …" when `value` is not an id (ID_PATTERN), else undefined. */
export function idProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ID_PATTERN.test(value) || value.length > ID_MAX_LENGTH) {
    return `expected ${ID_RULE}, found ${showFound(value)}`;
  }
  if (WINDOWS_DEVICE_NAMES.has(value))
    return `expected ${ID_RULE}, found ${showFound(value)}, a name Windows reserves for a device`;
  return undefined;
}

/** An id (ID_PATTERN): the schema of every id field. */
export const IdSchema = z.string().superRefine((value, ctx) => {
  const problem = idProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * A stable, human-readable anchor (an id, ID_PATTERN). Anchors are written by an editor, never
 * derived from position, and never change once published (a turn moved or inserted keeps every
 * other anchor; content/permalinks.json holds the build to it).
 */
export const AnchorSchema = IdSchema;

/**
 * A URL in a talk or speaker file (an event's site, where a transcript was published): http(s)
 * only, by the site's one URL policy (src/lib/url-safety.ts). Every URL field uses it.
 */
export const SafeUrlSchema = z.string().superRefine((value, ctx) => {
  const problem = webUrlFieldProblem(value);
  if (problem)
    ctx.addIssue({ code: 'custom', message: `expected ${WEB_URL_RULE}, found ${showFound(value)} (${problem})` });
});

/**
 * Where an editorial fact comes from: a public URL; `transcript` (in a talk file: that talk's
 * source text says so); or `talk:<slug>` (in a speaker file: that talk's source text says so).
 */
export const FactSourceSchema = z.string().refine(isFactSource, (value) => ({
  message: `expected an http(s) URL, "transcript" or "talk:<slug>", found ${showFound(value)}`,
}));

export function isFactSource(value: string): boolean {
  if (value === 'transcript') return true;
  if (value.startsWith('talk:')) return idProblem(value.slice('talk:'.length)) === undefined;
  return /^https?:\/\//.test(value) && webUrlFieldProblem(value) === undefined;
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
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const DateFactSchema = factSchema(IsoDateSchema);

export type Fact = z.infer<typeof FactSchema>;
