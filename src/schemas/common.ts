import { z } from 'astro/zod';

/**
 * `z.object(shape).strict()` whose unknown-field message lists the fields it expected, so
 * a typo in front matter reads "Unexpected field "speakr", expected one of: …".
 */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const expected = Object.keys(shape).join(', ');
  return z
    .object(shape, {
      errorMap: (issue, ctx) =>
        issue.code === 'unrecognized_keys'
          ? {
              message: `Unexpected field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
                .map((key) => JSON.stringify(key))
                .join(', ')}, expected one of: ${expected}`,
            }
          : { message: ctx.defaultError },
    })
    .strict();
}

/**
 * A stable, human-readable anchor: lower-case ASCII words joined by hyphens.
 * Anchors are written by an editor, never derived from position, and never change once
 * published (a turn moved or inserted keeps every other anchor).
 */
export const AnchorSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, {
    message: 'expected lower-case ASCII words joined by hyphens (e.g. "yao-rl-breakthrough")',
  })
  .max(64, { message: 'expected at most 64 characters' });

/**
 * Where an editorial fact comes from: a public URL; `transcript` (in a talk file: that talk's
 * source text says so); or `talk:<slug>` (in a speaker file: that talk's source text says so).
 */
export const FactSourceSchema = z.union([
  z.literal('transcript'),
  z.string().regex(/^talk:[a-z0-9]+(?:-[a-z0-9]+)*$/),
  z.string().url(),
]);

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
    message: 'expected a `source` (URL or "transcript"), or `unverified: true`',
    path: ['source'],
  });
}

export const FactSchema = factSchema(z.string().trim().min(1));

/** An ISO date (YYYY-MM-DD). YAML reads an unquoted date as a Date; it is turned back into text. */
export const IsoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected an ISO date YYYY-MM-DD' }),
);

export const DateFactSchema = factSchema(IsoDateSchema);

export type Fact = z.infer<typeof FactSchema>;
