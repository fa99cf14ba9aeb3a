import { letterDirective } from './letter-directive.js';

/**
 * What a company name can look like, and the spans of text that look like one without being one: section labels
 * ("Company Description", "Summary"), dates, job titles, pay bands, places and sentence fragments.
 */

/** Small words a name may hold between its capitalised words ("Bank of the West", "Procter & Gamble"). */
const connectors = new Set([
  'of',
  'and',
  '&',
  'de',
  'du',
  'la',
  'le',
  'for',
  'the',
  'von',
  'van',
  'der',
  'y',
  'et',
  'e',
]);

/** Words that open a sentence or a heading and are never the first word of a company's name. */
const functionWords = new Set(
  (
    "the our we we’re we're you you’ll you'll your this that these those join as at in on for if it its an a and or " +
    'with to by here there every each some all any they he she his her their my i is are be will can may do does ' +
    'so then if when while where what who why how please also but not no yes thank thanks hi hello hey welcome dear ' +
    'from into within across about after before during since until via per be being been has have had was were ' +
    'apply click see view read learn visit find follow share save submit send contact email call ' +
    'more most many much other such same own only just very well now currently ' +
    'job jobs career careers us let our’s looking seeking hiring someone anyone everyone'
  ).split(' '),
);

/**
 * Words of section labels and page furniture. A span made only of these (and function words) is a heading
 * ("Company Overview", "Position Summary", "What You Will Do"), never a company.
 */
const labelWords = new Set(
  (
    'description descriptions summary overview general information info details detail posting job position role ' +
    'company organization organisation organizational about who what why how when where us ' +
    'requirements requirement qualifications qualification responsibilities responsibility duties duty tasks ' +
    'benefits benefit perks compensation salary pay rate wage wages hours schedule shift location locations ' +
    'additional key essential minimum basic required preferred desired desirable skills skill experience ' +
    'education knowledge abilities ability competencies competency introduction purpose mission missions vision ' +
    'values value culture opportunity opportunities apply application applications applicants applicant ' +
    'process processes incumbent candidate candidates employee employees employer employers contact notes note ' +
    'other primary main functions function scope department division unit reports reporting requisition travel ' +
    'physical demands environment working conditions work eeo statement disclaimer legal equal employment ' +
    'diversity inclusion equity belonging accessibility accommodation accommodations privacy notice policy ' +
    'team teams our your you we will do be the a an of and & for in on to with at by is are ' +
    'highlights impact expectations expected outcomes success successful look like looks ideal profile ' +
    'address type status level category categories class code codes grade band number id ref reference date dates ' +
    'open opening openings close closing deadline start starting posted updated part full time remote hybrid ' +
    'onsite on-site office offices contract permanent temporary fixed term terms condition ' +
    'one more less new next first last other further bonus nice plus pluses need needs must should ' +
    'want wants offer offers offering get gets make makes join joining life inside day days week month year years ' +
    'training development growth support help selection interview interviews assessment exam examination test ' +
    'note notes important please thank thanks sincerely regards best welcome hello hi hey dear so greatness ' +
    'client clients customer customers partner partners people person individual individuals hire hires ' +
    'none null unknown undisclosed confidential tbd tba various multiple bachelor bachelors master masters ' +
    'doctorate phd ph.d degree degrees diploma certificate certification license licence data below above ' +
    'salaries ote part ' +
    // A copied web page's navigation ("Home Jobs", "Careers Menu").
    'home jobs careers career menu navigation search login sign log back share print skip content'
  ).split(' '),
);

/** Words that make a span a job title, not a company. */
const titleWord =
  /\b(?:engineers?|engineering manager|scientists?|developers?|managers?|analysts?|architects?|interns?|internship|researchers?|specialists?|directors?|consultants?|associates?|officers?|recruiters?|coordinators?|administrators?|technicians?|assistants?|programmers?|statisticians?|designers?|nurses?|clerks?|representatives?|supervisors?|executives?|modell?ers?|postdoc(?:toral)?|fellows?|apprentices?|trainees?|vp|head of|lead|leads|principal|senior|junior|staff|sr|jr)\b/i;

/** Words of a team or a unit inside a company ("the Data Science team"), not the company. */
const unitWord = /\b(?:team|teams|department|division|unit|committee|squad|chapter|tribe|pod|practice)\b/i;

/** Employment terms and places that fill title lines ("Remote", "Full-time", "Toronto, ON"). */
const employmentWord =
  /\b(?:remote|hybrid|on-?site|in-office|full[- ]?time|part[- ]?time|contract|permanent|temporary|temp|freelance|fixed[- ]term|worldwide|anywhere)\b/i;
const placeOnly =
  /^(?:english|french|german|dutch|spanish|portuguese|italian|chinese|japanese|korean|mandarin|cantonese|hindi|arabic|russian|polish|swedish|canadian|american|british|european|asian|african|australian|indian|mexican|brazilian|irish|scottish|welsh|america|the americas|north america|south america|latin america|asia|africa|oceania|alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|west virginia|wisconsin|wyoming|ontario|quebec|british columbia|alberta|england|scotland|wales|japan|china|italy|portugal|poland|sweden|norway|denmark|finland|switzerland|austria|belgium|israel|argentina|chile|colombia|philippines|usa|u\.s\.a?\.?|us|uk|u\.k\.|united states(?: of america)?|united kingdom|canada|europe|emea|apac|latam|north america|new york|new york city|nyc|san francisco|london|berlin|paris|toronto|vancouver|montreal|seattle|boston|chicago|austin|denver|atlanta|dallas|houston|los angeles|washington|amsterdam|dublin|singapore|india|germany|france|spain|netherlands|ireland|australia|mexico|brazil|remote)$/i;

const monthName =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const dateLike =
  /\d{1,4}\s*[-/.]\s*(?:\d{1,2}|[A-Za-z]{3,9})\s*[-/.]\s*\d{2,4}|\b(?:19|20)\d\d\b|\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day)?\b|\bq[1-4]\b/i;
/** Pay bands and grades ("Band 8a", "GS-12", "Grade 7", "Level II"). */
const gradeLike = /\b(?:band|grade|gs|level|step|tier|scale|class)\s*[-:]?\s*(?:\d|[ivx]+\b)/i;

/** Legal forms that follow a name and are not part of how a letter names it. */
export const corporateSuffix =
  /(?:,?\s+|\s*,\s*)(?:Inc|Incorporated|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Co|GmbH|AG|SE|plc|PLC|S\.A|SA|S\.L|SL|B\.V|BV|N\.V|NV|Pty|PBC|AB|A\/S|ASA|Oy|K\.K|KK|S\.p\.A|SpA|SAS|S\.A\.S|Srl)\.?$/;

/** A word of a name: capitalised, a number, or a brand written with an inner capital ("eBay", "iRobot"). */
function isNameWord(word: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(word) || /^\p{Ll}{1,2}\p{Lu}\p{Ll}/u.test(word);
}

/** Cuts a word where a scraped page ran two sentences together ("Corporation.Develop" -> "Corporation"). */
function cutRunOn(word: string): string {
  const match = /^([\p{L}\p{M}'’&-]*\p{Ll}{2})\.(?=\p{Lu})/u.exec(word);
  return match?.[1] ?? word;
}

const wordSplit = /[\s\u00a0]+/;
/** Where a name ends: a clause mark, a sentence's full stop (not an abbreviation's: "St. Brendan"), a dash, a gap. */
const stopChars =
  /[,;:!?()[\]{}"“”|•·]|(?<!\b(?:St|Mt|Ft|Dr|Ste|[A-Z]))\.(?=\s|$)|\s[-–—]\s|\s\/\s|(?<=\S)\s{2,}/;
const boundaryChars = /.*(?:[,;:!?()[\]{}"“”|•·]|(?<!\b(?:St|Mt|Ft|Dr|Ste|[A-Z]))\.\s|\s[-–—]\s|\s{2,})/s;

/** True when the line ending at `newline` is hard-wrapped prose that the next line continues. */
function wraps(text: string, newline: number): boolean {
  const start = text.lastIndexOf('\n', newline - 1) + 1;
  const line = text.slice(start, newline);
  const next = text.slice(newline + 1, newline + 2);
  return line.length >= 60 && !/[.!?:]\s*$/.test(line) && next !== '' && /[^\s\-*•#]/.test(next);
}

/** The name-like words that follow `index` on the same line ("at Canada Life, we" -> "Canada Life"). */
export function nameAfter(text: string, index: number): string {
  let lineEnd = text.indexOf('\n', index);
  // Hard-wrapped prose ("join Clearwater\nGlassworks"): a long line that does not end a sentence goes on.
  if (lineEnd !== -1 && wraps(text, lineEnd)) {
    const next = text.indexOf('\n', lineEnd + 1);
    lineEnd = next === -1 ? text.length : next;
  }
  let rest = text
    .slice(index, lineEnd === -1 ? Math.min(text.length, index + 160) : lineEnd)
    .replace(/\n/g, ' ');
  const stop = stopChars.exec(rest);
  if (stop !== null) rest = rest.slice(0, stop.index);
  const words: string[] = [];
  for (const raw of rest.trim().split(wordSplit)) {
    if (raw === '') break;
    const cut = cutRunOn(raw);
    const possessive = /^(.+?)['’]s$/u.exec(cut);
    const word = possessive?.[1] ?? cut;
    if (isNameWord(word)) words.push(word);
    else if (connectors.has(word.toLowerCase()) && words.length > 0) words.push(word);
    else break;
    if (possessive !== null || cut !== raw || words.length >= 8) break;
  }
  while (words.length > 0 && connectors.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  return words.join(' ');
}

/** The name-like words that end at `index` ("... Banner Bank is an" with index at " is" -> "Banner Bank"). */
export function nameBefore(text: string, index: number): string {
  let lineStart = text.lastIndexOf('\n', index - 1) + 1;
  if (lineStart > 0 && wraps(text, lineStart - 1)) lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  // Markdown emphasis is not part of the name: "**Harvest & Hearth Home Goods**, Inc.".
  let head = text
    .slice(Math.max(lineStart, index - 160), index)
    .replace(/\n/g, ' ')
    .replace(/[*_`]+/g, '');
  // "NIKE, Inc. is": the legal form is not a clause boundary.
  head = head.replace(/,?\s*(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|GmbH|plc|LLP|S\.A|AG|B\.V|N\.V)\.?\s*$/, '');
  // The name starts after the last sentence or clause boundary.
  const boundary = boundaryChars.exec(head);
  if (boundary !== null) head = head.slice(boundary[0].length);
  const parts = head.trim().split(wordSplit);
  // "..., Engineering We are committed": the subject is the pronoun, not the word before it.
  if (trailingWords.has((parts[parts.length - 1] ?? '').toLowerCase())) return '';
  const words: string[] = [];
  for (let position = parts.length - 1; position >= 0; position--) {
    const word = parts[position] ?? '';
    if (word === '') break;
    if (isNameWord(word)) words.unshift(word);
    else if (connectors.has(word.toLowerCase()) && words.length > 0) words.unshift(word);
    else break;
    if (words.length >= 8) break;
  }
  while (words.length > 0 && connectors.has((words[0] ?? '').toLowerCase()) && words[0] !== 'The')
    words.shift();
  return words.join(' ');
}

/** Drops Markdown and link syntax, emoji and quotes around a name as written in a line. */
export function plainName(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, ' ')
    .replace(/\p{Extended_Pictographic}|\u{FE0F}/gu, ' ')
    .replace(/^["“'‘\s]+|["”'’\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes the legal form and the punctuation around a name ("NIKE, Inc." -> "NIKE"). */
function withoutLegalForm(name: string): string {
  let result = name.replace(/[.,:;]+$/, '').trim();
  for (let round = 0; round < 2; round++) {
    const stripped = result.replace(corporateSuffix, '').trim();
    if (stripped === '' || stripped === result) break;
    result = stripped.replace(/[.,:;]+$/, '').trim();
  }
  return result;
}

/** True when every word of `name` is a section-label or function word: a heading, not a company. */
export function isLabelText(name: string): boolean {
  const words = name
    .toLowerCase()
    .split(/[\s/&,:-]+/)
    .filter((word) => word !== '');
  return words.length > 0 && words.every((word) => labelWords.has(word) || functionWords.has(word));
}

/** Heading words a scraped page runs into the next line ("Company Overview WarnerMedia", "About Us Rent the Runway"). */
const headingWords = new Set(
  (
    'description summary overview company job position role about us who we are our organization organisation ' +
    'introduction details posting requirements qualifications responsibilities duties benefits ' +
    'compensation what you will do your why join apply equal opportunity employer eeo part'
  ).split(' '),
);

function withoutLeadingLabel(name: string): string {
  const words = name.split(' ');
  let start = 0;
  while (start < words.length - 1) {
    const word = (words[start] ?? '').toLowerCase();
    if (!headingWords.has(word)) break;
    start++;
  }
  // "Part of the NIKE, Inc. Team": small words the stripped label leaves behind go too.
  while (start > 0 && start < words.length - 1 && /^(?:of|the|and|for|at|in)$/.test(words[start] ?? ''))
    start++;
  // "Job Description The New York Times" keeps its article; "The Company" was never a name.
  return words.slice(start).join(' ');
}

export interface NameCheck {
  /** Allow a first word in lower case ("dbt Labs", "ecobee"): only where the layout says it is a name. */
  readonly lowercaseBrand?: boolean;
  /** A "Company:" field names a company even in common words ("Mission Essential"); only headings are refused. */
  readonly field?: boolean;
  /** A whole line: taken as it stands, never trimmed down to a name inside it ("No Relocation Assistance Offered"). */
  readonly line?: boolean;
}

/** Kinds of organisation: alone ("the Center", "the Trust", "the City"), a word like these is not a name. */
const bareKind =
  /^(?:center|centre|trust|foundation|institute|university|college|school|bank|group|company|corporation|hospital|clinic|lab|labs|laboratory|agency|department|office|council|board|city|county|state|province|government|ministry|program|programme|service|services|network|system|systems|platform|fund|firm|organization|organisation|business|enterprise|studio|store|stores|brand|brands|club|society|association|authority|commission|district|partnership|practice|campus|headquarters|hq)$/i;

/** Words never inside a name: a span holding one is a sentence fragment ("Looking For Someone With"). */
const innerStopWords = new Set(
  (
    'we our you your they their it its this that these those i he she his her my is are be will can may do does ' +
    'was were has have had been being if so then when while where what who why how please looking seeking hiring ' +
    'someone anyone everyone with to by as at in on or from into within across about via per'
  ).split(' '),
);

/** Words a run-on sentence leaves after a name ("Deloitte Services LLP We are looking"). */
const trailingWords = new Set(
  'we our you your they their it its this that these those i he she is are at in on to by with'.split(' '),
);

/** Drops leading and trailing words a sentence put around a name ("Then L'Oréal", "Deloitte Services LLP We"). */
function trimSentenceWords(name: string): string {
  const words = name.split(' ');
  while (words.length > 1 && functionWords.has((words[0] ?? '').toLowerCase()) && words[0] !== 'The')
    words.shift();
  if (words[0] === 'The' && words.length > 1 && functionWords.has((words[1] ?? '').toLowerCase()))
    words.shift();
  while (words.length > 1 && trailingWords.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
  return words.join(' ');
}

/**
 * The span as a company name, or null when it is not one: a section label, a date, a job title, a pay band, a place,
 * employment terms, a sentence fragment or an instruction.
 */
export function cleanCompanyName(raw: string, options: NameCheck = {}): string | null {
  const plain = plainName(raw);
  // "Daily Responsibilities:", "Class Code: 2236": a label, not a name.
  if (plain.includes(':')) return null;
  let name = withoutLegalForm(plain);
  name = withoutLegalForm(options.line === true ? name : trimSentenceWords(withoutLeadingLabel(name)));
  // "LoveveryLovevery": a scraped heading ran into the sentence that repeats it.
  name = name.replace(/^(\p{Lu}\p{Ll}{4,})\1$/u, '$1');
  // "Booking.com Booking.com": a logo's text before the same name in the heading.
  name = name.replace(/^(\S+(?: \S+){0,3}) \1$/u, '$1');
  if (name === '' || name.length > 60 || !/\p{L}/u.test(name)) return null;
  // "Naval Nuclear Laboratory (FMP)": the name is checked without its bracketed short form, and keeps it.
  const core = name.replace(/\s*\([^()]{1,40}\)$/, '');
  const words = core.split(' ');
  if (words.length > 8 || core === '') return null;
  const first = words[0] ?? '';
  if (!isNameWord(first) && !(options.lowercaseBrand === true && /^\p{Ll}[\p{Ll}\p{N}]{1,14}$/u.test(first)))
    return null;
  if (functionWords.has(first.toLowerCase()) && !(first === 'The' && words.length > 1)) return null;
  // "OrganizationThe Icahn School", "WithA Ph.D": a scraped page ran a heading or a small word into the next.
  if (
    words.some((word) =>
      /\p{Ll}(?:The|A|An|Our|We|At|In|For|And|With)(?:\p{Lu}|$)|^(?:With|For|And|The|Our|From|At|In)\p{Lu}/u.test(
        word,
      ),
    )
  )
    return null;
  // A name's words are capitalised, save its connectors; anything else is a sentence fragment.
  if (words.slice(1).some((word) => !isNameWord(word) && !connectors.has(word.toLowerCase()))) return null;
  if (words.some((word) => innerStopWords.has(word.toLowerCase()))) return null;
  if (/^(?:inc|llc|ltd|corp|corporation|co|gmbh|plc|llp|limited)\.?$/i.test(core)) return null;
  const labelOnly =
    options.field === true ? words.every((word) => headingWords.has(word.toLowerCase())) : isLabelText(core);
  if (labelOnly || bareKind.test(core.replace(/^The\s+/, ''))) return null;
  if (titleWord.test(core) || unitWord.test(core) || employmentWord.test(core) || placeOnly.test(core))
    return null;
  if (monthName.test(core) && /\d/.test(core)) return null;
  if (dateLike.test(core) || gradeLike.test(core) || letterDirective.test(core)) return null;
  if (/^[\p{N}\s.,-]+$/u.test(core) || /^\p{Lu}$/u.test(core)) return null;
  // Pay figures, requisition numbers and lists: "454000.0 United States", "RR00050955", "India, Hyderabad".
  if (/\d{4}/.test(core) || core.includes(',')) return null;
  // Two capitals are a state or a country code ("CA", "UK") unless a "Company:" field says otherwise.
  if (/^\p{Lu}{2}$/u.test(core) && options.field !== true) return null;
  return name;
}

/** Acronyms that fill postings and are never the employer ("AI", "SQL", "EEO"). */
const commonAcronyms = new Set(
  (
    'AI ML NLP LLM LLMS GENAI SQL ETL API APIS AWS GCP KPI KPIS EEO EEOC ADA HR IT US USA UK EU EMEA APAC LATAM CEO ' +
    'CTO CFO COO CIO VP SVP EVP PHD MSC BSC MS BS BA MBA CV CVS QA UX UI CI CD OKR OKRS SLA SAAS B2B B2C DEI ' +
    'PTO FAQ NA TBD ASAP N/A RMN NHS R&D IP ID'
  ).split(' '),
);

/** True for a common acronym ("AI", "SQL"): never a company, whatever the layout says. */
export function isCommonAcronym(name: string): boolean {
  return commonAcronyms.has(name.toUpperCase());
}

/** True when the character is a letter or a digit. */
function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Start offsets of `word` in `text` as a whole word. */
function* wholeWordAt(text: string, word: string): Generator<number> {
  for (let index = text.indexOf(word); index !== -1; index = text.indexOf(word, index + word.length)) {
    if (!isWordChar(text[index - 1]) && !isWordChar(text[index + word.length])) yield index;
  }
}

/** True when the word before `index` is in lower case or a number: the span sits mid-sentence. */
function followsLowercase(text: string, index: number): boolean {
  let position = index - 1;
  if (text[position] !== ' ' && text[position] !== '\t') return false;
  while (text[position] === ' ' || text[position] === '\t') position--;
  if (/['’"”)]/.test(text[position] ?? '')) position--;
  return /[\p{Ll}\p{N}]/u.test(text[position] ?? '');
}

/**
 * True when a one-word name reads as a proper noun: an acronym, a word with an inner capital or a digit, a word the
 * text never writes in lower case ("Clearco"; once is enough where `once` says the phrase around it is strong), or one it capitalises in the middle of a sentence ("work at Target").
 * "Collaboration is at the heart of ..." is a sentence start, not a company.
 */
export function readsAsProperNoun(name: string, text: string, once = false): boolean {
  if (name.includes(' ')) return true;
  if (/^[\p{Lu}\p{N}&.'’-]{2,}$/u.test(name)) return !isCommonAcronym(name);
  if (/.\p{Lu}|[\p{N}&]/u.test(name)) return true;
  const lower = name.toLowerCase();
  if (lower !== name && wholeWordAt(text, lower).next().done === true) {
    // Never written in lower case: a coined name if it recurs and does not read as an abstract noun ("Greatness").
    const recurs = once || text.indexOf(name) !== text.lastIndexOf(name);
    if (recurs && !/(?:ness|tion|sion|ment|ing|ship|hood)$/.test(name)) return true;
  }
  for (const index of wholeWordAt(text, name)) if (followsLowercase(text, index)) return true;
  return false;
}

/**
 * True when `name` can stand as an employer's name in a letter: not a heading or section label, a date, a job title,
 * a pay band, a place, a sentence fragment or an instruction; and, given the posting, a word the posting uses as a
 * name rather than a common word ("Greatness", "Collaboration").
 */
export function isPlausibleCompanyName(name: string, postingText?: string): boolean {
  const cleaned = cleanCompanyName(name, { lowercaseBrand: true });
  if (cleaned === null || isCommonAcronym(cleaned)) return false;
  return postingText === undefined || readsAsProperNoun(cleaned, postingText, true);
}
