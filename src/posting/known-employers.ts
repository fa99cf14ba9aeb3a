import type { EmployerList } from '../playbooks/playbook-schema.js';
import { memoWeak } from '../text/memo.js';
import { findTerm } from '../text/vocabulary-matcher.js';

/** The sector an agency's name points to: the posting is for a client, whose business the text has to tell. */
export const staffingSector = 'staffing';

/** One spelling of an employer of the list, ready to match. */
interface KnownSpelling {
  readonly name: string;
  readonly sector: string;
  /** The spelling as written, for counting its mentions. */
  readonly written: string;
  /** The spellings that count, as written or in capitals: "Target" is the retailer, "target" is not. */
  readonly cased: ReadonlySet<string>;
}

/** The list, indexed for matching. */
export interface EmployerIndex {
  /** Folded words of a spelling, joined by spaces -> the employers spelled so. */
  readonly byKey: ReadonlyMap<string, readonly KnownSpelling[]>;
  /** Employer name -> its spellings. */
  readonly spellingsOf: ReadonlyMap<string, readonly KnownSpelling[]>;
  /** The most words a spelling has. */
  readonly longest: number;
  /** The folded first and last words of every spelling: a phrase that holds neither names no one. */
  readonly firstWords: ReadonlySet<string>;
  readonly lastWords: ReadonlySet<string>;
  /** Sector -> folded name words. */
  readonly nameWords: ReadonlyMap<string, readonly (readonly string[])[]>;
}

/** Apostrophes straightened and accents dropped, so "L’Oréal" and "L'Oreal" are one spelling. */
function plain(text: string): string {
  // Most text is ASCII: only the rest needs its accents taken apart.
  if (!/[^\u0020-\u007e\s]/.test(text)) return text;
  return text
    .replace(/[’‘`´]/g, "'")
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

interface Token {
  readonly folded: string;
  readonly start: number;
  readonly end: number;
}

/** Words and ampersands, folded ("and" is "&"), with where each sits in `text`. */
function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(/[\w\u00C0-\u024F]+|&/g)) {
    const lower = match[0].toLowerCase();
    found.push({
      folded: lower === 'and' ? '&' : lower,
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found;
}

function foldedWords(text: string): string[] {
  return tokens(plain(text)).map((token) => token.folded);
}

function indexList(list: EmployerList): EmployerIndex {
  const byKey = new Map<string, KnownSpelling[]>();
  const spellingsOf = new Map<string, KnownSpelling[]>();
  let longest = 1;
  const firstWords = new Set<string>();
  const lastWords = new Set<string>();
  for (const [sector, entries] of Object.entries(list.sectors)) {
    for (const entry of entries) {
      const names = typeof entry === 'string' ? [entry] : entry;
      const canonical = names[0] as string;
      for (const spelling of names) {
        const written = plain(spelling).replace(/\s+/g, ' ');
        const words = foldedWords(written);
        if (words.length === 0) continue;
        longest = Math.max(longest, words.length);
        firstWords.add(words[0] as string);
        lastWords.add(words[words.length - 1] as string);
        const known = { name: canonical, sector, written, cased: new Set([written, written.toUpperCase()]) };
        const key = words.join(' ');
        byKey.set(key, [...(byKey.get(key) ?? []), known]);
        spellingsOf.set(canonical, [...(spellingsOf.get(canonical) ?? []), known]);
      }
    }
  }
  const nameWords = new Map<string, string[][]>();
  for (const [sector, words] of Object.entries(list.nameWords))
    nameWords.set(
      sector,
      words.map((word) => foldedWords(word)),
    );
  return { byKey, spellingsOf, longest, firstWords, lastWords, nameWords };
}

/** The list indexed for matching, once per loaded list. */
export const employerIndex: (list: EmployerList) => EmployerIndex = memoWeak(indexList);

/** The employer the posting is from, as the list knows it, and how firmly the text says so. */
export interface KnownEmployerMatch {
  readonly name: string;
  readonly sector: string;
  /** Support from where the name sits (a "Company:" line, "About X", "at X", "X is ..."), plus its repetition. */
  readonly score: number;
}

/**
 * A run of up to six words, the way names are written ("Procter & Gamble", "dbt Labs", "O'Reilly Auto Parts").
 * Letters are ASCII and Latin-1/Latin Extended-A and B: Unicode property classes make these scans ten times slower.
 */
const letter = String.raw`\w\u00C0-\u024F`;
const nameRun = String.raw`[${letter}][${letter}'’.&+-]*(?:[ \t]+[${letter}&][${letter}'’.&+-]*){0,5}`;
/** "Company: X", "Employer - X": the line names the employer. */
const labelLine =
  /^[\s*_#>|]*(?:company|employer|organi[sz]ation|hiring company|company name)[\s*_]*[:\-–—|][\s*_]*([^\n|]{2,80})$/gim;
/** "About X", "Join X", "Careers at X", "What can you expect from X": said only of one's own employer. */
const employerPhrase = new RegExp(
  String.raw`\b(?:about|join|joining|careers at|life at|working at|work at|welcome to|expect from|part of the|member of the|employees of|team members? of)[ \t]+(?:the[ \t]+)?(${nameRun})`,
  'gi',
);
/** "at X": said of the employer, and sometimes of a past one. */
const atPhrase = new RegExp(String.raw`\bat[ \t]+(?:the[ \t]+)?(${nameRun})`, 'gi');
/** "X's", "X is a", "X Inc.", "X invites": a capitalised name as the subject or the firm. */
const subjectPhrase = new RegExp(
  String.raw`(?<![${letter}'’.&+-])([A-Z\u00C0-\u00DE][${letter}'’.&+-]*(?:[ \t]+[A-Z0-9\u00C0-\u00DE&][${letter}'’.&+-]*){0,5})(?=['’]s?\s|,?\s+(?:Inc|LLC|Ltd|Corp|Corporation|Co|plc|PLC|Group|Holdings|Company|Companies)\b|\s+(?:is|are|was)\s+(?!an? (?:plus|must|bonus|requirement)\b)(?:an?|the|one|hiring|looking|seeking|committed|proud|on|home|now|building|transforming|changing|helping|dedicated|among|headquartered|based|known|recognized)\b|\s+(?:has|offers|provides|operates|builds|makes|sells|serves|helps|invites|seeks|believes|continues|introduced|delivers|employs|values|recognizes|began|started|was founded)\b)`,
  'g',
);
const corporateTail = /(?:,?\s*(?:Inc|LLC|Ltd|Corp|Corporation|Co|plc|PLC|GmbH|AG|SE|NV|S\.A)\.?)?[\s*_|]*$/;

type Place = 'label' | 'header' | 'phrase' | 'at' | 'subject';

/**
 * The list's employer named by `phrase` where a posting names its employer: the longest spelling at its start (after
 * "About", "at"), at its end (before "is a"), or the whole of it (a header line), cased as the list writes it.
 */
function employerIn(
  phrase: string,
  anchor: 'start' | 'end' | 'whole',
  index: EmployerIndex,
): KnownSpelling | null {
  // Most phrases hold no name of the list: a look at the word a name would start (or end) with rules them out.
  const edge = (anchor === 'end' ? /[\w\u00C0-\u024F]+$/ : /^[\w\u00C0-\u024F]+/).exec(phrase)?.[0];
  if (edge === undefined) return null;
  const folded = plain(edge).toLowerCase();
  if (!(anchor === 'end' ? index.lastWords : index.firstWords).has(folded === 'and' ? '&' : folded))
    return null;
  const written = plain(phrase);
  const words = tokens(written);
  const most = Math.min(words.length, index.longest);
  for (let length = most; length >= 1; length--) {
    if (anchor === 'whole' && length !== words.length) continue;
    const from = anchor === 'end' ? words.length - length : 0;
    const slice = words.slice(from, from + length);
    const found = index.byKey.get(slice.map((word) => word.folded).join(' '));
    if (found === undefined) continue;
    const raw = written
      .slice((slice[0] as Token).start, (slice[length - 1] as Token).end)
      .replace(/\s+/g, ' ');
    const spelling = found.find((known) => known.cased.has(raw));
    if (spelling !== undefined) return spelling;
  }
  return null;
}

/** First words that are not a short form of a company's name ("Capital" of "Capital One", "The" of "The Home Depot"). */
const commonFirstWords = new Set(
  'the american general national united first new royal capital bank global international federal pacific southern western eastern northern central canadian british digital data home dollar best family public life metro next great old farm state union standard cross blue green red black golden silver south north east west world city county university health hospital medical insurance financial credit trust mutual citizens people peoples community regional commonwealth interactive advanced applied charles john'.split(
    ' ',
  ),
);

/** How often the posting names the employer: its spellings as the list writes them, and its short form. */
function mentionsOf(text: string, employer: string, index: EmployerIndex): number {
  const spellings = index.spellingsOf.get(employer) ?? [];
  const taken: [number, number][] = [];
  const count = (term: string, cased: (raw: string) => boolean): void => {
    for (const match of findTerm(text, term)) {
      if (!cased(plain(text.slice(match.start, match.end)))) continue;
      if (taken.some(([start, end]) => match.start < end && start < match.end)) continue;
      taken.push([match.start, match.end]);
    }
  };
  for (const spelling of [...spellings].sort((a, b) => b.written.length - a.written.length))
    count(spelling.written, (raw) => spelling.cased.has(raw));
  // "O'Reilly" after "O'Reilly Auto Parts": the short form of a name the posting has written out in full.
  const first = /^\p{Lu}[\p{L}']{3,}(?= )/u.exec(plain(employer))?.[0];
  if (taken.length > 0 && first !== undefined && !commonFirstWords.has(first.toLowerCase()))
    count(first, (raw) => raw === first);
  return taken.length;
}

/**
 * Finds the employer among the list's names, where a posting names its employer: a "Company:" line, a header line,
 * "About X", "Join X", "at X", "X is a ...", "X's". Each employer so placed gathers support from its places and from
 * how often it recurs; the best-supported one wins. A name that only recurs ("Google" in "Google Cloud") is a tool
 * or a partner, never the employer.
 */
export function findKnownEmployer(
  text: string,
  index: EmployerIndex,
  companyReading: string | null,
  toolNames: ReadonlySet<string> = new Set(),
): KnownEmployerMatch | null {
  if (index.byKey.size === 0) return null;
  const places = new Map<string, { spelling: KnownSpelling; placed: Set<Place> }>();
  const place = (spelling: KnownSpelling | null, where: Place): void => {
    if (spelling === null) return;
    const entry = places.get(spelling.name) ?? { spelling, placed: new Set<Place>() };
    entry.placed.add(where);
    places.set(spelling.name, entry);
  };
  const head = text.slice(0, 3000);
  for (const match of head.matchAll(labelLine))
    place(employerIn((match[1] ?? '').replace(corporateTail, ''), 'whole', index), 'label');
  // The first lines and Markdown headings: a line that is only the name ("### Block", "**Target**").
  let seen = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    seen++;
    if ((seen > 5 && !/^\s*#{1,6}\s/.test(line)) || line.length > 120) continue;
    const bare = line
      .replace(/^[\s*_#>|]+/, '')
      .trimEnd()
      .replace(corporateTail, '');
    place(employerIn(bare, 'whole', index), 'header');
  }
  for (const match of text.matchAll(employerPhrase))
    place(employerIn(match[1] ?? '', 'start', index), 'phrase');
  for (const match of text.matchAll(atPhrase)) place(employerIn(match[1] ?? '', 'start', index), 'at');
  for (const match of text.matchAll(subjectPhrase))
    place(employerIn(match[1] ?? '', 'end', index), 'subject');

  const reading = companyReading === null ? null : `${foldedWords(companyReading).join(' ')} `;
  const ranked = [...places.values()]
    .map(({ spelling, placed }) => {
      let score = Math.min(mentionsOf(text, spelling.name, index), 4);
      if (placed.has('label')) score += 6;
      if (placed.has('header')) score += 4;
      if (placed.has('phrase')) score += 3;
      if (placed.has('at')) score += 2;
      if (placed.has('subject')) score += 2;
      // The name the posting gives its employer starts with this one ("McDonald's Corporation"), or is its short
      // form ("O'Reilly" for "O'Reilly Auto Parts").
      const listed = `${foldedWords(spelling.name).join(' ')} `;
      const read = reading !== null && (reading.startsWith(listed) || listed.startsWith(reading));
      if (read) score += 4;
      // A name that is also a tool ("Databricks", "Hugging Face") is the employer only where a posting names its
      // employer, never as the subject of "X is a ..." alone.
      const tool = toolNames.has(spelling.name.toLowerCase());
      const support = placed.size - (tool && placed.has('subject') ? 1 : 0) + (read ? 1 : 0);
      return { name: spelling.name, sector: spelling.sector, score, support };
    })
    .filter((candidate) => candidate.support > 0 && candidate.score >= 5)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const best = ranked[0];
  if (best === undefined) return null;
  const rival = ranked.find((candidate) => candidate.sector !== best.sector);
  // Two employers of different sectors with like support (a parent and its brand, a partner): the list cannot tell.
  if (rival !== undefined && rival.score > best.score * 0.7) return null;
  return { name: best.name, sector: best.sector, score: best.score };
}

/**
 * The sectors the employer's own name points to ("Xapo Bank", "Grey County", "Omada Health"); a name that holds a
 * software tool's name ("dbt Labs", "Grafana Labs") is a software company's.
 */
export function sectorsInName(
  companyName: string,
  index: EmployerIndex,
  toolNames: ReadonlySet<string> = new Set(),
): string[] {
  const words = foldedWords(companyName);
  const sectors: string[] = [];
  if (words.some((word) => word.length >= 3 && toolNames.has(word))) sectors.push('tech');
  for (const [sector, phrases] of index.nameWords) {
    const hit = phrases.some((phrase) =>
      words.some((_, at) => phrase.every((part, offset) => words[at + offset] === part)),
    );
    if (hit && !sectors.includes(sector)) sectors.push(sector);
  }
  return sectors;
}

/** Words that make a short line a job title, a place or a label rather than the employer's name. */
const notAName =
  /\b(?:engineer|engineering|scientist|developer|manager|analyst|architect|intern|researcher|specialist|director|lead|head|consultant|associate|officer|recruiter|position|role|job|opening|description|summary|overview|requirements|responsibilities|qualifications|benefits|remote|hybrid|on-?site|full-?time|part-?time|contract|permanent|temporary|salary|apply|location)s?\b|https?:|\]\(|\d{3,}|^(?:who|what|why|how|where|when|we|our|you|your|about|join|the role|the team|the job)\b/i;

/**
 * Where a posting names its employer plainly, cheaply: a "Company: X" line, a title line that is only a name ("###
 * Xero", "Precision Medicine Group"), an "About X" heading. For the words of the name and for "X is a ..." sentences.
 */
export function employerNames(
  text: string,
  titleLines: readonly string[],
  headings: readonly string[],
): string[] {
  const names: string[] = [];
  const add = (raw: string): void => {
    const name = raw
      .replace(/[*_`#]+/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.:,;]+$/, '');
    if (name.length < 2 || name.length > 60 || notAName.test(name) || names.includes(name)) return;
    if (!/^[\p{L}\p{N}][\p{L}\p{N}'’&.,()-]*(?: [\p{L}\p{N}'’&.,()-]+){0,6}$/u.test(name)) return;
    names.push(name);
  };
  const label =
    /^[\s*_#>]*(?:company|employer|organi[sz]ation|hiring company|company name)[\s*_]*[:\-–—][\s*_]*([^\n|]{2,60})$/im.exec(
      text.slice(0, 2000),
    );
  if (label?.[1] !== undefined) add(label[1]);
  for (const line of titleLines) add(line);
  for (const heading of headings) {
    const about = /^about\s+(?!us\b|the\b|this\b|you\b|your\b|our\b)(.+)$/i.exec(heading.trim());
    if (about?.[1] !== undefined) add(about[1]);
  }
  return names;
}
