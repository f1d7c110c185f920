/**
 * The importer's mark for what it cannot know. A new talk.yaml holds it wherever an editor must
 * write (summary, event, venue, …); the build stops while any field still holds it, so an
 * imported talk is reviewed before it publishes.
 */
export const PLACEHOLDER = '【待补充】';

/** Paths (e.g. `event.name`, `participants[0].role.text`) of every text that holds PLACEHOLDER. */
export function findPlaceholders(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return value.includes(PLACEHOLDER) ? [at] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findPlaceholders(item, `${at}[${index}]`));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, at ? `${at}.${key}` : key));
  }
  return [];
}
