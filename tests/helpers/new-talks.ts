/**
 * A copy of content/ with two talks added the way an editor adds them (tests/fixtures/content/
 * new-talks/README.md): speaker files, `npm run import` of each transcript, the reviewed
 * talk.yaml. Used to prove the site and its tests welcome new talks (tests/build/new-talks.test.ts).
 */
import { cp, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runImport } from '../../src/cli/import-command';
import { readPermalinks, unlisted } from '../../src/lib/sharing/permalinks';
import type { FixtureSite } from './fixture-build';
import { fixturesDir } from './fixture-build';
import { root } from './paths';
import { publishedUrls } from './published';

export const NEW_TALKS_FIXTURE = path.join(fixturesDir, 'new-talks');

/** The added talks: slug, transcript and reviewed talk.yaml in the fixture folder, import options. */
export const NEW_TALKS = [
  { slug: 'open-data-panel', title: 'Open Data for Speech Research', date: '2025-03-18', language: 'en' },
  { slug: 'data-and-evaluation', title: '评测数据从哪里来', date: '2024-04-02', language: 'zh-CN' },
] as const;

export interface ImportReport {
  slug: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** A temp folder holding a copy of content/ (and a node_modules link), ready for addNewTalks. */
export async function prepareContentCopy(parent: string, name: string): Promise<FixtureSite> {
  const dir = await mkdtemp(path.join(parent, `${name}-`));
  const site = {
    dir,
    contentDir: path.join(dir, 'content'),
    outDir: path.join(dir, 'out'),
    cacheDir: path.join(dir, 'cache'),
  };
  await cp(path.join(root, 'content'), site.contentDir, { recursive: true });
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return site;
}

/** Adds the speakers, imports each transcript with today's importer and puts the reviewed talk.yaml in place. */
export async function addNewTalks(site: FixtureSite): Promise<ImportReport[]> {
  await cp(path.join(NEW_TALKS_FIXTURE, 'speakers'), path.join(site.contentDir, 'speakers'), { recursive: true });
  const reports: ImportReport[] = [];
  for (const talk of NEW_TALKS) {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runImport(
      [
        path.join(NEW_TALKS_FIXTURE, `${talk.slug}.txt`),
        '--talk',
        talk.slug,
        '--title',
        talk.title,
        '--date',
        talk.date,
      ],
      {
        cwd: site.dir,
        env: { HUITAN_CONTENT_DIR: site.contentDir },
        stdout: (text) => stdout.push(text),
        stderr: (text) => stderr.push(text),
      },
    );
    reports.push({ slug: talk.slug, code, stdout: stdout.join('\n'), stderr: stderr.join('\n') });
    if (code === 0)
      await cp(
        path.join(NEW_TALKS_FIXTURE, `${talk.slug}.yaml`),
        path.join(site.contentDir, 'talks', talk.slug, 'talk.yaml'),
      );
  }
  return reports;
}

/**
 * Lists the built site's new addresses in its content/permalinks.json, as the build is to do by
 * itself (another change): the permalink tests then hold the new talks to the same promise.
 */
export async function joinNewPermalinks(site: FixtureSite): Promise<string[]> {
  const file = path.join(site.contentDir, 'permalinks.json');
  const list = JSON.parse(await readFile(file, 'utf8')) as { published: string[]; redirects: Record<string, string> };
  const added = unlisted(readPermalinks(site.contentDir), publishedUrls(site.outDir));
  list.published = [...list.published, ...added].sort();
  await writeFile(file, `${JSON.stringify(list, null, 2)}\n`);
  return added;
}
