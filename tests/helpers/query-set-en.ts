/**
 * The English held-out query set of the WAIC talk's English translation
 * (content/talks/waic-2023-roundtable/translations/en/turns/): each query with the turns a reader
 * wants, written by hand from reading the translation's spoken paragraphs (notes are not
 * searched), not computed. Words are asked for in other inflections than the text uses, phrases
 * in quotes, words one speaker said, and words nobody said. No query names Yuan Yang or Pan
 * Xingang: their names' English order may still change in the translation.
 *
 * Where the Porter stemmer joins words a reader would keep apart, the expectation stays what a
 * reader wants and the extra turn counts against precision ("generated" also finds "general").
 */

export interface EnglishQuery {
  query: string;
  /** Anchors of the turns a reader wants, in any order. */
  expected: string[];
  /** Why the query is in the set. */
  why: string;
}

export const ENGLISH_QUERIES: EnglishQuery[] = [
  // single words, in another inflection than the text's
  { query: 'hallucinations', expected: ['xu-li-asks-yang', 'yang-shared-problems'], why: 'plural of "hallucination"' },
  {
    query: 'models',
    expected: [
      'xu-li-opening',
      'xu-li-asks-yuan',
      'yuan-modality-completion',
      'xu-li-asks-yang',
      'yang-shared-problems',
      'xu-li-asks-pan',
      'pan-gan-vs-diffusion',
      'xu-li-closing-question',
      'yao-paperwork',
      'yuan-healthcare',
    ],
    why: '"model" and "models", not "modality"',
  },
  { query: 'learned', expected: ['yao-rl-breakthrough', 'yuan-healthcare'], why: '"learn", "learning"' },
  { query: 'reinforce', expected: ['yao-rl-breakthrough', 'xu-li-asks-yuan'], why: '"reinforcement"' },
  { query: 'robot', expected: ['yao-rl-breakthrough'], why: '"robots"' },
  {
    query: 'breakthrough',
    expected: ['xu-li-opening', 'yao-rl-breakthrough', 'xu-li-asks-yuan'],
    why: '"breakthroughs", "breakthrough"',
  },
  {
    query: 'generated',
    expected: ['yuan-modality-completion', 'xu-li-asks-pan', 'pan-gan-vs-diffusion', 'pan-video-and-3d'],
    why: '"generating", "generation", "generative" (Porter also joins "general": two turns too many)',
  },
  { query: 'compression', expected: ['yang-shared-problems'], why: 'the word as said' },
  { query: 'control', expected: ['yang-shared-problems'], why: '"controllable"' },
  {
    query: 'images',
    expected: ['yuan-modality-completion', 'pan-gan-vs-diffusion', 'pan-video-and-3d'],
    why: '"image", not "imagination"',
  },
  { query: 'multimodal', expected: ['yuan-modality-completion'], why: '"multimodality"' },
  { query: 'modalities', expected: ['yuan-modality-completion', 'xu-li-asks-yang'], why: '"modality"' },
  { query: 'patients', expected: ['yuan-healthcare'], why: '"a patient’s"' },
  { query: 'drug', expected: ['yuan-healthcare'], why: '"drugs"' },
  { query: 'memories', expected: ['yang-shared-memory'], why: '"memory"' },
  { query: 'artists', expected: ['pan-video-and-3d'], why: 'the word as said, not "artificial"' },
  {
    query: 'videos',
    expected: ['pan-gan-vs-diffusion', 'xu-li-closing-question', 'pan-video-and-3d'],
    why: '"video"',
  },
  {
    query: 'computing',
    expected: ['xu-li-opening', 'yang-shared-problems', 'pan-gan-vs-diffusion'],
    why: '"compute", "computation", "computational"',
  },
  { query: 'intelligent', expected: ['yao-rl-breakthrough', 'xu-li-asks-yuan'], why: '"intelligence"' },
  { query: 'dogs', expected: ['yuan-modality-completion'], why: '"dog"' },
  { query: 'hand', expected: ['xu-li-asks-pan'], why: '"a pair of hands"' },
  { query: 'prodigies', expected: ['xu-li-asks-yang'], why: '"a prodigy"' },
  // names and terms, any case
  {
    query: 'diffusion',
    expected: ['xu-li-asks-pan', 'pan-gan-vs-diffusion', 'xu-li-closing-question'],
    why: 'a term',
  },
  {
    query: 'gan',
    expected: ['xu-li-asks-pan', 'pan-gan-vs-diffusion', 'xu-li-closing-question'],
    why: '"GANs", not "DragGAN"',
  },
  { query: 'DragGAN', expected: ['yuan-modality-completion', 'xu-li-asks-pan'], why: 'a name' },
  { query: 'lipschitz', expected: ['pan-gan-vs-diffusion'], why: 'a name, lower case' },
  { query: 'Turing', expected: ['xu-li-opening'], why: 'a name' },
  { query: 'Tsinghua', expected: ['xu-li-opening', 'xu-li-asks-yuan'], why: '"Tsinghua’s"' },
  { query: '33', expected: ['xu-li-asks-yuan'], why: 'a number' },
  // phrases
  { query: '"reinforcement learning"', expected: ['yao-rl-breakthrough'], why: 'not "reinforcement intelligence"' },
  { query: '"modality completion"', expected: ['yuan-modality-completion', 'xu-li-asks-yang'], why: 'a term' },
  { query: '"modality alignment"', expected: ['yuan-modality-completion'], why: 'a term' },
  { query: '"latent space"', expected: ['pan-gan-vs-diffusion'], why: '"latent spaces", "latent space editing"' },
  // several words, anywhere in a turn
  {
    query: 'GAN diffusion',
    expected: ['xu-li-asks-pan', 'pan-gan-vs-diffusion', 'xu-li-closing-question'],
    why: 'both words',
  },
  // words one speaker said
  { query: 'paperwork', expected: ['yao-paperwork'], why: 'Yao’s answer' },
  { query: 'optimistic', expected: ['yuan-healthcare'], why: 'Yuan’s answer' },
  {
    query: 'animator',
    expected: ['pan-video-and-3d'],
    why: '"animators" (Porter also joins "animation": one turn too many)',
  },
  // a speaker's name: that speaker's turns
  { query: 'Yang Zhilin', expected: ['yang-shared-problems', 'yang-shared-memory'], why: 'a speaker' },
  // nobody said these
  { query: 'blockchain', expected: [], why: 'not in the talk' },
  { query: 'arts', expected: [], why: 'not inside "artificial" or "artists"' },
  { query: 'hallucinogen', expected: [], why: 'a longer word is not its prefix' },
  { query: 'transformers', expected: [], why: 'only in a note, which is not searched' },
];
