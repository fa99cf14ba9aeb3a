import { cleanCompanyName, type NameCheck, nameAfter, nameBefore, plainName } from './company-name.js';

/**
 * Where a posting names its employer: "Company:" fields, a name line in the title block, "About X", "Welcome to X",
 * "At X, we", "Join X", "X is an equal opportunity employer", "X is a ...", possessives, legal forms and stock
 * tickers. Each place yields a checked name and how much it counts; `find-company.ts` weighs them.
 */

/** One place where the posting names a candidate employer. */
export interface Evidence {
  readonly name: string;
  readonly weight: number;
  /** From the posting's layout (a "Company:" field, a title-block line): stands without other support. */
  readonly structural: boolean;
}

/** Where a posting says the name follows a phrase ("Join X", "At X, we"), how much that counts. */
interface AfterPattern {
  readonly pattern: RegExp;
  readonly weight: number;
  /** A stronger weight when the name is followed by this ("At Getinge we", "At Canada Life, our"). */
  readonly strongerWhen?: { readonly follows: RegExp; readonly weight: number };
  /** Counts only where the phrase opens a line, a sentence or a run-together heading ("About Acme"). */
  readonly opensClause?: boolean;
}

/** True when `index` starts a line or a sentence, or follows a gap a scraped page left between a heading and text. */
function opensClauseAt(text: string, index: number): boolean {
  let position = index - 1;
  let spaces = 0;
  while (position >= 0 && /[ \t#*_]/.test(text[position] ?? '')) {
    if (text[position] === ' ' || text[position] === '\t') spaces++;
    position--;
  }
  const char = text[position];
  return char === undefined || char === '\n' || /[.!?]/.test(char) || spaces >= 2;
}

/** True when `index` opens the text or a paragraph (after a blank line). */
function opensParagraphAt(text: string, index: number): boolean {
  let position = index - 1;
  while (position >= 0 && (text[position] === ' ' || text[position] === '\t')) position--;
  if (position < 0) return true;
  if (text[position] !== '\n') return false;
  position--;
  while (position >= 0 && (text[position] === ' ' || text[position] === '\t' || text[position] === '\r'))
    position--;
  return position < 0 || text[position] === '\n';
}

const afterPatterns: readonly AfterPattern[] = [
  { pattern: /\bAbout[ \t]+/g, weight: 7, opensClause: true },
  { pattern: /\b[Ww]elcome to\s+(?:the\s+)?/g, weight: 6 },
  { pattern: /\b(?:[Ww]e are|[Ww]e['’]re|[Tt]his is|[Ww]e at|[Hh]ere at)\s+/g, weight: 5 },
  {
    pattern: /\b(?:[Aa]t|[Aa]t the)\s+/g,
    weight: 2,
    strongerWhen: { follows: /^,?\s+(?:we|our|you|you['’]ll|everyone)\b/i, weight: 6 },
  },
  { pattern: /\b[Jj]oin(?:ing)?\s+(?:the\s+)?/g, weight: 4 },
  {
    pattern:
      /\b(?:[Cc]areers? (?:at|with)|[Ww]ork(?:ing)? (?:at|for)|[Ll]ife at|[Ee]mployed by|[Pp]art of|[Ww]ithin|[Ee]xpect from)\s+(?:the\s+)?/g,
    weight: 2,
  },
  { pattern: /\b[Ff]ounded in \d{4}[^.\n]{0,60}?,\s+/g, weight: 6 },
];

/** Where a posting says the name comes before a phrase ("X is an equal opportunity employer"). */
interface BeforePattern {
  readonly pattern: RegExp;
  readonly weight: number;
  /** The weight where the name opens a paragraph ("Lanternfish makes the help-desk software ..."). */
  readonly opensParagraph?: number;
}

const beforePatterns: readonly BeforePattern[] = [
  {
    pattern:
      /\s(?:is|are)\s+(?:(?:an?|the)\s+)?(?:proud(?:ly)?\s+(?:to be\s+)?(?:an?\s+)?)?(?:equal|eeo\b|affirmative action)/gi,
    weight: 8,
  },
  {
    pattern:
      /\s(?:provides|offers) equal (?:employment )?opportunit|\sdoes not discriminate|\swelcomes applications|\s(?:is|are) (?:an )?(?:committed|dedicated) to (?:\w+ ){0,4}(?:equal|divers|inclusi)/gi,
    weight: 8,
  },
  { pattern: /\s(?:is|are) (?:hiring|looking for|seeking|searching for|recruiting)\b/g, weight: 6 },
  { pattern: /\s\((?:NYSE|NASDAQ|Nasdaq|TSX|LSE|OTC|Euronext|ASX)\s*:/g, weight: 8 },
  {
    pattern:
      /\s(?:is|are) (?:a|an|the|one of|on a mission|committed|proud|headquartered|based|home to|dedicated|transforming|reimagining|redefining|changing|helping|building|focused|known|recognized|recognised|powered|part of|the world['’]s|a global|a leading)\b/g,
    weight: 4,
  },
  {
    pattern:
      /\s(?:is|are|has|have|will|makes|runs|helps|builds|offers|provides|operates|serves|powers|connects|develops|designs|sells|creates|brings|delivers|turns|combines|introduced|became|continues|was founded|was established|empowers|enables|invests|believes|values|strives|represents|ranks|works with|takes)\b/g,
    weight: 2,
    opensParagraph: 4,
  },
  { pattern: /['’]s\s/g, weight: 2 },
  {
    pattern: /,\s+(?:a|an|the|one of|formerly|part of)\s+[^.,;\n]{0,80},\s+(?:is|are|has|was|we)\b/g,
    weight: 4,
  },
  {
    pattern: /(?:,\s*|\s+)(?:Inc|LLC|Ltd|GmbH|Corporation|Corp|plc|LLP|B\.V|N\.V|S\.A)\b\.?/g,
    weight: 4,
  },
];

/** "X is a growing team at Arch": the subject is a team, not the company. */
const teamFollows = /^[^.\n]{0,50}?\b(?:team|group|department|division|unit|function|squad|practice)\b/i;

/** Field lines: "Company: Harbor Bank", "**Employer:** Harbor Bank". */
const fieldLine =
  /^[ \t]*(?:[*_#>-][ \t]*)*(?:company(?: name)?|employer|organi[sz]ation|hiring (?:company|organi[sz]ation)|firm)[*_]*[ \t]*[:：][*_]*[ \t]*(.+)$/gim;

/** Separators of a title line: "Acme — Machine Learning Engineer", "Acme | Charlotte, NC". */
const titleSeparator = /\s+[—–|·•@]\s+|\s+-\s+|\s*\|\s*/;
const titleLineWord =
  /\b(?:engineer|scientist|developer|manager|analyst|architect|researcher|specialist|director|lead|consultant|programmer|statistician|designer|intern|associate|officer|nurse|technician|coordinator|administrator|modell?er|head of)s?\b/i;

/** Evidence from the first lines: a name on a line of its own, under or beside the job title. */
function titleBlockEvidence(text: string, push: Push): void {
  let seen = 0;
  let sawTitle = false;
  for (const line of text.split('\n', 12)) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (++seen > 4) break;
    const plain = plainName(trimmed);
    if (plain === '' || plain.split(' ').length > 12) break;
    const heading = /^(?:#{1,6}\s|\*\*[^*]+\*\*\s*$)/.test(trimmed);
    const linked = /\[[^\]]*\]\([^)]*\)/.test(trimmed);
    if (linked || titleLineWord.test(plain)) {
      sawTitle = true;
      // A linked title ("# [Engineer, Billing - Post Processing](url)") holds the job, not the company.
      if (linked) continue;
      // "Machine Learning Engineer at Acme", "Acme — Machine Learning Engineer".
      const at = / at\s+(.+)$/.exec(plain)?.[1];
      if (at !== undefined) push(at, 5, true);
      for (const segment of plain.split(titleSeparator)) push(segment, 3, true);
      continue;
    }
    const segments = plain.split(titleSeparator);
    if (segments.length === 1)
      push(plain, heading || sawTitle ? 8 : 5, true, { lowercaseBrand: true, line: true });
    // "Lanternfish Software · Austin, TX or remote (US)": the name is the segment that reads as one.
    else for (const segment of segments) push(segment, 5, true, { lowercaseBrand: true, line: true });
  }
}

/** A line that is only an organisation's name ("Oklahoma State University" under "Location Address"). */
const organisationLine =
  /^(?:\p{Lu}[\p{L}'’&.-]*[ \t]+(?:(?:of|and|&|the|for)[ \t]+)?){1,6}(?:University|College|Hospital|Bank|Trust|Council|County|Institute|Laboratory|School|Schools|Foundation|Corporation|Company|Authority|Commission|Health|Clinic)$/u;

function organisationLineEvidence(text: string, push: Push): void {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.length < 60 && organisationLine.test(trimmed)) push(trimmed, 4, false, { line: true });
  }
}

type Push = (raw: string, weight: number, structural: boolean, options?: NameCheck) => void;

/** Adds checked names to `evidence`; a span is checked once per posting (the same name recurs in many phrases). */
function evidenceCollector(evidence: Evidence[]): Push {
  const checked = new Map<string, string | null>();
  return (raw, weight, structural, options) => {
    const key = options === undefined ? raw : `${raw}\u0000${JSON.stringify(options)}`;
    let name = checked.get(key);
    if (name === undefined) {
      name = cleanCompanyName(raw, options);
      checked.set(key, name);
    }
    if (name !== null) evidence.push({ name, weight, structural });
  };
}

/** A lower-case brand the posting also starts a sentence with ("Hi, we are ecobee." ... "ecobee introduced"). */
function lowercaseBrandAfter(text: string, index: number, brands: Map<string, boolean>): string | null {
  const word = /^(\p{Ll}[\p{Ll}\p{N}]{2,14})[.!]?(?=\s|$)/u.exec(text.slice(index, index + 20))?.[1];
  if (word === undefined || /(?:ing|ed)$/.test(word)) return null;
  let known = brands.get(word);
  if (known === undefined) {
    known = new RegExp(`(?:^|\\n[ \\t]*\\n|[.!?]\\s+)${word}\\s`).test(text);
    brands.set(word, known);
  }
  return known ? word : null;
}

/** Every piece of evidence for a name, as found (see `readCompany`). */
export function companyEvidence(text: string): Evidence[] {
  const evidence: Evidence[] = [];
  const push = evidenceCollector(evidence);
  const brands = new Map<string, boolean>();
  for (const match of text.matchAll(fieldLine)) {
    if (match[1] !== undefined) push(match[1], 12, true, { field: true, lowercaseBrand: true, line: true });
  }
  titleBlockEvidence(text, push);
  organisationLineEvidence(text, push);
  for (const { pattern, weight, strongerWhen, opensClause } of afterPatterns) {
    for (const match of text.matchAll(pattern)) {
      if (opensClause === true && !opensClauseAt(text, match.index)) continue;
      const start = match.index + match[0].length;
      const raw = nameAfter(text, start);
      if (raw === '') {
        const brand = lowercaseBrandAfter(text, start, brands);
        if (brand !== null) push(brand, weight, false, { lowercaseBrand: true });
        continue;
      }
      const follows = text.slice(start + raw.length, start + raw.length + 16);
      push(raw, strongerWhen?.follows.test(follows) === true ? strongerWhen.weight : weight, false);
    }
  }
  for (const { pattern, weight, opensParagraph } of beforePatterns) {
    for (const match of text.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (weight <= 4 && teamFollows.test(text.slice(end, end + 60))) continue;
      const raw = nameBefore(text, match.index);
      if (raw === '') continue;
      // "Lanternfish makes the help-desk software ...": a paragraph that opens on the name is about the company.
      const start = text.lastIndexOf(raw.split(' ')[0] ?? raw, match.index);
      const paragraph = opensParagraph !== undefined && opensParagraphAt(text, start);
      push(raw, paragraph ? opensParagraph : weight, false);
    }
  }
  return evidence;
}
