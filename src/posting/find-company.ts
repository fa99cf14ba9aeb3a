import { letterDirective } from './letter-directive.js';
import type { PostingStructure } from './posting-sections.js';

/** A run of capitalised words, with the small connectors company names use ("Bank of the West", "Procter & Gamble"). */
const nameToken = "(?:[A-Z0-9][A-Za-z0-9'’.&-]*)";
const connector = '(?:of|and|&|de|du|la|for|the)';
const namePattern = `${nameToken}(?:[ \\t]+(?:${connector}[ \\t]+)?${nameToken}){0,4}`;

/** First words that start a sentence or a heading, never a company. */
const notFirstWords = new Set(
  [
    'the',
    'our',
    'we',
    "we're",
    'you',
    "you'll",
    'your',
    'this',
    'that',
    'these',
    'those',
    'about',
    'join',
    'location',
    'remote',
    'hybrid',
    'full-time',
    'part-time',
    'contract',
    'benefits',
    'requirements',
    'responsibilities',
    'qualifications',
    'machine',
    'senior',
    'staff',
    'lead',
    'principal',
    'junior',
    'data',
    'ml',
    'ai',
    'engineering',
    'team',
    'role',
    'job',
    'apply',
    'salary',
    'compensation',
    'equal',
    'what',
    'who',
    'why',
    'how',
    'please',
    'member',
    'fully',
    'new',
    'all',
    'as',
    'at',
    'in',
    'on',
    'for',
    'if',
    'it',
    'its',
    'an',
    'a',
    'and',
    'or',
    'with',
    'to',
    'by',
    'here',
    'there',
    'every',
    'each',
    'some',
    'key',
    'nice',
    'must',
    'strong',
    'experience',
    'hands-on',
    'working',
    'clear',
    'build',
    'design',
    'develop',
    'own',
    'work',
    'help',
    'today',
    'careers',
    'jobs',
    'open',
    'us',
    'one',
    'they',
    'he',
    'she',
    'his',
    'her',
    'their',
    'my',
    'i',
    'is',
    'are',
    'be',
    'will',
    'can',
    'may',
    'do',
    'does',
  ].map((word) => word.toLowerCase()),
);

/** Words that make a phrase a job title or a place, not a company. */
const roleWord =
  /\b(engineer|engineering|scientist|developer|manager|analyst|architect|intern|researcher|specialist|director|lead|head of|consultant|associate|officer|recruiter|position|role|job|opening|team|department|group|division|unit|committee)s?\b/i;
const placeWord =
  /\b(remote|hybrid|on-?site|full-?time|part-?time|contract|permanent|temporary|temp|freelance|internship|usa|u\.s\.|united states|canada|europe|emea|apac|uk|new york|san francisco|london|berlin|toronto|seattle|boston|chicago|austin|denver)\b|,\s*[A-Z]{2}\b/i;
const corporateSuffix =
  /[,\s]+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|GmbH|plc|PLC|S\.A|AG|LLP)\.?$/;

/** Signs that a recruiting agency wrote the posting for a client it does not name. */
const agencySigns = [
  /\bon behalf of (?:our|a|an|one of our) (?:client|customer)/i,
  /\bour client(?:,|\s+is\b|\s+has\b|\s+was\b|['’]s\b|\s+offers\b|\s+seeks\b|\s+needs\b)/i,
  /\b(?:recruit(?:ing|ment)|staffing|talent|search) (?:agency|firm|partner|consultancy)\b/i,
  /\bclient(?:['’]s)? name (?:will be|can be|is) (?:shared|disclosed|revealed|confidential)/i,
  /\bconfidential client\b/i,
  /\bwe are (?:an? )?(?:recruiting|staffing|recruitment) agency\b/i,
  /\b(?:employment|recruitment|recruiting|staffing) agency\b/i,
  /\b(?:recruitment|recruiting|talent|search|staffing)\b[^.\n]{0,40}\bis (?:working with|partnering with|representing|recruiting for)\b/i,
];

/** True when the posting reads as a recruiter's posting for an unnamed client. */
export function isAgencyPosting(text: string): boolean {
  return agencySigns.some((pattern) => pattern.test(text));
}

/**
 * "The Harbor Ledger" keeps its article; "the Metro Valley Transit Authority" (written lowercase mid-sentence
 * elsewhere) is "Metro Valley Transit Authority".
 */
function withoutArticle(name: string, text: string): string {
  const match = /^The\s+(.+)$/.exec(name);
  if (match?.[1] === undefined) return name;
  const rest = match[1];
  return text.includes(`the ${rest}`) ? rest : name;
}

function cleanName(raw: string, text: string): string | null {
  let name = withoutArticle(
    raw
      .replace(/[*_`#]+/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    text,
  );
  name = name
    .replace(corporateSuffix, '')
    .replace(/[.,:;'’]+$/, '')
    .trim();
  const first = name.split(' ')[0]?.toLowerCase() ?? '';
  if (name === '' || (notFirstWords.has(first) && !(first === 'the' && name.split(' ').length > 1)))
    return null;
  if (roleWord.test(name) || placeWord.test(name)) return null;
  if (name.length > 60 || !/[A-Za-z]/.test(name) || letterDirective.test(name)) return null;
  return name;
}

function countOccurrences(text: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
}

interface Candidate {
  name: string;
  score: number;
}

/** Places where postings name their company, strongest first, with how much each counts. */
const patterns: readonly [RegExp, number][] = [
  [
    new RegExp(
      `^\\s*(?:company|employer|organi[sz]ation|hiring company)\\s*[:\\-–—]\\s*(${namePattern})`,
      'gim',
    ),
    12,
  ],
  [new RegExp(`^\\s*(?:#+\\s*)?(?:\\*\\*)?about\\s+(${namePattern})(?:\\*\\*)?\\s*:?\\s*$`, 'gim'), 8],
  [new RegExp(`(${namePattern})\\s+is\\s+hiring\\b`, 'g'), 6],
  [new RegExp(`\\b[Jj]oin\\s+(${namePattern})(?=[\\s,.!]|$)`, 'g'), 5],
  [new RegExp(`\\b[Aa]t\\s+(${namePattern}),`, 'g'), 4],
  [new RegExp(`\\b[Cc]areers\\s+at\\s+(${namePattern})`, 'g'), 5],
  [
    new RegExp(
      `(?:^|[.!?]\\s+|\\n)(?:\\*\\*)?(${namePattern})(?:\\*\\*)?\\s+(?:is|are|was|has|makes|runs|builds|helps|offers|provides|operates|serves|powers|connects|develops|designs|sells|creates|brings|gives|lets)\\b`,
      'g',
    ),
    4,
  ],
];

/**
 * The hiring company's name as the posting writes it, or null. Candidates come from "Company: X", "About X", "X is
 * hiring", "Join X", "at X,", title lines and sentences opening "X is ..."; the best-supported one wins, helped by how
 * often the name recurs. A recruiter's posting for an unnamed client yields null: naming the agency would be wrong.
 */
export function findCompany(text: string, structure: PostingStructure): string | null {
  if (isAgencyPosting(text)) {
    const named = new RegExp(`\\bour client,\\s+(${namePattern}),`).exec(text)?.[1];
    return named === undefined ? null : cleanName(named, text);
  }
  const candidates = new Map<string, Candidate>();
  const add = (raw: string, score: number): void => {
    const name = cleanName(raw, text);
    if (name === null) return;
    const entry = candidates.get(name) ?? { name, score: 0 };
    entry.score += score;
    candidates.set(name, entry);
  };
  for (const [pattern, score] of patterns) {
    for (const match of text.matchAll(pattern)) if (match[1] !== undefined) add(match[1], score);
  }
  // Title lines: "Acme — Machine Learning Engineer", "Acme | Charlotte, NC", "ML Engineer at Acme".
  for (const line of structure.titleLines) {
    const atMatch = new RegExp(`\\bat\\s+(${namePattern})\\s*$`).exec(line);
    if (atMatch?.[1] !== undefined) add(atMatch[1], 5);
    for (const segment of line.split(/\s+[—–|·•@]\s+|\s+-\s+|\s*\|\s*/)) {
      const trimmed = segment.trim();
      if (new RegExp(`^${namePattern}$`).test(trimmed)) add(trimmed, 5);
    }
  }
  // "The City of Riverton" and "City of Riverton" are one candidate, under the name without the article.
  for (const candidate of [...candidates.values()]) {
    const bare = /^The\s+(.+)$/.exec(candidate.name)?.[1];
    const other = bare === undefined ? undefined : candidates.get(bare);
    if (other !== undefined) {
      other.score += candidate.score;
      candidates.delete(candidate.name);
    }
  }
  let best: Candidate | null = null;
  for (const candidate of candidates.values()) {
    // "Corvallis" inside "Corvallis Therapeutics" is the longer name's occurrence, not its own.
    const longer = [...candidates.keys()].filter(
      (name) => name !== candidate.name && name.startsWith(`${candidate.name} `),
    );
    const own =
      countOccurrences(text, candidate.name) -
      longer.reduce((sum, name) => sum + countOccurrences(text, name), 0);
    const recurrence = Math.min(Math.max(own, 0), 5);
    // A name that is the start of a longer candidate ("Kestrel" in "Kestrel Audio") shares its support.
    const total = candidate.score + recurrence;
    if (
      best === null ||
      total > best.score ||
      (total === best.score && candidate.name.length < best.name.length)
    ) {
      best = { name: candidate.name, score: total };
    }
  }
  return best !== null && best.score >= 5 ? best.name : null;
}
