/**
 * Deterministic synthetic talks for the scale bench: the real talk's five speakers and turn order
 * (13 turns, the host asking), paragraphs of sentences drawn with a seeded generator from the
 * real transcript, the real outline's sections, and 3 key quotes whose spans occur once in their
 * turns, so that every talk passes the build's content check. Same N, same files.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const SOURCE_TALK = 'waic-2023-roundtable';
/** Turns (by position) that carry a key quote. */
const QUOTE_TURNS = [2, 6, 10];

/** mulberry32: a small seeded generator, enough for varied text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SourceTurn {
  position: number;
  speaker: string;
  anchor: string;
}

/** The real transcript's sentences (notes and escapes removed) and its turns' speakers. */
async function readSource(contentDir: string) {
  const dir = path.join(contentDir, 'talks', SOURCE_TALK, 'turns');
  const sentences = new Set<string>();
  const turns: SourceTurn[] = [];
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.md')).sort()) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
    const data = parse(front) as { position: number; speaker: string; anchor: string };
    turns.push({ position: data.position, speaker: data.speaker, anchor: data.anchor });
    for (const line of body.split('\n')) {
      if (!line.trim() || /^\[\^[^\]]+\]:/.test(line)) continue;
      const clean = line.replace(/\[\^[^\]]+\]/g, '').replace(/\\(.)/g, '$1');
      for (const sentence of clean.match(/[^。！？]+[。！？]?/g) ?? []) {
        if (Array.from(sentence).length >= 8 && !/[*_[\]<>`~&#\\]/.test(sentence)) sentences.add(sentence.trim());
      }
    }
  }
  return { sentences: [...sentences], turns: turns.sort((a, b) => a.position - b.position) };
}

const countOf = (text: string, part: string) => text.split(part).length - 1;

/** Writes speakers/ and talks/synthetic-NNNN/ for `count` talks into `outDir`. */
export async function writeSyntheticTalks(contentDir: string, outDir: string, count: number): Promise<void> {
  const { sentences, turns } = await readSource(contentDir);
  const talkYaml = parse(await readFile(path.join(contentDir, 'talks', SOURCE_TALK, 'talk.yaml'), 'utf8')) as Record<
    string,
    unknown
  > & {
    outline: { id: string; title: string; question: string; start: string }[];
    date: { text: string };
  };
  const width = String(count).length;
  const slugOf = (index: number) => `synthetic-${String(index).padStart(Math.max(4, width), '0')}`;
  // Speaker facts sourced to the real talk ("talk:<slug>") point at the first synthetic talk.
  await mkdir(path.join(outDir, 'speakers'), { recursive: true });
  for (const file of await readdir(path.join(contentDir, 'speakers'))) {
    const text = await readFile(path.join(contentDir, 'speakers', file), 'utf8');
    await writeFile(path.join(outDir, 'speakers', file), text.replaceAll(`talk:${SOURCE_TALK}`, `talk:${slugOf(1)}`));
  }
  for (let index = 1; index <= count; index += 1) {
    const next = random(index * 7919);
    const pick = () => sentences[Math.floor(next() * sentences.length)]!;
    const slug = slugOf(index);
    const dir = path.join(outDir, 'talks', slug);
    await mkdir(path.join(dir, 'turns'), { recursive: true });
    const anchorOf = (turn: SourceTurn) => `${turn.speaker}-${turn.position}`;
    for (const turn of turns) {
      const paragraphs: string[] = [];
      const paragraphCount = turn.position % 2 === 1 ? 1 + Math.floor(next() * 2) : 2 + Math.floor(next() * 4);
      for (let p = 0; p < paragraphCount; p += 1) {
        const length = 2 + Math.floor(next() * 5);
        paragraphs.push(Array.from({ length }, pick).join(''));
      }
      const body = paragraphs.join('\n\n');
      const front: Record<string, unknown> = { anchor: anchorOf(turn), position: turn.position, speaker: turn.speaker };
      if (QUOTE_TURNS.includes(turn.position)) {
        const candidates = paragraphs.flatMap((paragraph) => paragraph.match(/[^。！？]+[。！？]?/g) ?? []);
        const span = candidates.find((sentence) => Array.from(sentence).length >= 12 && countOf(body, sentence) === 1);
        if (!span) throw new Error(`${slug} turn ${turn.position}: expected a sentence that occurs once, found none`);
        front['quotes'] = [{ id: `quote-${turn.position}`, headline: span, span }];
      }
      const file = `${String(turn.position).padStart(2, '0')}-${anchorOf(turn)}.md`;
      await writeFile(path.join(dir, 'turns', file), `---\n${stringify(front, { lineWidth: 0 })}---\n\n${body}\n`);
    }
    const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    const byAnchor = new Map(turns.map((turn) => [turn.anchor, anchorOf(turn)]));
    const talk = {
      ...talkYaml,
      title: `合成会谈第${index}场`,
      subtitle: `规模测试 ${index}`,
      summary: `用于规模测试的合成会谈，句子取自 WAIC 2023 圆桌实录，编号 ${index}。`,
      date: { ...talkYaml.date, text: day },
      outline: talkYaml.outline.map((section) => ({ ...section, start: byAnchor.get(section.start) ?? section.start })),
    };
    await writeFile(path.join(dir, 'talk.yaml'), stringify(talk, { lineWidth: 0 }));
  }
}
