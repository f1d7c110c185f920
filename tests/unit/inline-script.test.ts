import { describe, expect, test } from 'vitest';
import { absoluteImports, cannotInline, inlineModuleScript } from '../../src/lib/build/inline-script';

describe('absoluteImports', () => {
  test('resolves each relative import() against the script’s own path', () => {
    const code = 'const a=()=>import("./share.js");import(\'../x/y.js\');import("/abs.js");';
    expect(absoluteImports(code, '/huitan/_astro/site.js')).toEqual({
      code: 'const a=()=>import("/huitan/_astro/share.js");import(\'/huitan/x/y.js\');import("/abs.js");',
      imports: ['/huitan/_astro/share.js', '/huitan/x/y.js'],
    });
  });

  test('leaves code without relative imports as it is', () => {
    expect(absoluteImports('go("./x.js")', '/_astro/s.js')).toEqual({ code: 'go("./x.js")', imports: [] });
  });
});

describe('cannotInline', () => {
  test.each([
    ['import{a as b}from"./shared.js";b();', 'static import'],
    ['import"./side.js";', 'static import'],
    ['import x from"./x.js";', 'static import'],
    ['const a=1;export{a as n};', 'static import or export'],
    ['export default 1', 'static import or export'],
    ['document.write("</script>")', '</script'],
    ['let s="<!--"', '<!--'],
  ])('refuses %j', (code, why) => {
    expect(cannotInline(code)).toContain(why);
  });

  test('accepts a script whose only imports are dynamic', () => {
    expect(
      cannotInline('const m=()=>import("/_astro/a.js");class d extends HTMLElement{}customElements.define("ht-x",d);'),
    ).toBeUndefined();
  });
});

describe('inlineModuleScript', () => {
  const tag = '<script type="module" src="/_astro/site.js"></script>';

  test('replaces the page’s one script tag with the code inline', () => {
    expect(inlineModuleScript(`<body><p>x</p>${tag}</body>`, '/_astro/site.js', 'go("$&")', 'index.html')).toBe(
      '<body><p>x</p><script type="module">go("$&")</script></body>',
    );
  });

  test('stops naming the page when the tag is missing or there twice', () => {
    expect(() => inlineModuleScript('<body></body>', '/_astro/site.js', 'go()', 'a/index.html')).toThrow(
      /^a\/index\.html: expected .* once, found it 0 times$/,
    );
    expect(() => inlineModuleScript(tag + tag, '/_astro/site.js', 'go()', 'b.html')).toThrow(/found it 2 times/);
  });
});
