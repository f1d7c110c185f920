/**
 * Inlining the site's script (src/integrations/inline-pages.ts). Every page loads one small
 * module (src/scripts/every-page.ts); as a file it is a second request, which on a first visit
 * Lighthouse's mobile model counts before the first paint (npm run bench: reader LCP). Inlined,
 * it arrives with the page. Its lazy chunks stay files: their import() paths, relative to the
 * script's own URL, are rewritten to absolute paths, since an inline script resolves them
 * against the page's URL instead.
 *
 * Only a script that can be inlined without changing what runs is: no static imports or exports
 * (code another chunk could share), and no other chunk importing it (that chunk would load the
 * file and run the script a second time). Anything else fails the build.
 */

/** Static `import … from "…"`, `import "…"` or `export …`, as Rollup writes them minified. */
const STATIC_MODULE_SYNTAX =
  /(?:^|[;}\s])(?:import\s*(?:["'{*]|[\w$]+\s*(?:,|from))|export\s*[{*]|export\s+(?:default|const|let|var|function|class)\b)/;
/** `import("./x.js")`: the plain dynamic imports preload-unwrap.ts leaves, relative to the script. */
const RELATIVE_IMPORT = /\bimport\(\s*(["'])(\.{1,2}\/[^"'\\]+)\1\s*\)/g;

/**
 * The script's code with each relative dynamic import made absolute, resolved against
 * `scriptPath` (its URL path, e.g. /_astro/site.js), and the paths it imports.
 */
export function absoluteImports(code: string, scriptPath: string): { code: string; imports: string[] } {
  const imports: string[] = [];
  const rewritten = code.replace(RELATIVE_IMPORT, (_, quote: string, relative: string) => {
    const target = new URL(relative, new URL(scriptPath, 'https://inline.invalid')).pathname;
    imports.push(target);
    return `import(${quote}${target}${quote})`;
  });
  return { code: rewritten, imports };
}

/** Why `code` (the file `scriptPath`) cannot be inlined, or undefined when it can. */
export function cannotInline(code: string): string | undefined {
  if (STATIC_MODULE_SYNTAX.test(code)) return 'it has a static import or export';
  // Inside <script>, "</script" ends the element and "<!--" or "<script" change how it is parsed.
  if (/<\/script|<!--|<script/i.test(code)) return 'its text contains "</script", "<script" or "<!--"';
  return undefined;
}

/**
 * `html` with the one `<script type="module" src="…">` loading `src` replaced by an inline module
 * script holding `code`. `file` names the page in the error when the tag is not there exactly once.
 */
export function inlineModuleScript(html: string, src: string, code: string, file: string): string {
  const tag = `<script type="module" src="${src}"></script>`;
  const found = html.split(tag).length - 1;
  if (found !== 1) throw new Error(`${file}: expected ${tag} once, found it ${found} times`);
  return html.replace(tag, () => `<script type="module">${code}</script>`);
}
