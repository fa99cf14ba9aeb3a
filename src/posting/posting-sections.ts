import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { memoRecent, memoWeak } from '../text/memo.js';
import type { TextRange } from '../text/span-index.js';
import { type SentenceBreaks, splitLines, splitSentences, type TextSpan } from '../text/split-text.js';
import { findTerm, termsMaybeIn } from '../text/vocabulary-matcher.js';

/**
 * What a part of a posting is about. `title` is the first line or two; `about` the company and team; `duties` what
 * the hire will do; `requirements` and `optional` what they must or may bring; `benefits` and `legal` boilerplate.
 */
export type SectionKind = 'title' | 'about' | 'duties' | 'requirements' | 'optional' | 'benefits' | 'legal';

/** A sentence or bullet of the posting. `posting.text.slice(start, end) === text`. */
export interface PostingSentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly section: SectionKind;
  /** The heading it sits under, when there is one. */
  readonly heading: string | null;
  readonly bullet: boolean;
  /** Benefits, equal-opportunity and application text (by section or by the common boilerplate vocabulary). */
  readonly boilerplate: boolean;
}

/** A heading line of the posting, with the section kind it opens. */
export interface PostingHeading {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly section: SectionKind;
}

export interface PostingStructure {
  readonly sentences: readonly PostingSentence[];
  readonly headings: readonly PostingHeading[];
  /** The first few non-empty lines, where title lines name the role and the company. */
  readonly titleLines: readonly string[];
  /** The first dozen non-empty lines: a copied web page puts its navigation before the title. */
  readonly leadLines: readonly string[];
}

const sectionPatterns: readonly [SectionKind, RegExp][] = [
  ['legal', /equal (employment )?opportunit|\beeo\b|diversity|accommodation|privacy|e-verify/i],
  ['optional', /nice to have|nice-to-have|bonus|preferred|pluses|good to have|extra credit/i],
  [
    'benefits',
    /benefit|perks|what we offer|compensation|salary|\bpay\b|why join|total rewards|what you get/i,
  ],
  [
    'requirements',
    /requirement|qualification|what you('ll| will)? bring|you bring|looking for|who you are|about you|you have|must.have|skills|your background|your experience/i,
  ],
  [
    'duties',
    /responsibilit|what you('ll| will)( be)? do|the role|role overview|your impact|day to day|day-to-day|you will|you['’]ll|key duties|duties|the opportunity|the job|your work|what you['’]ll work on|what you['’]ll build/i,
  ],
  ['about', /about|who we are|our mission|the team|our team|company|overview|our story|why us|the work/i],
];

function headingKind(heading: string): SectionKind {
  for (const [kind, pattern] of sectionPatterns) if (pattern.test(heading)) return kind;
  return 'about';
}

const bulletPattern = /^\s*(?:[-*•·▪◦‣–—]|\d{1,2}[.)])\s+/;

function stripMarkup(line: string): string {
  return line
    .replace(/^\s*#{1,6}\s*/, '')
    .replace(/[*_`]+/g, '')
    .trim();
}

/** A short line that names a section ("What you will do", "## Benefits", "Requirements:"). */
function isHeading(line: string, next: string | undefined): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || bulletPattern.test(trimmed)) return false;
  if (/^#{1,6}\s/.test(trimmed)) return true;
  const plain = stripMarkup(trimmed);
  const words = plain.split(/\s+/).length;
  if (words > 7 || plain.length > 60) return false;
  if (/[.!?,;]$/.test(plain)) return false;
  if (plain.endsWith(':')) return true;
  // A short unpunctuated line followed by content is a heading; a lone last line is not.
  return next !== undefined && next.trim() !== '' && /^[A-Z0-9"“'‘]/.test(plain);
}

/** A paragraph's sentences end at . ! ? followed by space and a capital or digit; its wrapped lines go on. */
const postingSentences: SentenceBreaks = {
  lineBreaks: false,
  capitalAfter: true,
  abbreviation:
    /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|inc|ltd|co|corp|jr|sr|st|no|approx|u\.s|fig|dept|est)\.$/i,
};

/** Known heading words at the start of a line, as in "Benefits: medical, dental ...". */
const inlineHeading = /^\s*([A-Z][A-Za-z '&/-]{2,40}):\s+\S/;

/**
 * Reads a posting's layout: headings, the section each sentence or bullet sits in, and which parts are boilerplate.
 * Offsets index the posting text, so a quote taken from here is always verbatim.
 */
export function readPostingStructure(
  text: string,
  common: Pick<CommonVocabulary, 'boilerplate'>,
): PostingStructure {
  return structuresFor(common)(text);
}

// Every stage reads the same posting: the last few are remembered per vocabulary (the function is pure).
const structuresFor = memoWeak((common: Pick<CommonVocabulary, 'boilerplate'>) =>
  memoRecent(16, (text: string) => buildStructure(text, common)),
);

/**
 * Where the posting's boilerplate terms are, in text order: found once in the whole text rather than once per
 * sentence. A term is bounded by non-word characters and sentences start and end at them, so a match inside a
 * sentence's span is exactly a match in the sentence's own text.
 */
function boilerplateMatches(text: string, common: Pick<CommonVocabulary, 'boilerplate'>): TextRange[] {
  return termsMaybeIn(text, common.boilerplate)
    .flatMap((term) => findTerm(text, term))
    .sort((a, b) => a.start - b.start);
}

/** For each line, the index of the next line that is not blank (or -1). */
function nextNonBlank(lines: readonly TextSpan[]): number[] {
  const next: number[] = new Array(lines.length).fill(-1);
  let following = -1;
  for (let index = lines.length - 1; index >= 0; index--) {
    next[index] = following;
    if ((lines[index] as TextSpan).text.trim() !== '') following = index;
  }
  return next;
}

function buildStructure(text: string, common: Pick<CommonVocabulary, 'boilerplate'>): PostingStructure {
  const lines = splitLines(text);
  const following = nextNonBlank(lines);
  const boilerplate = boilerplateMatches(text, common);
  let boilerplateFrom = 0;
  // Sentences come in text order, so the search for their boilerplate only moves forward.
  const holdsBoilerplate = (start: number, end: number): boolean => {
    while (boilerplateFrom < boilerplate.length && (boilerplate[boilerplateFrom] as TextRange).start < start)
      boilerplateFrom++;
    for (let index = boilerplateFrom; index < boilerplate.length; index++) {
      const match = boilerplate[index] as TextRange;
      if (match.start >= end) return false;
      if (match.end <= end) return true;
    }
    return false;
  };
  const sentences: PostingSentence[] = [];
  const headings: PostingHeading[] = [];
  const titleLines: string[] = [];
  const leadLines: string[] = [];
  let section: SectionKind = 'title';
  let heading: string | null = null;
  let seenContent = 0;
  let titleOpen = true;

  // Paragraph: consecutive non-blank lines that are neither headings nor bullets; a bullet owns its indented lines.
  let blockStart = -1;
  let blockEnd = -1;
  let blockBullet = false;
  const flush = (): void => {
    if (blockStart < 0) return;
    for (const { text: sentence, start, end } of splitSentences(
      text,
      blockStart,
      blockEnd,
      postingSentences,
    )) {
      const isBoilerplate = section === 'benefits' || section === 'legal' || holdsBoilerplate(start, end);
      sentences.push({
        text: sentence,
        start,
        end,
        section,
        heading,
        bullet: blockBullet,
        boilerplate: isBoilerplate,
      });
    }
    blockStart = -1;
    blockBullet = false;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as TextSpan;
    const trimmed = line.text.trim();
    if (trimmed === '') {
      flush();
      // The title block ends at the first blank line: what follows is the posting's prose.
      if (section === 'title' && seenContent > 0) section = 'about';
      continue;
    }
    // A bullet or a long line of prose is not a title line.
    if (
      section === 'title' &&
      seenContent > 0 &&
      (bulletPattern.test(line.text) || trimmed.split(/\s+/).length > 16)
    ) {
      section = 'about';
    }
    // Title lines: the short lines before the first prose ("# Role", "**Company** · City · Hybrid").
    if (
      titleOpen &&
      (trimmed.split(/\s+/).length > 16 || /[.!?]$/.test(trimmed) || bulletPattern.test(line.text))
    ) {
      titleOpen = false;
    }
    if (titleOpen && titleLines.length < 3) titleLines.push(stripMarkup(trimmed));
    if (seenContent < 12) leadLines.push(stripMarkup(trimmed));
    seenContent++;
    const next = lines[following[index] as number]?.text;
    if (isHeading(line.text, next) && seenContent > 1) {
      flush();
      heading = stripMarkup(trimmed).replace(/:$/, '');
      section = headingKind(heading);
      headings.push({ text: heading, start: line.start, end: line.end, section });
      continue;
    }
    const isBullet = bulletPattern.test(line.text);
    const isContinuation = blockBullet && /^\s+/.test(line.text) && !isBullet;
    if (isBullet || (!isContinuation && blockBullet)) flush();
    if (section === 'title' && seenContent > 2) section = 'about';
    const inline = inlineHeading.exec(line.text);
    if (inline?.[1] !== undefined && blockStart < 0 && !isBullet) {
      const kind = headingKind(inline[1]);
      if (kind === 'benefits' || kind === 'legal') section = kind;
    }
    if (blockStart < 0) {
      const bulletMatch = bulletPattern.exec(line.text);
      blockStart = line.start + (bulletMatch === null ? 0 : bulletMatch[0].length);
      blockBullet = isBullet;
    }
    blockEnd = line.end;
    // A title line stands alone: it is not wrapped prose.
    if (section === 'title') flush();
  }
  flush();
  return { sentences, headings, titleLines, leadLines };
}
