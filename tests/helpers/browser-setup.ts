/**
 * Global setup of the browser project: one Chromium and one static server for every browser
 * test file (the machines have two cores; launching per file costs seconds). Test files reach
 * them with `sharedBrowser()` and `sharedServerUrl()` from ./browser.ts. No vitest import here:
 * global setup runs outside the test context.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serveDist } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    browserWsEndpoint: string;
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const [browserServer, server] = await Promise.all([
    chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    serveDist(),
  ]);
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  project.provide('siteUrl', server.url);
  return async () => {
    await browserServer.close();
    await server.close();
  };
}
