/**
 * Whether a query string names a speaker filter at all (`speakers` or `host`), well-formed or
 * not: then every-page.ts loads the filter's script at once and marks the filter (`data-url-filter`)
 * for it to apply the URL (speaker-filter.ts). A module of its own: every-page.ts is in every page,
 * and importing text/format.ts there would move the filter's parsing out of its lazy chunk into
 * every page's script.
 */
export function namesFilter(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('speakers') || params.has('host');
}
