/**
 * The Chinese held-out query set of the WAIC talk: queries and how their relevant turns are found
 * (a turn is relevant when its text contains every word of the query, ignoring case; for a
 * speaker's name, when that speaker speaks it). Run through the search page in a browser
 * (tests/browser/search-quality.test.ts) and through the engine on a real index in Node
 * (tests/build/search-quality.test.ts).
 */

export interface Turn {
  anchor: string;
  speaker: string;
  text: string;
}

/** Query → who is asked for, when the query is a person rather than words. */
export const NAMES: Record<string, string> = {
  杨植麟: 'yang-zhilin',
  植麟: 'yang-zhilin',
  'Yang Zhilin': 'yang-zhilin',
  姚期智: 'yao-qizhi',
  'pan xingang': 'pan-xingang',
  袁洋: 'yuan-yang',
  徐立: 'xu-li',
};

export const QUERIES = [
  // two-character words
  '幻觉',
  '算力',
  '医疗',
  '模态',
  '压缩',
  '记忆',
  '视频',
  '理论',
  '框架',
  '动画',
  // compounds outside a general dictionary
  '多模态',
  '生成模型',
  '强化学习',
  '扩散模型',
  '大语言模型',
  '模态补全',
  '模态对齐',
  '上下文',
  '垂直领域',
  '图灵奖',
  // people mentioned in the text
  '高阳',
  '高洋',
  '姚院士',
  '潘老师',
  // mixed Chinese and Latin
  'DragGAN这篇',
  'AI的发展',
  'NTU的教授',
  'Know How',
  // Latin terms in any case
  'MoE',
  'moe',
  'DragGAN',
  'draggan',
  'GAN',
  'Diffusion Model',
  'Lipschitz',
  'latent space',
  'ChatGPT',
  'mode claps',
  // half-remembered phrases starting or ending inside a word
  '自主学习各种',
  '智能机器人',
  '头痛医头',
  '一举一反三',
  '更高质量的数据',
  '习各种的新技',
  // several words: all must occur
  'GAN 扩散模型',
  '幻觉 算力',
  '医疗 预训练',
  // one character
  '幻',
  // speakers, by name, alias and Latin name
  ...Object.keys(NAMES),
  // words nobody said
  '量子计算',
  '区块链',
];

export function relevant(query: string, turns: readonly Turn[]): string[] {
  const speaker = NAMES[query];
  if (speaker) return turns.filter((turn) => turn.speaker === speaker).map((turn) => turn.anchor);
  const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  return turns
    .filter((turn) => words.every((word) => turn.text.normalize('NFKC').toLowerCase().includes(word)))
    .map((turn) => turn.anchor);
}
