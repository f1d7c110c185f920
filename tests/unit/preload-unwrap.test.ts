import { describe, expect, test } from 'vitest';
import { PRELOAD_DEPS, unwrapPreloads } from '../../src/lib/build/preload-unwrap';

const helper = 'const __vitePreload = function preload(baseModule, deps) { return baseModule(); };\n';

describe('unwrapPreloads', () => {
  test('turns each wrapped import() back into a call of its function, leaving the helper unused', () => {
    const code =
      helper +
      `const load = () => __vitePreload(() => import("./share-menu.js")${PRELOAD_DEPS};\n` +
      `__vitePreload(async () => { const {a} = await import("./b.js");return {a}}${PRELOAD_DEPS}.then(({a}) => a());\n`;
    expect(unwrapPreloads(code)).toBe(
      helper +
        'const load = () => (() => import("./share-menu.js"))();\n' +
        '(async () => { const {a} = await import("./b.js");return {a}})().then(({a}) => a());\n',
    );
  });

  test('leaves a chunk without wrapped imports as it is', () => {
    const code = 'import(`${base}pagefind/pagefind.js`);';
    expect(unwrapPreloads(code)).toBe(code);
  });

  test('fails when a wrapper does not end the way this Vite version writes it', () => {
    expect(() => unwrapPreloads('__vitePreload(() => import("./a.js"), [])')).toThrow(
      /found 1 calls and 0 deps markers/,
    );
  });
});
