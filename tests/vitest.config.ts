/**
 * Three test levels, one config: `unit` (pure logic, plugins, components through Astro's
 * Container API), `build` (the built site in dist/, and fixture sites that must fail to build),
 * `browser` (Debian Chromium via playwright-core against dist/ served on loopback).
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // One Chromium and one static server for all browser test files.
          globalSetup: ['tests/helpers/browser-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
