/**
 * The site's own words in Chinese (zh-CN), the default locale: every heading, label, button and
 * sentence the interface says, as plain strings or as functions of the values they contain
 * (counts, names, titles). en.ts has exactly the same keys (its type is this file's); components
 * and pages get either through `ui(locale)` (ui.ts) and hard-code none.
 *
 * `scriptText` is apart: the browser scripts import only it (script-text.ts), so the page
 * dictionary below never reaches a bundle. Content words (titles, names, transcripts) are not
 * here: they come from the content folder.
 */
import { isoParts } from './grammar';

/** The words the lazy browser scripts show: statuses, buttons they make, copy confirmations. */
export const scriptText = {
  copy: {
    copied: (what: string) => `已复制${what}`,
    selected: (what: string) => `无法直接复制，已选中${what}，请按 Ctrl+C（⌘C）复制`,
  },
  passage: {
    groupLabel: '选中文字的链接',
    button: '复制这段文字的链接',
    what: '这段文字的链接',
    manual: (url: string) => `无法直接复制，请手动复制：${url}`,
  },
  share: {
    what: {
      url: '链接',
      text: '引文',
      gbt: 'GB/T 7714 引用',
      apa: 'APA 引用',
      chicago: 'Chicago 引用',
      turnText: '发言全文',
    },
    /** The title handed to the system share sheet. */
    shareTitle: (label: string) => `${label}｜会谈`,
    /** The line under a copied turn: who said it, where, and the link. */
    turnSource: (author: string, talk: string, url: string) => `——${author}，${talk} ${url}`,
    /** The same line under a copied translated turn: it says whose translation it is and from what. */
    translatedTurnSource: (author: string, talk: string, url: string, by: string, language: string) =>
      `——${author}，${talk}（${by}译自${language}）${url}`,
    /**
     * A share panel's rows and buttons: the server renders them on cite and share pages
     * (SharePanel.astro, through the page dictionary's `share`), share-menu.ts builds them into
     * a reader's light menu when it opens.
     */
    panel: {
      /** Between a button's words and the hidden name of what it shares. */
      labelSeparator: '：',
      link: '链接',
      quote: '引文',
      copyLink: '复制链接',
      copyQuote: '复制引文',
      turnText: '全文',
      copyTurnText: '复制发言全文与出处',
      /** The citation styles' own names (the same in every language). */
      gbtTerm: 'GB/T 7714',
      apaTerm: 'APA',
      copyGbt: '复制 GB/T 7714 引用',
      copyApa: '复制 APA 引用',
      /** A translation is cited in APA and Chicago (citation.ts), not GB/T 7714. */
      chicagoTerm: 'Chicago',
      copyChicago: '复制 Chicago 引用',
      native: '通过系统分享…',
    },
  },
  /** The close button note-close.ts adds to each note: in the note's language, as its other words. */
  notes: { close: '关闭' },
  filter: {
    all: (total: number) => `显示全部 ${total} 段发言`,
    some: (shown: number, total: number) => `显示 ${shown} / ${total} 段发言`,
  },
  search: {
    more: '显示更多',
    failed: '搜索暂时无法使用，请稍后再试。',
    empty: '请输入要搜索的文字。',
    onlySymbols: '请输入要搜索的文字（标点和符号不参与搜索）。',
    /** A chosen talk, as the status names it. */
    talk: (title: string) => `《${title}》`,
    /** Joins the chosen speaker and talk in the status. */
    and: '，',
    speakerAll: (name: string, found: number) => `${name}的全部发言：${found} 段`,
    found: (found: number, query: string, within: string | undefined) =>
      `找到 ${found} 段包含“${query}”的发言${within ? `（${within}）` : ''}`,
    notFound: (query: string, within: string | undefined) =>
      `没有找到包含“${query}”的发言${within ? `（${within}）` : ''}。`,
    textInstead: (query: string) => `改为搜索提到“${query}”的文字`,
    clearFacet: (total: number) => `清除发言人筛选（共 ${total} 段）`,
    /**
     * A site in several languages: the results in the page's language come first and are counted;
     * the status adds the others (`found … ` + alsoIn), or counts them when the page's language has none.
     */
    alsoIn: (count: number, language: string) => `，另有 ${count} 段${language}发言`,
    foundIn: (found: number, query: string, language: string, within: string | undefined) =>
      `找到 ${found} 段包含“${query}”的${language}发言${within ? `（${within}）` : ''}`,
    /** A result in another language than the page's says so: a translation, or the original. */
    shownIn: (language: string, translation: boolean) => `${language}${translation ? '译文' : '原文'}`,
    /** Languages by primary subtag, as the statuses and labels above name them. */
    languages: { zh: '中文', en: '英文' } as Record<string, string>,
    otherLanguages: '其他语言',
    /** The button under the results that lists those in other languages (they are counted in alsoIn). */
    showOthers: (count: number, language: string) => `显示 ${count} 段${language}发言`,
  },
};

/** Units a talk is measured in (talk-stats.ts `TextMeasure.unit`). */
const UNIT = { characters: '字', words: '词' } as const;
type Unit = keyof typeof UNIT;

export const zhCN = {
  /** BCP 47 tag of pages in this locale (`<html lang>`) and its Open Graph form. */
  lang: 'zh-CN',
  ogLocale: 'zh_CN',
  /** The language's own name, for the language switch. */
  languageName: '中文',
  site: {
    documentTitle: (title: string) => `${title} · 会谈 Huitan`,
    ogSiteName: '会谈 Huitan',
    /** The brand: its name in this locale, then in the other (with that one's language). */
    /** The logo's one character (Chinese in either locale). */
    brandMark: '会',
    brand: '会谈',
    brandOther: 'Huitan',
    brandOtherLang: 'en',
    tagline: '把会议实录做成好读的文本',
    skipLink: '跳到正文',
    /** A talk's title where a sentence names it. */
    quoteTitle: (title: string) => `《${title}》`,
    unverified: '（未核实）',
    unverifiedTitle: '未找到可靠来源核实',
    host: '主持',
    participants: '对话者',
    cardAlt: (span: string, name: string) => `引文卡片：“${span}” ——${name}`,
    /** "2023-07-06" → "2023年7月6日". Throws on anything that is not an ISO date. */
    date: (iso: string) => {
      const [year, month, day] = isoParts(iso);
      return `${year}年${month}月${day}日`;
    },
    unit: (unit: Unit): string => UNIT[unit],
  },
  edition: {
    /** Every page of a translated edition says so, and links to the original page. */
    notice: (by: string, language: string) => `本页为${by}的译文，以${language}原文为准。`,
    original: '阅读原文',
  },
  languageSwitch: {
    label: '语言',
    /** Visible text of the link to the page in `name` (that language's own name). */
    link: (name: string) => name,
  },
  home: {
    title: '会议实录阅读器',
    socialTitle: '会谈 Huitan · 会议实录阅读器',
    description: '会谈把会议与圆桌的实录做成好读、可筛选、可引用的文本。',
    heading: '会谈',
    lede: '会议与圆桌的实录：按发言人筛选，按问题跳读，引用任何一句话。',
    listHeading: '全部实录',
  },
  talkCard: {
    more: (turns: number, sections: number) => `${turns} 段发言 · ${sections} 个话题`,
    by: (name: string) => `——${name}`,
  },
  notFound: {
    title: '找不到这个页面',
    description: '这个地址没有内容。',
    text: '链接可能写错了，或者这段内容已经搬走。',
    home: '返回全部实录',
  },
  moved: {
    title: '页面已移动',
    description: '这个页面已移动到新的地址。',
    target: '新的地址：',
  },
  search: {
    title: '搜索',
    description: '在全部实录中搜索发言：按词语、短语或发言人查找，结果直达那一段发言。',
    needsJs: '搜索需要启用 JavaScript。不用它也可以阅读全部实录：',
    needsJsHome: '返回实录列表',
    needsJsAfter: '，或在实录页按发言人筛选。',
    fieldLabel: '搜索发言',
    placeholder: '如：幻觉、多模态、DragGAN、杨植麟',
    submit: '搜索',
    speakerFacet: '发言人',
    talkFacet: '实录',
    all: '全部',
    results: '搜索结果',
    dialogTitle: '搜索',
    openPage: '在搜索页打开',
    close: '关闭',
    closeWhat: '搜索',
  },
  reader: {
    title: (title: string, event: string) => `${title}｜${event}`,
    tools: '阅读工具',
    aboutLink: '关于这份实录',
    aboutLinkRest: (corrections: number) => `：谁说了多少，${corrections}处更正，来源与编辑说明。`,
  },
  talkHeader: {
    date: '日期',
    venue: '地点',
    length: '篇幅',
    source: '来源',
    lengthText: (length: number, unit: Unit, turns: number, minutes: number) =>
      `全文${length}${UNIT[unit]}，${turns}段发言，约${minutes}分钟读完`,
    sourceOpen: '《',
    sourceClose: '》',
    /** Around the platform and account: （微信公众号 ID：xzluomor）. */
    accountOpen: '（',
    accountId: ' ID：',
    accountClose: '）',
    sourceNotes: '来源与编辑说明',
  },
  participants: {
    source: '来源',
    sourceOf: (name: string) => `：${name}的简介`,
  },
  outline: {
    heading: '目录',
    turns: (turns: number) => `${turns} 段`,
    length: (length: number, unit: Unit, minutes: number) => `${length}${UNIT[unit]}，约${minutes}分钟`,
  },
  filter: {
    heading: '只看',
    legend: '选择要显示的发言人',
    turns: (turns: number) => `${turns} 段发言`,
    keepHost: '保留主持人的提问',
    reset: '显示全部',
  },
  modes: {
    heading: '阅读模式',
    original: '原文',
    translation: '译文',
    both: '对照',
    /** The bilingual page's title, short like the about page's: the mode and the talk's subtitle (or title). */
    title: (title: string, subtitle?: string) => `原文译文对照｜${subtitle ?? title}`,
  },
  /** The bar at the bottom of a reader on a phone: each button opens one panel of the reader's tools. */
  toolbar: {
    outline: '目录',
    filter: '筛选',
    modes: '模式',
  },
  keyQuotes: {
    heading: '金句',
    inContext: '在原文中查看',
    inContextOf: (name: string) => `：${name}的这句话`,
  },
  turn: {
    host: '主持人',
    sourceLabel: (label: string) => `原文标为“${label}”`,
    folded: (paragraphs: number) => `已折叠 ${paragraphs} 段 · 展开`,
    unfold: '收起',
    whose: (name: string) => `${name}的发言`,
    link: (name: string) => `${name}这段发言的链接`,
    /** On a translated turn: the link to the same turn in the original. */
    original: '原文',
    originalWhose: (name: string) => `：${name}这段发言的原文`,
  },
  /**
   * An inline note as readers see it (src/plugins/note-markup.ts): the name of its kind, shown on
   * the marker, at the head of the open note and in print; the marker's accessible name (the
   * close button that JavaScript adds is scriptText's `notes`). The words follow the language the note is written in (an English translation's
   * notes take en.ts's), not the page's. The prefix an editor writes is the note dialect's
   * (src/lib/content/notes.ts, src/schemas/translation.ts), not these words.
   */
  notes: {
    kinds: {
      context: '背景',
      correction: '更正',
      term: '术语',
      /** Only translations have translator's notes; the Chinese word stands for completeness. */
      translator: '译注',
    },
    markerName: (kind: string) => `${kind}注释`,
  },
  share: {
    summary: '分享与引用',
    more: '引文与引用格式',
    ...scriptText.share.panel,
    /** Names a turn or a key quote in labels (ShareTarget.label). */
    turnLabel: (name: string) => `${name}这段发言`,
    quoteLabel: (name: string) => `${name}的这句话`,
  },
  about: {
    /** `subtitle`: a shorter name where a language needs one to keep the tab title short. */
    title: (title: string, _subtitle?: string) => `关于这份实录｜${title}`,
    description: (title: string) => `《${title}》实录的发言统计、更正与来源。`,
    heading: '关于这份实录',
    lede: '谁说了多少，编辑更正了哪些地方，每条资料从何而来。',
    back: '回到实录',
  },
  corrections: {
    heading: '更正',
    intro: (count: number) =>
      `发言原文保持不变。以下${count}处是编辑认为原文有误之处及正确的读法，每条都链接到原文位置；无法核实的推断已注明“未核实”。`,
    where: (position: number, name: string) => `第${position}段·${name}`,
    wrongLabel: (label: string, name: string) => `原文把这段发言的说话人标为“${label}”，即${name}。`,
  },
  speakerLabels: {
    heading: '原文的说话人标注',
    intro: '原文用下列称呼标注说话人。它们不是错误，本页改用说话人的姓名，这里列出每一处，供读者核对。',
    label: (label: string) => `“${label}”：`,
    alias: (name: string) => `${name}的另一称呼`,
    role: (name: string) => `编辑认定为${name}`,
    see: '，见',
    separator: '、',
    turn: (position: number) => `第${position}段`,
    end: '。',
  },
  sourceNotes: {
    heading: '来源与编辑说明',
    /** The credit: 本文据 <platform>「<account>」发布的《<title>》整理，… */
    creditBefore: '本文据',
    accountOpen: '「',
    accountClose: '」',
    creditTitleOpen: '发布的《',
    creditAfter: '》整理，对话者发言以原文为准。',
    factSources: '事实核查：每条资料的来源',
    date: '日期',
    venue: '地点',
    session: '场次',
    publisher: '发布者',
    affiliation: (name: string) => `${name}·机构`,
    role: (name: string) => `${name}·身份`,
    labelSeparator: '：',
    sourceSeparator: '——',
    unverified: '未核实',
    inTranscript: '见原文',
    otherTalk: '见另一场实录',
    source: '来源',
  },
  stats: {
    heading: '谁说了多少',
    length: (length: number, unit: Unit, turns: number, minutes: number) =>
      `全文${length}${UNIT[unit]}，${turns}段发言，约${minutes}分钟读完`,
    speed: (perMinute: number, unit: Unit) => `（按每分钟${perMinute}${UNIT[unit]}计）`,
    chartTitle: (unit: Unit) => `各人发言次数与${UNIT[unit]}数占全场的比例`,
    turnsLegend: '发言次数',
    lengthLegend: (unit: Unit) => `${UNIT[unit]}数`,
    turnsValue: (turns: number, share: string) => `${turns}段 · ${share}`,
    lengthValue: (length: number, unit: Unit, share: string) => `${length}${UNIT[unit]} · ${share}`,
    table: '数据表',
    speaker: '发言者',
    share: '占比',
    total: '合计',
    stripHeading: '谁在何时发言',
    stripHint: (unit: Unit) => `从左到右是谈话的顺序，每一格的宽度是这段发言的${UNIT[unit]}数；点一格即跳到那段发言。`,
    segment: (position: number, name: string, length: number, unit: Unit) =>
      `第${position}段：${name}，${length}${UNIT[unit]}`,
  },
  cite: {
    title: (title: string, _subtitle?: string) => `引用《${title}》`,
    description: (title: string) => `《${title}》每段发言的链接，以及 GB/T 7714 与 APA 格式的引用。`,
    heading: '引用这场对话',
    lede: '每段发言都有自己的链接。引用时请注明发言人；引用格式中的链接直达那一段。',
    turnTitle: (position: number, name: string) => `第 ${position} 段 · ${name}`,
    read: '在原文中阅读',
    readWhose: (name: string) => `${name}的这段发言`,
  },
  quotePage: {
    heading: (name: string) => `${name}的金句`,
    quoted: (span: string) => `“${span}”`,
    separator: '，',
    dateUnverified: '（日期未核实）',
    inContext: '在原文中查看这句话',
    headline: '编辑提要（金句汇总的转述，非原话）：',
    /** A translated quote's page (quote-page.ts translatedQuotePage fills {by} and {language}). */
    translated: {
      translation: '{by}译自{language}',
      cardAlt: '引文卡片',
      original: '{language}原文',
      authoritative: '以{language}原文为准。',
    },
  },
  speaker: {
    title: (name: string) => `${name}的发言`,
    description: (name: string) => `${name}在会谈收录的实录中的全部发言。`,
    count: (talks: number, turns: number) => `${talks} 场对话，${turns} 段发言`,
    none: '暂无收录的发言。',
    part: (host: boolean, turns: number) => `${host ? '主持' : '嘉宾'}，${turns} 段发言`,
    turn: (position: number) => `第 ${position} 段`,
    quote: '金句：',
  },
  scripts: scriptText,
};

/** The dictionary's shape: every locale's has these keys, with these value types. */
export type Dictionary = typeof zhCN;
export type ScriptText = typeof scriptText;
