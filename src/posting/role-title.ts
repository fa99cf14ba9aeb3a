import { letterDirective } from './letter-directive.js';

/**
 * Job titles as postings write them, and the clean title a letter can use: no Markdown link syntax, no "As a", no
 * article, no requisition number, no location, work arrangement, pay band or "(m/f/x)" after it.
 */

/** The nouns a job title ends on ("Senior Data Scientist", "Head of AI Strategy" opens on one). */
const headNouns =
  'engineer|scientist|developer|analyst|architect|researcher|specialist|manager|lead|consultant|programmer|statistician|administrator|designer|director|officer|coordinator|technician|nurse|executive|associate|intern|modell?er|expert|postdoc|fellow|writer|recruiter|accountant|advisor|adviser|assistant|strategist|owner|representative|clerk|supervisor|teacher|instructor|economist|actuary|underwriter|auditor|controller|editor|producer|planner|buyer|merchandiser|pharmacist|physician|therapist|chemist|biologist|physicist|mathematician|epidemiologist|librarian|counsel|attorney|paralegal|partner|principal|head|chief|president|vp|trainee|apprentice|operator|mechanic|electrician|cashier|clinician|practitioner|technologist|evangelist|advocate';

const headNoun = new RegExp(`\\b(?:${headNouns})s?\\b`, 'i');
const pluralHead = new RegExp(`\\b(?:${headNouns.replace(/\|/g, 's|')}s)$`, 'i');
/** A title ends on a head noun, or on its level ("Data Scientist II", "Software Engineer 3"). */
const endsOnHead = new RegExp(`\\b(?:${headNouns})s?(?:\\s+(?:[IV]{1,3}|\\d))?$`, 'i');
/** "Head of AI Strategy", "Director of Research and Policy": a head noun that opens the title. */
const opensOnHead = /^(?:head|director|vp|vice president|chief|manager|lead)\s+(?:of|for)\s+/i;

/**
 * True when `title` reads as one job title: two words or more that end on a head noun in the singular, or open on
 * one ("Head of AI Strategy"). "Engineer" alone and "Staff Nurses" are not a title.
 */
export function isJobTitle(title: string): boolean {
  if (!/\s/.test(title.trim())) return false;
  if (pluralHead.test(title)) return false;
  return endsOnHead.test(title) || opensOnHead.test(title) || (/,\s/.test(title) && headNoun.test(title));
}

/** True when every word of a title line is capitalised or a small word: "How you will lead" is a heading. */
export function readsAsTitleLine(title: string): boolean {
  return title
    .split(/\s+/)
    .every(
      (word) =>
        /^[\p{Lu}\p{N}(&+#./[]/u.test(word) ||
        /^(?:of|and|for|the|in|to|with|de|du|a|an|-|–|—|\|)$/.test(word),
    );
}

/** True when a field or a title line holds a job title anywhere in it ("Marketing Data Analyst- CDP"). */
export function holdsJobTitle(title: string): boolean {
  return headNoun.test(title) && /\s/.test(title.trim());
}

/** Parts after a title that are not the job: places, work arrangements, bands, counts, gender markers, codes. */
const noise =
  /\b(?:remote|hybrid|on-?site|onsite|in-office|office|full[- ]?time|part[- ]?time|permanent|temporary|contract|fixed[- ]term|freelance|anywhere|relocation|visa|sponsorship|band|grade|salary|pay|req(?:uisition)?|job id|roles? available|openings?|client|positions? available|m\/f\/[xd]|f\/m\/[xd]|w\/m\/d|m\/w\/d|h\/f|all genders|gn|usa|u\.s\.|united states|canada|united kingdom|uk|germany|france|spain|india|europe|latam|worldwide|apac|new york|london|berlin|toronto|vancouver|montreal|seattle|san francisco|chicago|boston|austin|paris|amsterdam|dublin|singapore|remote-first|wfh|work from home)\b|^\s*\d+\s*$|,\s*[A-Z]{2}\b/i;

/** Words that describe a person rather than name the job ("a highly skilled and motivated Senior Data Scientist"). */
const describingWords = new Set(
  (
    'highly skilled motivated talented experienced passionate driven curious innovative hands-on hands on ' +
    'entrepreneurial enthusiastic exceptional outstanding creative dynamic proactive seasoned strong ' +
    'results-oriented detail-oriented self-motivated self-starting brilliant ambitious versatile dedicated ' +
    'analytical savvy resourceful collaborative a-player rockstar ninja new next first an a the our and of'
  ).split(' '),
);

/** Acronyms kept in capitals when a lower-case title is capitalised ("ml engineer" -> "ML Engineer"). */
const acronyms = new Set([
  'ml',
  'ai',
  'bi',
  'ux',
  'ui',
  'qa',
  'it',
  'nlp',
  'llm',
  'sre',
  'hr',
  'vp',
  'gis',
  'etl',
  'kdb',
  'ios',
]);

/** Title case for a title: "data scientist" -> "Data Scientist"; small words, acronyms and brands stay. */
function capitalise(title: string): string {
  return title.replace(/(^|[\s/(-])([\p{Ll}][\p{L}\p{N}]*)/gu, (whole, before: string, word: string) => {
    if (acronyms.has(word)) return `${before}${word.toUpperCase()}`;
    if (/^(?:of|and|for|the|in|to|with|a|an|on|at|by)$/.test(word) && before !== '') return whole;
    // "full-stack": only the first part of a hyphenated word is capitalised.
    if (before === '-') return whole;
    return `${before}${word[0]?.toUpperCase()}${word.slice(1)}`;
  });
}

/** "MACHINE LEARNING ENGINEER" -> "Machine Learning Engineer"; short acronyms (ML, AI, III) stay. */
function unshout(title: string): string {
  if (/\p{Ll}/u.test(title)) return title;
  return title.replace(/\p{Lu}{4,}/gu, (word) => word[0] + word.slice(1).toLowerCase());
}

/** "[ML Engineer [IC3]](https://...)": a Markdown link, whose text may hold brackets of its own. */
export const markdownLink = /\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g;

/** Splits a title at its separators (" - ", " | ", " — ", "- healthcare"), keeping what each segment is. */
const separator = /\s+[-–—|·•]\s+|\s*\|\s*|(?<=\p{L})[-–—]\s+(?=\p{Ll})/u;

/**
 * The clean job title in `raw` (a title line, a field value or a phrase from the text), or null when it holds none.
 * Keeps the specialty after a comma ("Data Scientist, Operations") and the whole of an inverted title ("Manager, Data
 * Science - Supply Chain"); drops a team after a dash ("Data Scientist - US Cards" -> "Data Scientist") and what is
 * not the job.
 */
export function cleanTitle(raw: string): string | null {
  let title = unshout(raw)
    .replace(markdownLink, '$1')
    .replace(/[*_`#>]+/g, ' ')
    .replace(/\p{Extended_Pictographic}|\u{FE0F}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Requisition codes and places before the title: "2024-7209_Data Engineer", "(USA) Staff, Data Scientist".
  title = title
    .replace(/^(?:job id|req(?:uisition)? id|ref)\s*[:#]?\s*\S+\s+/i, '')
    .replace(/^[A-Z]{0,4}[-#]?\d[\d-]*[_:.\s-]+(?=\p{L})/u, '')
    .replace(/^\([^)]*\)\s*(?=\p{Lu})/u, (lead) => (noise.test(lead) ? '' : lead))
    .replace(/^(?:as|for)\s+(?:an?|the|our)\s+/i, '')
    .replace(/^(?:an?|the|our)\s+/i, '');
  // "(m/f/x) onsite or remote (in Germany)": the first bracket of noise ends the title.
  for (const bracket of title.matchAll(/\s*[([][^)\]]*[)\]]/g)) {
    if (
      bracket.index > 0 &&
      (noise.test(bracket[0]) || /\d{3}|^\s*[([]\s*[A-Z]{0,3}\d+\s*[)\]]$/.test(bracket[0]))
    ) {
      title = title.slice(0, bracket.index);
      break;
    }
  }
  // "(GenAI, GAI, Deep Learning)": a list in brackets after the title is keywords, not the job.
  title = title.replace(/\s*\([^)]*,[^)]*\)\s*$/, '');
  const segments = title.split(separator).map((segment) => segment.trim());
  const first = segments.findIndex((segment) => headNoun.test(segment));
  if (first === -1) return null;
  const kept: string[] = [];
  // "Machine Learning Engineer - Fraud Detection": the team after a dash is not the title; an inverted title
  // ("Manager, Data Science - Supply Chain") keeps it, since its head word came first.
  const inverted = (segments[first] ?? '').includes(',');
  for (const segment of segments.slice(first)) {
    if (kept.length > 0 && !inverted) break;
    if (kept.length > 0 && (segment === '' || noise.test(segment) || !/^[\p{Lu}\p{N}(]/u.test(segment)))
      break;
    // "Machine Learning/Scientifique Principal des Données": the title again in another language.
    const translated = /(?<=\S+\s+\S+)\s*\/\s*(?:\S+\s+){2,}\S+.*$/.exec(segment);
    kept.push(translated === null ? segment : segment.slice(0, translated.index));
    if (translated !== null) break;
  }
  title = kept
    .join(' - ')
    .replace(/\s+(?:role|position|opening|vacancy|job)$/i, '')
    .replace(/\s+\d{3,}$/, '')
    .replace(/\s+,/g, ',')
    .replace(/^[\s:–—-]+|[\s:,.;–—-]+$/g, '')
    .trim();
  if (title === '' || title.split(' ').length > 14 || letterDirective.test(title)) return null;
  return title;
}

const titleWord = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}&+#./'’-]*|of|and|&|for|in|de|to|the)$/u;
const stopWord =
  /^(?:to|who|that|which|with|within|at|in|on|you|your|will|is|are|based|reporting|responsible|join|joining|team|role|position|where|from|by|as|for)$/i;

/**
 * The job title that starts at `index` in running text ("As a Senior Data Scientist, Operations at Coalition ...",
 * "looking for an entrepreneurial data scientist to join ..."), or null. Describing words before it are dropped, and
 * the title ends on its last head noun.
 */
export function titleAt(text: string, index: number): string | null {
  // "The Senior, Data Scientist will": a comma after the seniority is part of the title.
  const rest =
    text
      .slice(index, index + 140)
      .replace(
        /^(Senior|Staff|Lead|Principal|Junior|Manager|Associate|Director|Sr\.?),\s+(?=\p{Lu})/u,
        '$1, ',
      )
      .split(
        /(?<!^(?:Senior|Staff|Lead|Principal|Junior|Manager|Associate|Director|Sr\.?)),|[;:.!?()\n]|\s[-–—]\s/,
      )[0] ?? '';
  let words = rest.trim().split(/\s+/);
  // "Position The Data Scientist", "Job The Data Scientist II": a run-together label before the title.
  const article = words.findIndex(
    (word, position) => position > 0 && position < 4 && /^(?:The|A|An)$/.test(word),
  );
  if (article !== -1) words = words.slice(article + 1);
  // "phenomenal Data scientists", "best-in-class Applied Data Scientist": lower-case praise before a title.
  const capital = words.findIndex((word) => /^\p{Lu}/u.test(word));
  if (capital > 0 && capital < 4 && words.slice(0, capital).every((word) => /^\p{Ll}/u.test(word)))
    words = words.slice(capital);
  let start = 0;
  while (start < words.length && describingWords.has((words[start] ?? '').toLowerCase())) start++;
  // "highly skilled and motivated": describing words joined by "and".
  const picked: string[] = [];
  let lastHead = -1;
  for (const word of words.slice(start, start + 10)) {
    const clean = word.replace(/['’]s$/, '').replace(/,$/, '');
    if (picked.length > 0 && stopWord.test(clean)) break;
    const lower = clean === clean.toLowerCase();
    if (!titleWord.test(clean) && !(lower && /^[\p{Ll}][\p{Ll}&/+-]*$/u.test(clean))) break;
    picked.push(word.endsWith(',') ? `${clean},` : clean);
    if (headNoun.test(clean) || (/^(?:[IV]{1,3}|\d)$/.test(clean) && lastHead === picked.length - 2))
      lastHead = picked.length - 1;
    else if (lastHead >= 0 && !/^(?:of|and|&|for)$/.test(clean) && picked.length - lastHead > 3) break;
  }
  if (lastHead < 0) return null;
  let title = picked.slice(0, lastHead + 1);
  // "Head of AI Strategy" ends after its "of" phrase, not on the head noun that opens it.
  if (
    lastHead === 0 &&
    /^(?:head|director|vp|chief|manager|lead)$/i.test(title[0] ?? '') &&
    /^(?:of|for)$/i.test(picked[1] ?? '')
  ) {
    title = picked.slice(0, Math.min(picked.length, 6));
  }
  while (title.length > 0 && describingWords.has((title[0] ?? '').toLowerCase())) title.shift();
  const phrase = title.join(' ');
  // A lower-case phrase must be a title, not a sentence: "work with the data scientists" is no role.
  if (
    phrase === '' ||
    !isJobTitle(phrase) ||
    (/s$/.test(title[title.length - 1] ?? '') && !/\p{Lu}/u.test(phrase))
  )
    return null;
  const cleaned = cleanTitle(phrase);
  return cleaned === null ? null : capitalise(cleaned);
}
