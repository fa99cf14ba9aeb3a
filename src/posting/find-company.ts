import { withoutAddresses } from '../text/without-addresses.js';
import { isAgencyName, isAgencyPosting, namedClient } from './agency-posting.js';
import { companyEvidence } from './company-evidence.js';
import { cleanCompanyName, isCommonAcronym, readsAsProperNoun } from './company-name.js';
import type { PostingStructure } from './posting-sections.js';

export { isAgencyPosting } from './agency-posting.js';

/** The hiring company as the posting names it, and how sure the reading is (0..1). */
export interface CompanyReading {
  readonly name: string;
  readonly confidence: number;
}

/** A company the posting may name, with its pooled support. */
export interface RankedCompany {
  readonly name: string;
  readonly score: number;
  /** The spellings and variants that pooled their support ("Deloitte", "Deloitte Consulting", "DELOITTE"). */
  readonly variants: readonly string[];
}

/** Below this confidence the company is unknown: a letter reads naturally without a name, never with a wrong one. */
export const minCompanyConfidence = 0.3;

/** Text compared without accents, with straight apostrophes and lines unwrapped ("L’Oréal" = "L'Oreal"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").replace(/\s/g, ' ');
}

/** A name as the posting may write it: no leading article, no possessive ("The Macy's" -> "Macy"). */
function bare(name: string): string {
  return fold(name.replace(/^The\s+/, '')).replace(/'s$/, '');
}

/** One identity for spellings of a name ("NIKE" = "Nike", "Abercrombie & Fitch" = "Abercrombie and Fitch"). */
function identity(name: string): string {
  return bare(name)
    .toLowerCase()
    .replace(/\s*&\s*/g, ' and ');
}

/** Whole-word occurrences of `name` in `text` (both folded). */
function countOccurrences(text: string, name: string): number {
  let count = 0;
  for (let index = text.indexOf(name); index !== -1; index = text.indexOf(name, index + name.length)) {
    const before = text[index - 1] ?? ' ';
    const after = text[index + name.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) count++;
  }
  return count;
}

/** Hosts shared by many employers (job boards, applicant tracking, mail and social sites): they name no employer. */
const sharedHosts =
  /^(?:linkedin|indeed|glassdoor|greenhouse|lever|workday|myworkdayjobs|icims|smartrecruiters|jobvite|taleo|ziprecruiter|monster|governmentjobs|workable|ashbyhq|successfactors|breezy|recruitee|teamtailor|personio|jazzhr|applytojob|google|youtube|facebook|twitter|instagram|tiktok|bit|gmail|outlook|hotmail|yahoo|eeoc|dol|adobe|wikipedia|github)$/;

/** Registrable names of the posting's e-mail and web domains ("careers.equifax.com" -> "equifax"). */
function domainNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(?:@|https?:\/\/|\bwww\.)([a-z0-9][a-z0-9.-]*\.[a-z]{2,})/gi)) {
    const parts = (match[1] ?? '').toLowerCase().split('.');
    // "nl.abnamro.com" -> "abnamro"; "nhsx.nhs.uk" -> "nhsx"; "lacity.org" -> "lacity".
    const tail =
      parts.length >= 3 &&
      /^(?:co|com|org|gov|ac|net|edu|nhs|sch|police|mod)$/.test(parts[parts.length - 2] ?? '')
        ? 3
        : 2;
    const name = parts[parts.length - tail] ?? '';
    if (name.length >= 2 && !sharedHosts.test(name)) names.add(name);
  }
  return names;
}

function matchesDomain(name: string, domains: ReadonlySet<string>): boolean {
  const key = identity(name).replace(/[^\p{L}\p{N}]+/gu, '');
  if (key.length < 2) return false;
  for (const domain of domains) {
    if (domain === key) return true;
    if (key.length >= 4 && domain.length >= 4 && (domain.startsWith(key) || key.startsWith(domain)))
      return true;
  }
  return false;
}

interface Candidate {
  readonly identity: string;
  /** Each way the posting writes it (folded, no article or possessive), with how often. */
  readonly spellings: Map<string, number>;
  weight: number;
  pieces: number;
  strongest: number;
  /** Named by the layout (a "Company:" field, a title-block line). */
  structural: boolean;
  occurrences: number;
  /** Evidence that wrote it with its article ("The New York Times is ...") minus evidence that did not. */
  article: number;
}

/** The spelling a letter should use: the one the posting writes most (the first found on a tie). */
function spelling(candidate: Candidate): string {
  let best = '';
  let count = -1;
  for (const [written, occurrences] of candidate.spellings) {
    if (occurrences > count) {
      best = written;
      count = occurrences;
    }
  }
  return best;
}

/**
 * The hiring company and how sure the reading is, or null when the posting names none that can be trusted.
 * Candidates come from the whole text (see `company-evidence.ts`); each is helped by how often it recurs and by the
 * posting's e-mail and web domains, and variants of one name pool their support ("Deloitte", "Deloitte Consulting";
 * "Rent the Runway (RTR)"). Names that read as common words ("Data Science & Analytics") count half. A recruiter's
 * posting for a client it does not name gives null: naming the agency would be wrong.
 */
export function readCompany(text: string): CompanyReading | null {
  if (isAgencyPosting(text)) {
    const client = namedClient(text);
    return client === null ? null : { name: client, confidence: 0.6 };
  }
  const ranked = rankCompanies(text);
  const best = ranked[0];
  if (best === undefined || isAgencyName(best.name)) return null;
  const runnerUp = ranked[1]?.score ?? 0;
  const confidence = (1 - Math.exp(-best.score / 8)) * (best.score / (best.score + runnerUp));
  return { name: best.name, confidence: Math.round(confidence * 100) / 100 };
}

/** Every candidate name, best supported first (see `readCompany`). */
export function rankCompanies(text: string): RankedCompany[] {
  const folded = fold(text);
  const candidates = gatherCandidates(text, folded);
  const groups = groupVariants([...candidates.values()], folded);
  const domains = domainNames(text);
  const prose = withoutAddresses(text);
  const lowerText = prose.toLowerCase();
  const ranked: RankedCompany[] = [];
  for (const [root, members] of groups) {
    const domain = members.some((member) => matchesDomain(spelling(member), domains)) ? 6 : 0;
    // One or two weak phrases ("within Sourcing") never make a company; several can ("at Canada Life").
    const pieces = members.reduce((sum, member) => sum + member.pieces, domain > 0 ? 1 : 0);
    const recurring = Math.min(root.occurrences, 4) / 2;
    if (!members.some((member) => member.structural || member.strongest >= 4) && pieces + recurring < 3.5)
      continue;
    const weight = members.reduce((sum, member) => sum + Math.min(member.weight, 16), 0);
    let score = Math.min(weight, 24) + Math.min(root.occurrences, 6) + domain;
    // "Data Science & Analytics": every word also written in lower case is a description, not a name.
    const name = spelling(root);
    if (!root.structural && domain === 0 && /^\p{Lu}/u.test(name) && commonWords(name, prose, lowerText))
      score /= 2;
    const chosen = representative(members);
    ranked.push({
      name: asWritten(spelling(chosen), chosen.article > 0, text, folded),
      score,
      variants: members.flatMap((member) =>
        [...member.spellings].map(([written, count]) => `${written} (w${member.weight} x${count})`),
      ),
    });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

function gatherCandidates(text: string, folded: string): Map<string, Candidate> {
  const prose = withoutAddresses(text);
  const candidates = new Map<string, Candidate>();
  const add = (name: string, weight: number, structural: boolean): Candidate => {
    const key = identity(name);
    let entry = candidates.get(key);
    if (entry === undefined) {
      entry = {
        identity: key,
        spellings: new Map(),
        weight: 0,
        pieces: 0,
        strongest: 0,
        structural,
        occurrences: 0,
        article: 0,
      };
      candidates.set(key, entry);
    }
    const written = bare(name);
    if (!entry.spellings.has(written)) {
      const count = countOccurrences(folded, written);
      entry.spellings.set(written, count);
      entry.occurrences += count;
    }
    entry.weight += weight;
    if (weight > 0) entry.pieces++;
    if (weight > 0) entry.article += /^The\s/.test(name) ? 1 : -1;
    entry.strongest = Math.max(entry.strongest, weight);
    entry.structural ||= structural;
    return entry;
  };
  const proper = new Map<string, boolean>();
  const readsAsName = (name: string, strong = false): boolean => {
    const key = `${strong}${name}`;
    let known = proper.get(key);
    if (known === undefined) {
      known = !isCommonAcronym(name) && readsAsProperNoun(name, prose, strong);
      proper.set(key, known);
    }
    return known;
  };
  for (const { name, weight, structural } of companyEvidence(text)) {
    if (structural ? !isCommonAcronym(name) : readsAsName(name, weight >= 4)) add(name, weight, structural);
  }
  // "NewYork-Presbyterian Hospital" also stands for "NewYork-Presbyterian" where the posting writes that alone.
  for (const candidate of [...candidates.values()]) {
    const words = spelling(candidate).split(' ');
    for (let length = words.length - 1; length >= 1; length--) {
      const head = words.slice(0, length).join(' ');
      if (candidates.has(identity(head)) || cleanCompanyName(head) === null || !readsAsName(head)) continue;
      if (countOccurrences(folded, head) - candidate.occurrences >= 2) add(head, 0, false);
    }
  }
  return candidates;
}

/** Pools variants of one name under the shortest: "Deloitte Consulting" and "Colgate-Palmolive" share support. */
function groupVariants(candidates: readonly Candidate[], folded: string): Map<Candidate, Candidate[]> {
  const byLength = [...candidates].sort((a, b) => a.identity.length - b.identity.length);
  const groups = new Map<Candidate, Candidate[]>();
  for (const candidate of byLength) {
    const root = [...groups.keys()].find(
      (shorter) =>
        candidate.identity.startsWith(`${shorter.identity} `) ||
        candidate.identity.startsWith(`${shorter.identity}-`) ||
        definesShortForm(folded, spelling(shorter), spelling(candidate)),
    );
    if (root === undefined) groups.set(candidate, [candidate]);
    else groups.get(root)?.push(candidate);
  }
  return groups;
}

/** "Rent the Runway (RTR)", or "Oklahoma State University" and "OSU": the short form is the same company. */
function definesShortForm(folded: string, short: string, long: string): boolean {
  if (!/^[\p{Lu}&]{2,6}$/u.test(short)) return false;
  const initials = long
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
  return initials === short.replace(/&/g, '') || folded.includes(`${long} (${short})`);
}

/** True when every word of a name also appears in lower case in the text ("Strategic Analytics"). */
function commonWords(name: string, text: string, lower: string): boolean {
  return name
    .split(' ')
    .filter((word) => !/^(?:of|and|&|the|for)$/i.test(word))
    .every((word) => {
      const needle = word.toLowerCase();
      for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
        const before = lower[index - 1] ?? ' ';
        const after = lower[index + needle.length] ?? ' ';
        if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
      }
      return false;
    });
}

/** The variant a letter should use: the best supported, counting how often the posting uses it on its own. */
function representative(members: readonly Candidate[]): Candidate {
  let best = members[0] as Candidate;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const member of members) {
    const longer = members.filter((other) => other.identity.startsWith(`${member.identity} `));
    const own = member.occurrences - longer.reduce((sum, other) => sum + other.occurrences, 0);
    const score = member.weight + 2 * Math.max(own, 0);
    if (score > bestScore) {
      best = member;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The name spelled as the posting writes it: its own apostrophes and accents, the article it names it with ("The New
 * York Times is ..."), and the 's of a name that is never written without it ("McDonald's", "Macy’s").
 */
function asWritten(name: string, article: boolean, text: string, folded: string): string {
  let result = name;
  const at = folded.indexOf(name);
  // Folding keeps the length of precomposed letters only; fall back to the folded spelling otherwise.
  if (at !== -1 && folded.length === text.length)
    result = text.slice(at, at + name.length).replace(/\s+/g, ' ');
  let bareCount = 0;
  let possessive = 0;
  for (let index = folded.indexOf(name); index !== -1; index = folded.indexOf(name, index + name.length)) {
    if (/[\p{L}\p{N}]/u.test(folded[index - 1] ?? ' ')) continue;
    const after = folded.slice(index + name.length, index + name.length + 3);
    // "Macy'sProvide": a scraped page ran the possessive into the next word.
    if (/^'s(?!\p{Ll})/u.test(after)) possessive++;
    else if (!/^[\p{L}\p{N}]/u.test(after)) bareCount++;
  }
  if (bareCount === 0 && possessive > 0) result = `${result}${text.includes(`${result}’s`) ? '’s' : "'s"}`;
  if (article && !folded.includes(`the ${name}`)) result = `The ${result}`;
  return result;
}

/**
 * The hiring company's name as the posting writes it, or null when the posting does not name it with enough
 * confidence (see `readCompany`).
 */
export function findCompany(text: string, _structure?: PostingStructure): string | null {
  const reading = readCompany(text);
  return reading !== null && reading.confidence >= minCompanyConfidence ? reading.name : null;
}
