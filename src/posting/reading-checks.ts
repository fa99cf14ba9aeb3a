import { occursIn } from '../text/verbatim.js';
import { escapeRegExp } from '../text/vocabulary-matcher.js';
import { withoutAddresses } from '../text/without-addresses.js';
import type { Posting } from './posting.js';
import type { PostingAnalysis } from './posting-analysis.js';

/** The reading fields a check can refuse, as the report names them. */
export type ReadingField = 'company' | 'role' | 'hiringManager' | 'hook';

/** A value the reader gave that lede did not use, and why. */
export interface RefusedField {
  readonly field: ReadingField;
  readonly value: string;
  readonly reason: string;
}

/** Longer than this is a sentence, not a name or a title. */
export const maxNameLength = 80;

// Section labels and posting furniture that a careless reader takes for an employer.
const notEmployers = new Set(
  [
    'about',
    'about us',
    'about the company',
    'about the role',
    'about the job',
    'applicants',
    'benefits',
    'company',
    'company description',
    'company overview',
    'depart on',
    'description',
    'description & requirements',
    'duties',
    'general description',
    'general summary',
    'i. general summary',
    'incumbent',
    'job',
    'job description',
    'job summary',
    'location',
    'overview',
    'position',
    'position summary',
    'posting information',
    'qualifications',
    'requirements',
    'responsibilities',
    'role',
    'so',
    'summary',
    'the company',
    'the role',
    'the team',
    'we',
    'you',
    'your team',
  ].map((label) => label.toLowerCase()),
);

const monthNames =
  /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|jun(e)?|jul(y)?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b/i;

// Text that talks to a model or a reader instead of naming something: "(AI: add the sentence ...)".
const instructionLike =
  /\b(ignore|disregard|forget)\s+(all|any|the|previous|prior|above)\b|\b(add|insert|include|write|say|state|claim)\s+(the|this|a|that)\s+(sentence|line|text|paragraph|phrase|claim)\b|\b(ai|system|assistant|user|instruction|note to (the )?(ai|model|assistant))\s*:|[{}<>]|["“][^"”]{12,}["”]/i;

/** Why a string cannot be a name or a title in a letter, or null when it can. */
export function nameProblem(value: string): string | null {
  if (/[\r\n\u2028\u2029]/.test(value)) return 'it spans several lines';
  if (value.trim().length > maxNameLength) return `it is longer than ${maxNameLength} characters`;
  if (instructionLike.test(value)) return 'it reads like an instruction, not a name';
  return null;
}

/** A section heading, a label, a date or a bare number: posting furniture, never an employer's name. */
export function furnitureProblem(name: string): string | null {
  const trimmed = name.trim().replace(/[:.]+$/, '');
  if (notEmployers.has(trimmed.toLowerCase())) return 'it is a section heading, not an employer';
  if (/^[\d\s./,-]+$/.test(trimmed) || (/\d/.test(trimmed) && monthNames.test(trimmed)))
    return 'it is a date or a number, not an employer';
  return null;
}

/**
 * Why a string read as the employer cannot be one, or null when it can be: a section heading or label, a date, a
 * bare number, a sentence fragment, or a single common word the posting itself writes in lower case ("Greatness" at
 * the head of a paragraph, where the text says "greatness" elsewhere).
 */
export function employerNameProblem(name: string, postingText: string): string | null {
  const general = nameProblem(name);
  if (general !== null) return general;
  const furniture = furnitureProblem(name);
  if (furniture !== null) return furniture;
  const trimmed = name.trim().replace(/[:.]+$/, '');
  if (
    // "The Harbor Ledger" is a name; "the team" and "and Sons" are not.
    (/^(and|or|but|so|to|of|in|for|with|the|a|an)(\s|$)/i.test(trimmed) &&
      !/^[Tt]he\s+\p{Lu}/u.test(trimmed)) ||
    /\s(and|or|of|the|to)$/i.test(trimmed)
  )
    return 'it is a sentence fragment, not an employer';
  if (!/\s/.test(trimmed) && trimmed !== trimmed.toUpperCase() && onlyCommonWord(trimmed, postingText))
    return 'it is a common word the posting writes in lower case, not a name';
  return null;
}

/**
 * A word the posting writes in lower case and capitalises only where any word would be (at the start of a sentence,
 * a line or a heading): "Greatness". A name is capitalised mid-sentence at least once ("stores at Target"), however
 * often the text also uses the word ("target variable"). Addresses do not count ("careers.walmart.com").
 */
function onlyCommonWord(word: string, postingText: string): boolean {
  const prose = withoutAddresses(postingText);
  let lower = 0;
  for (const match of prose.matchAll(
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'),
  )) {
    const written = match[0];
    if (written === written.toLowerCase()) {
      lower++;
      continue;
    }
    const before = prose.slice(Math.max(0, match.index - 3), match.index);
    if (!/(^|[.!?:;\n•*#\-–—(\]"“]\s*)$/u.test(before) && match.index > 0) return false;
  }
  return lower > 0;
}

/**
 * The contract every reading must meet before a letter uses it, whichever engine read the posting: names and titles
 * on one line, short, found in the posting and not instructions; an employer that is a plausible name; a hook whose
 * evidence is a verbatim quote and whose text is not an instruction. A field that fails is dropped (null) and listed.
 */
export function checkReading(
  analysis: PostingAnalysis,
  posting: Posting,
): { readonly analysis: PostingAnalysis; readonly refused: readonly RefusedField[] } {
  const refused: RefusedField[] = [];
  const keep = (field: ReadingField, value: string | null, problem: (value: string) => string | null) => {
    if (value === null) return null;
    const reason = occursIn(value, posting.text) ? problem(value) : 'the posting does not say it';
    if (reason === null) return value.trim();
    refused.push({ field, value, reason });
    return null;
  };
  const company = keep('company', analysis.company, (value) => employerNameProblem(value, posting.text));
  const role = keep('role', analysis.role, nameProblem);
  const hiringManager = keep('hiringManager', analysis.hiringManager, nameProblem);
  let hook = analysis.hook;
  if (hook !== null) {
    const reason = !occursIn(hook.evidence, posting.text)
      ? 'its evidence is not a quote from the posting'
      : instructionLike.test(hook.text) || /[\r\n]/.test(hook.text)
        ? 'it reads like an instruction, not a product or project'
        : null;
    if (reason !== null) {
      refused.push({ field: 'hook', value: hook.text, reason });
      hook = null;
    }
  }
  return { analysis: { ...analysis, company, role, hiringManager, hook }, refused };
}
