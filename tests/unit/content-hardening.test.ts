/**
 * The content check's share of the hardening (docs/security.md): speaker ids and talk slugs
 * follow the one id pattern, and images in turns are the talk's own files where it allows them.
 */
import { describe, expect, test } from 'vitest';
import { buildCatalog, ContentError, type CatalogInput, type EntryInput } from '../../src/lib/content/catalog';
import { imageProblem, type TurnImage } from '../../src/lib/content/turn-images';
import type { Speaker } from '../../src/schemas/speaker';
import type { Talk } from '../../src/schemas/talk';
import type { Turn } from '../../src/schemas/turn';

const ID_RULE = 'expected lower-case ASCII words joined by hyphens, at most 64 characters (e.g. "yao-rl-breakthrough")';
const fact = { text: '某处', source: 'transcript', unverified: false };

function speaker(id: string): EntryInput<Speaker> {
  return {
    id,
    filePath: `content/speakers/${id}.yaml`,
    data: { name: '某人', latinName: id, aliases: [], color: 'blue', role: fact, affiliation: fact },
  };
}

function talk(slug: string, data: Partial<Talk> = {}): EntryInput<Talk> {
  const talkData: Talk = {
    title: '演示',
    summary: '演示。',
    event: { name: 'Demo', fullName: 'Demo 大会' },
    date: { text: '2024-05-01', source: 'transcript', unverified: false },
    venue: fact,
    session: fact,
    language: 'zh-CN',
    participants: [{ speaker: 'xu-li', part: 'host' }],
    labels: {},
    source: { publisher: fact, title: '实录' },
    outline: [],
    images: false,
  };
  return { id: `${slug}/talk`, filePath: `content/talks/${slug}/talk.yaml`, data: { ...talkData, ...data } };
}

function turn(slug: string, body: string, speakerId = 'xu-li'): EntryInput<Turn> {
  return {
    id: `${slug}/turns/01-opens`,
    filePath: `content/talks/${slug}/turns/01-opens.md`,
    data: { anchor: 'opens', position: 1, speaker: speakerId, quotes: [] },
    body,
    bodyLine: 6,
  };
}

function problemsOf(input: CatalogInput): string[] {
  try {
    buildCatalog(input);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.problems.map(
      (problem) =>
        `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`} ${problem.field}: ${problem.message}`,
    );
  }
  throw new Error('expected a ContentError, the catalog was built');
}

describe('ids of files and folders', () => {
  test.each([
    ['Pan Xin"gang<b>', `${ID_RULE}, found "Pan Xin\\"gang<b>"`],
    ['pan_xingang', `${ID_RULE}, found "pan_xingang"`],
    ['con', `${ID_RULE}, found "con", a name Windows reserves for a device`],
  ])('refuses the speaker file name %j, naming the file', (id, problem) => {
    expect(
      problemsOf({ speakers: [speaker('xu-li'), speaker(id)], talks: [talk('demo')], turns: [turn('demo', '好。')] }),
    ).toEqual([`content/speakers/${id}.yaml file name: Unexpected speaker file name: ${problem}`]);
  });

  test.each([
    ['con', `${ID_RULE}, found "con", a name Windows reserves for a device`],
    ['nul', `${ID_RULE}, found "nul", a name Windows reserves for a device`],
    ['a'.repeat(250), `${ID_RULE}, found "${'a'.repeat(58)}…`],
  ])('refuses the talk folder %j, naming its talk.yaml', (slug, problem) => {
    expect(problemsOf({ speakers: [speaker('xu-li')], talks: [talk(slug)], turns: [turn(slug, '好。')] })).toEqual([
      `content/talks/${slug}/talk.yaml folder name: Unexpected talk folder name (it becomes the URL): ${problem}`,
    ]);
  });

  test('accepts a 64-character slug and a speaker id with digits', () => {
    const slug = `t${'-a1'.repeat(21)}`;
    expect(slug).toHaveLength(64);
    const catalog = buildCatalog({
      speakers: [speaker('xu-li'), speaker('li-2')],
      talks: [talk(slug)],
      turns: [turn(slug, '好。')],
    });
    expect(catalog.talks.map((t) => t.slug)).toEqual([slug]);
  });
});

describe('images in turns', () => {
  const input = (body: string, images: boolean, files: string[] = []): CatalogInput => ({
    speakers: [speaker('xu-li')],
    talks: [talk('demo', { images })],
    turns: [turn('demo', body)],
    fileExists: (file) => files.includes(file),
  });
  const FILE = 'content/talks/demo/turns/01-opens.md';

  test('a remote image is refused, even where the talk allows images, naming file, line and URL', () => {
    for (const images of [false, true]) {
      expect(problemsOf(input('好。\n\n![x](https://evil.example/t.png)', images))).toEqual([
        `${FILE}:8 body: Unexpected image "https://evil.example/t.png": expected a file of the talk, ../images/<name>.png (or .jpg, .jpeg, .webp, .gif, .avif), found a remote image (images from other hosts are never published)`,
      ]);
    }
  });

  test('an image is refused where the talk does not allow images', () => {
    expect(problemsOf(input('![图表](../images/chart.png)', false, ['talks/demo/images/chart.png']))).toEqual([
      `${FILE}:6 body: Unexpected image "../images/chart.png": expected no images in this talk, found one (set \`images: true\` in its talk.yaml to publish the talk's own image files)`,
    ]);
  });

  test('an image whose file is missing is refused', () => {
    expect(problemsOf(input('![图表](../images/chart.png)', true))).toEqual([
      `${FILE}:6 body: Unexpected image "../images/chart.png": expected the file content/talks/demo/images/chart.png, found none`,
    ]);
  });

  test('a titled image, which Astro renders as broken markup, is refused', () => {
    expect(problemsOf(input('![x](x "…")', true))).toEqual([
      `${FILE}:6 body: Unexpected image "x": expected a file of the talk, ../images/<name>.png (or .jpg, .jpeg, .webp, .gif, .avif), found an image outside ../images/ or with another name`,
    ]);
    expect(problemsOf(input('![图表](../images/chart.png "标题")', true, ['talks/demo/images/chart.png']))).toEqual([
      `${FILE}:6 body: Unexpected image title "标题" on "../images/chart.png": expected no title (describe the image in its alt text), found one`,
    ]);
  });

  test('the talk’s own existing image, described, is published', () => {
    const catalog = buildCatalog(
      input('好。\n\n![一张图表](../images/chart.png)', true, ['talks/demo/images/chart.png']),
    );
    expect(catalog.talks[0]!.turns).toHaveLength(1);
  });
});

describe('imageProblem without a talk (the render-time safety net)', () => {
  const image = (over: Partial<TurnImage>): TurnImage => ({
    url: '../images/a.png',
    title: undefined,
    alt: '图',
    line: 1,
    reference: false,
    ...over,
  });

  test.each([
    [image({}), undefined],
    [
      image({ url: 'https://evil.example/t.png' }),
      'Unexpected image "https://evil.example/t.png": expected a file of the talk, ../images/<name>.png (or .jpg, .jpeg, .webp, .gif, .avif), found a remote image (images from other hosts are never published)',
    ],
    [
      image({ title: 't' }),
      'Unexpected image title "t" on "../images/a.png": expected no title (describe the image in its alt text), found one',
    ],
    [
      image({ alt: ' ' }),
      'Unexpected image "../images/a.png" without a description: expected ![what it shows](../images/a.png), found empty alt text',
    ],
    [
      image({ url: '', alt: '图', reference: true }),
      'Unexpected image reference ![图][…]: expected an inline image ![what it shows](../images/<name>.png), found a reference',
    ],
  ])('%j → %j', (img, problem) => {
    expect(imageProblem(img)).toBe(problem);
  });
});
