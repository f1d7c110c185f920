/**
 * The site's own words in English. Typed by the Chinese dictionary (zh-CN.ts): TypeScript
 * refuses a missing key, an extra key or a value of another shape, so the two stay in step.
 * Plain, short interface English; counts go through `countOf` (grammar.ts) for their plurals.
 */
import { countOf, englishDate } from './grammar';
import type { Dictionary, ScriptText } from './zh-CN';

type Unit = 'characters' | 'words';
/** Characters a page's own title may take: with ` · Huitan` (documentTitle) it stays within 70. */
export const TITLE_ROOM = 61;
const UNIT = { characters: 'character', words: 'word' } as const;
/** "3,856 words": a length in the talk's unit. */
const measured = (length: number, unit: Unit) => countOf(length, UNIT[unit]);
/** Adds a parenthesised "(within …)" to a search status when a facet narrows it. */
const within = (narrowed: string | undefined) => (narrowed ? ` (${narrowed})` : '');

export const scriptText: ScriptText = {
  copy: {
    copied: (what) => `Copied the ${what}`,
    selected: (what) => `Could not copy directly: the ${what} is selected, press Ctrl+C (⌘C) to copy it`,
  },
  passage: {
    groupLabel: 'Link to the selected text',
    button: 'Copy a link to this passage',
    what: 'link to this passage',
    manual: (url) => `Could not copy directly. Copy this link by hand: ${url}`,
  },
  share: {
    what: {
      url: 'link',
      text: 'quote',
      gbt: 'GB/T 7714 citation',
      apa: 'APA citation',
      chicago: 'Chicago citation',
      turnText: 'full turn',
    },
    shareTitle: (label) => `${label} | Huitan`,
    turnSource: (author, talk, url) => `— ${author}, ${talk} ${url}`,
    translatedTurnSource: (author, talk, url, by, language) =>
      `— ${author}, ${talk} (${by}’s translation from the ${language}) ${url}`,
    panel: {
      labelSeparator: ': ',
      link: 'Link',
      quote: 'Quote',
      copyLink: 'Copy link',
      copyQuote: 'Copy quote',
      turnText: 'Full text',
      copyTurnText: 'Copy the turn with its source',
      gbtTerm: 'GB/T 7714',
      apaTerm: 'APA',
      copyGbt: 'Copy GB/T 7714 citation',
      copyApa: 'Copy APA citation',
      chicagoTerm: 'Chicago',
      copyChicago: 'Copy Chicago citation',
      native: 'Share…',
    },
  },
  notes: { close: 'Close' },
  filter: {
    all: (total) => `Showing all ${countOf(total, 'turn')}`,
    some: (shown, total) => `Showing ${shown} of ${countOf(total, 'turn')}`,
  },
  search: {
    more: 'Show more',
    failed: 'Search is not available right now. Please try again later.',
    empty: 'Type something to search for.',
    onlySymbols: 'Type some words to search for (punctuation and symbols are ignored).',
    talk: (title) => title,
    and: ', ',
    speakerAll: (name, found) => `Everything ${name} said: ${countOf(found, 'turn')}`,
    found: (found, query, narrowed) => `${countOf(found, 'turn')} with “${query}”${within(narrowed)}`,
    notFound: (query, narrowed) => `No turns with “${query}”${within(narrowed)}.`,
    textInstead: (query) => `Search for the words “${query}” instead`,
    clearFacet: (total) => `Clear the filters (${countOf(total, 'turn')})`,
    alsoIn: (count, language) => `, and ${countOf(count, 'turn')} in ${language}`,
    foundIn: (found, query, language, narrowed) =>
      `${countOf(found, 'turn')} with “${query}” in ${language}${within(narrowed)}`,
    shownIn: (language, translation) => (translation ? `Shown in the ${language} translation` : `Shown in ${language}`),
    languages: { zh: 'Chinese', en: 'English' },
    otherLanguages: 'other languages',
    showOthers: (count, language) => `Show ${countOf(count, 'turn')} in ${language}`,
  },
};

export const en: Dictionary = {
  lang: 'en',
  ogLocale: 'en_US',
  languageName: 'English',
  site: {
    // Latin only, and short: English titles stay within 70 characters (html-validate long-title).
    documentTitle: (title) => `${title} · Huitan`,
    ogSiteName: 'Huitan 会谈',
    brandMark: '会',
    brand: 'Huitan',
    brandOther: '会谈',
    brandOtherLang: 'zh-CN',
    tagline: 'conference transcripts made readable',
    skipLink: 'Skip to content',
    quoteTitle: (title) => title,
    unverified: ' (unverified)',
    unverifiedTitle: 'No reliable source found to verify this',
    host: 'Host',
    participants: 'Speakers',
    cardAlt: (span, name) => `Quote card: “${span}” — ${name}`,
    date: englishDate,
    unit: (unit) => `${UNIT[unit]}s`,
  },
  edition: {
    notice: (by, language) => `This is ${by}’s translation. The ${language} original is authoritative: `,
    original: 'read the original',
  },
  languageSwitch: {
    label: 'Language',
    link: (name) => name,
  },
  home: {
    title: 'Conference transcripts',
    socialTitle: 'Huitan · Conference transcripts',
    description: 'Huitan turns conference and panel transcripts into text that is easy to read, filter and quote.',
    heading: 'Huitan',
    lede: 'Conference and panel transcripts: filter by speaker, jump to a question, quote any sentence.',
    listHeading: 'All transcripts',
  },
  talkCard: {
    more: (turns, sections) => `${countOf(turns, 'turn')} · ${countOf(sections, 'topic')}`,
    by: (name) => `— ${name}`,
  },
  notFound: {
    title: 'Page not found',
    description: 'There is nothing at this address.',
    text: 'The link may be mistyped, or the page has moved.',
    home: 'Back to all transcripts',
  },
  moved: {
    title: 'Page moved',
    description: 'This page has moved to a new address.',
    target: 'New address: ',
  },
  search: {
    title: 'Search',
    description: 'Search every transcript by word, phrase or speaker; each result opens the turn it was found in.',
    needsJs: 'Search needs JavaScript. You can still read every transcript without it: ',
    needsJsHome: 'back to the transcripts',
    needsJsAfter: ', or filter a transcript by speaker.',
    fieldLabel: 'Search the talks',
    placeholder: 'e.g. hallucination, multimodal, DragGAN, Yang Zhilin',
    submit: 'Search',
    speakerFacet: 'Speaker',
    talkFacet: 'Transcript',
    all: 'All',
    results: 'Search results',
    dialogTitle: 'Search',
    openPage: 'Open the search page',
    close: 'Close',
    closeWhat: ' search',
  },
  reader: {
    // The event only where it fits: a long title alone keeps the tab title within 70 characters.
    title: (title, event) => (title.length + event.length + 3 <= TITLE_ROOM ? `${title} | ${event}` : title),
    tools: 'Reading tools',
    aboutLink: 'About this transcript',
    aboutLinkRest: (corrections) =>
      `: who spoke how much, ${countOf(corrections, 'correction')}, sources and editing notes.`,
  },
  talkHeader: {
    date: 'Date',
    venue: 'Venue',
    length: 'Length',
    source: 'Source',
    lengthText: (length, unit, turns, minutes) =>
      `${measured(length, unit)}, ${countOf(turns, 'turn')}, about ${countOf(minutes, 'minute')} to read`,
    sourceOpen: '“',
    sourceClose: '”',
    accountOpen: ' (',
    accountId: ' ID: ',
    accountClose: ')',
    sourceNotes: 'Sources and editing notes',
  },
  participants: {
    source: 'Source',
    sourceOf: (name) => `: ${name}’s profile`,
  },
  outline: {
    heading: 'Contents',
    turns: (turns) => countOf(turns, 'turn'),
    length: (length, unit, minutes) => `${measured(length, unit)}, about ${minutes} min`,
  },
  filter: {
    heading: 'Show only',
    legend: 'Choose the speakers to show',
    turns: (turns) => countOf(turns, 'turn'),
    keepHost: 'Keep the host’s questions',
    reset: 'Show all',
  },
  modes: {
    heading: 'Reading mode',
    original: 'Original',
    translation: 'Translation',
    both: 'Side by side',
    title: (title, subtitle) => `Side by side | ${subtitle ?? title}`,
  },
  toolbar: {
    outline: 'Contents',
    filter: 'Speakers',
    modes: 'Mode',
  },
  keyQuotes: {
    heading: 'Key quotes',
    inContext: 'Read in context',
    inContextOf: (name) => `: ${name}’s words`,
  },
  turn: {
    host: 'Host',
    sourceLabel: (label) => `Labelled “${label}” in the source`,
    folded: (paragraphs) => `${countOf(paragraphs, 'paragraph')} folded · Expand`,
    unfold: 'Collapse',
    whose: (name) => `: ${name}’s turn`,
    link: (name) => `Link to ${name}’s turn`,
    original: 'Original',
    originalWhose: (name) => `: ${name}’s turn in the original`,
  },
  notes: {
    kinds: {
      context: 'Context',
      correction: 'Correction',
      term: 'Term',
      // The typographic apostrophe, as in the site's other English words.
      translator: 'Translator’s note',
    },
    markerName: (kind) => `Note: ${kind}`,
  },
  share: {
    summary: 'Share and cite',
    more: 'Quote and citation formats',
    ...scriptText.share.panel,
    turnLabel: (name) => `${name}’s turn`,
    quoteLabel: (name) => `${name}’s quote`,
  },
  about: {
    title: (title, subtitle) => `About this transcript | ${subtitle ?? title}`,
    description: (title) => `Who spoke how much in “${title}”, the editor’s corrections and the sources.`,
    heading: 'About this transcript',
    lede: 'Who spoke how much, what the editor corrected, and where every fact comes from. ',
    back: 'Back to the transcript',
  },
  corrections: {
    heading: 'Corrections',
    intro: (count) =>
      `The speakers’ words are left as published. Below are the ${countOf(count, 'place')} where the editor believes the source is wrong, with the right reading, each linked to its place in the text; inferences that could not be verified are marked “unverified”.`,
    where: (position, name) => `Turn ${position} · ${name}`,
    wrongLabel: (label, name) => `The source labels this turn’s speaker “${label}”; it is ${name}.`,
  },
  speakerLabels: {
    heading: 'Speaker labels in the source',
    intro:
      'The source labels speakers with the names below. They are not mistakes: this page uses each speaker’s name instead, and lists every place here so that you can check.',
    label: (label) => `“${label}”: `,
    alias: (name) => `another name for ${name}`,
    role: (name) => `identified by the editor as ${name}`,
    see: '; see ',
    separator: ', ',
    turn: (position) => `turn ${position}`,
    end: '.',
  },
  sourceNotes: {
    heading: 'Sources and editing notes',
    creditBefore: 'Edited from the transcript published by ',
    accountOpen: ' (',
    accountClose: ')',
    creditTitleOpen: ', “',
    creditAfter: '”. The source is authoritative for what the speakers said.',
    factSources: 'Fact check: the source of every fact',
    date: 'Date',
    venue: 'Venue',
    session: 'Session',
    publisher: 'Publisher',
    affiliation: (name) => `${name} · affiliation`,
    role: (name) => `${name} · role`,
    labelSeparator: ': ',
    sourceSeparator: ' — ',
    unverified: 'unverified',
    inTranscript: 'see the transcript',
    otherTalk: 'see another transcript',
    source: 'source',
  },
  stats: {
    heading: 'Who spoke how much',
    length: (length, unit, turns, minutes) =>
      `${measured(length, unit)}, ${countOf(turns, 'turn')}, about ${countOf(minutes, 'minute')} to read`,
    speed: (perMinute, unit) => ` (at ${measured(perMinute, unit)} a minute)`,
    chartTitle: (unit) => `Each speaker’s share of the turns and of the ${UNIT[unit]}s`,
    turnsLegend: 'Turns',
    lengthLegend: (unit) => `${UNIT[unit][0]!.toUpperCase()}${UNIT[unit].slice(1)}s`,
    turnsValue: (turns, share) => `${countOf(turns, 'turn')} · ${share}`,
    lengthValue: (length, unit, share) => `${measured(length, unit)} · ${share}`,
    table: 'Data table',
    speaker: 'Speaker',
    share: 'Share',
    total: 'Total',
    stripHeading: 'Who spoke when',
    stripHint: (unit) =>
      `The talk runs from left to right; each block is as wide as its turn is long in ${UNIT[unit]}s. Select a block to go to that turn.`,
    segment: (position, name, length, unit) => `Turn ${position}: ${name}, ${measured(length, unit)}`,
  },
  cite: {
    title: (title, subtitle) => `Cite “${subtitle ?? title}”`,
    description: (title) => `A link to every turn of “${title}”, with GB/T 7714 and APA citations.`,
    heading: 'Cite this conversation',
    lede: 'Every turn has its own link. Name the speaker when you quote; the link in each citation goes straight to the turn.',
    turnTitle: (position, name) => `Turn ${position} · ${name}`,
    read: 'Read in the transcript',
    readWhose: (name) => `: ${name}’s turn`,
  },
  quotePage: {
    heading: (name) => `A quote from ${name}`,
    quoted: (span) => `“${span}”`,
    separator: ', ',
    dateUnverified: ' (date unverified)',
    inContext: 'Read this quote in context',
    headline: 'Editor’s summary (a paraphrase, not the speaker’s words): ',
    translated: {
      translation: '{by}’s translation from the {language}',
      cardAlt: 'Quote card',
      original: 'The original, in {language}',
      authoritative: 'The {language} original is authoritative.',
    },
  },
  speaker: {
    title: (name) => `What ${name} said`,
    description: (name) => `Every turn by ${name} in the transcripts on Huitan.`,
    count: (talks, turns) => `${countOf(talks, 'conversation')}, ${countOf(turns, 'turn')}`,
    none: 'No turns collected yet.',
    part: (host, turns) => `${host ? 'Host' : 'Guest'}, ${countOf(turns, 'turn')}`,
    turn: (position) => `Turn ${position}`,
    quote: 'Key quote: ',
  },
  scripts: scriptText,
};
