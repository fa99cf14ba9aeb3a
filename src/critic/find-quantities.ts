import { memoOn } from '../text/memo.js';
import { type Token, tokenize, tokensOf } from '../text/tokenize.js';

/** What a number in a letter measures; rules choose which kinds count as a result. */
export type QuantityKind =
  | 'money'
  | 'percent'
  | 'multiple'
  | 'scale'
  | 'decimal'
  | 'count'
  | 'year'
  | 'duration'
  | 'spelled';

/** A number as written in the text, with its value for comparing "2M+" with "2 million". */
export interface Quantity {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: QuantityKind;
  /** The numeric value (40 for "40%", 1200000 for "$1.2M"); NaN for spelled quantities. */
  readonly value: number;
  /** The number of digits before any decimal point ("7" has 1): plain one-digit counts are too vague to check. */
  readonly integerDigits: number;
  /** "5 years of experience": a length of experience, not a result. */
  readonly experience: boolean;
  /**
   * A number that is not an outcome though it may be a fact: an ordinal ("2nd year"), a version or a name's number
   * ("Bootstrap 5", "Office 365"), a phone number, or a span of time ("the past two years", "seven semesters",
   * "three months ago"). A span counts as an outcome only after a word of change ("from 6 hours to 40 minutes").
   */
  readonly notOutcome: boolean;
}

// Applied (sticky) where a number starts; the scan in findQuantities checks what comes before it.
const numberPattern =
  /([$€£]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![0-9])(?![.,/:]\d)(\s?(?:%|percent\b|per cent\b|percentage points?\b|pp\b|[x×](?![A-Za-z0-9À-ÿ])|[kKmMbB](?:n)?(?![A-Za-z0-9À-ÿ])|\s(?:thousand|million|billion|trillion)\b))?(\+)?/y;
const numberStart = /[$€£\d]/g;
const notBeforeNumber = /[\p{L}\p{N}_.,/\\-]/u;
const spelledWords = new Set(
  'doubled tripled quadrupled halved two three four five six seven eight nine ten twelve fifteen twenty thirty forty fifty hundreds thousands millions billions dozens'.split(
    ' ',
  ),
);
const durationAfter =
  /^\+?\s?-?(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|quarters?|semesters?|years?|yrs?)\b/iu;
// Long units: a span of them is a time in someone's life, not a result, unless a word of change comes before.
const longDurationAfter = /^\+?\s?-?(?:months?|quarters?|semesters?|years?|yrs?)\b/iu;
// ASCII classes and no u flag: these run on every number of every letter.
const changeBefore =
  /\b(?:from|to|by|under|below|within|cut|cutting|reduced|reducing|saved|saving|shaved|shaving|shortened|down to|in just|in only|less than|fewer than)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+|only\s+)?$/i;
const spanBefore =
  /\b(?:past|last|for|over|during|spanning|throughout|after|than|since|nearly|almost|about|around|some)\s+$/i;
const agoAfter = /^\s?-?\S*\s+ago\b/i;
const ordinalAfter = /^(?:st|nd|rd|th)\b/i;
// A grade or score is a credential, not an outcome of the work: "a GPA of 3.9", "self-assessment scores of 8.0".
const gradeBefore = /\b(?:gpa|cgpa|grade|grades|scores?|scored|rated|rating)\s+(?:of\s+|is\s+|was\s+)?$/i;
const phoneAfter = /^\)?[\s.-]?\d{3}[\s.-]\d{4}(?!\d)/;
const phoneMiddle = (before: string, after: string): boolean =>
  /\(?\d{3}\)?[\s.-]$/.test(before) && /^[\s.-]\d{4}(?!\d)/.test(after);
// A capitalized name right before a bare number makes it the name's number: "Office 365", "Llama 3", "Bootstrap 5".
const nameBefore = /(?:^|[\s(])([A-Z][A-Za-z0-9.+#-]*)\s$/;
const notNames = new Set(
  'over about nearly almost more than top with by to from of in for around under across some all only just roughly approximately up down i we our my the a an and or at on within after before since each every per reduced cut saved grew increased led managed served handled built shipped'.split(
    ' ',
  ),
);
const experienceAfter =
  /^\+?\s?(?:years?|yrs?)\b(?:['’]?\s+(?:of|in)\b|['’]?\s+(?:experience|professional))/iu;
const yearRangeBefore = /\b(?:19[5-9]\d|20[0-4]\d)\s*(?:to|until|till|through|and|-|–|—)\s*$/iu;
const yearBefore =
  /\b(?:in|since|from|by|until|till|through|during|of|early|late|mid|spring|summer|fall|autumn|winter|class|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\s*[-–]?\s*$/iu;

const multipliers: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  b: 1e9,
  bn: 1e9,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Every number in `text` (digits, money, percentages, multiples, scale, and spelled counts such as "doubled"). */
export function findQuantities(text: string, tokens?: readonly Token[]): Quantity[] {
  const found: Quantity[] = [];
  numberStart.lastIndex = 0;
  for (let candidate = numberStart.exec(text); candidate !== null; candidate = numberStart.exec(text)) {
    const at = candidate.index;
    if (at > 0 && notBeforeNumber.test(text[at - 1] ?? '')) continue;
    numberPattern.lastIndex = at;
    const match = numberPattern.exec(text);
    if (match === null) continue;
    const [whole, currency, integer = '', fraction = '', suffix = '', plus = ''] = match;
    numberStart.lastIndex = at + whole.length;
    const start = at;
    const end = start + whole.length;
    const rawSuffix = suffix.trim().toLowerCase();
    let value = Number(integer.replaceAll(',', '') + fraction);
    let kind: QuantityKind;
    const multiplier = multipliers[rawSuffix];
    if (multiplier !== undefined) value *= multiplier;
    const after = text.slice(end, end + 40);
    if (currency !== undefined) kind = 'money';
    else if (
      rawSuffix.startsWith('%') ||
      rawSuffix.startsWith('percent') ||
      rawSuffix.startsWith('per cent') ||
      rawSuffix === 'pp'
    )
      kind = 'percent';
    else if (rawSuffix === 'x' || rawSuffix === '×') kind = 'multiple';
    else if (multiplier !== undefined) kind = 'scale';
    else if (durationAfter.test(after)) kind = 'duration';
    else if (plus !== '') kind = 'scale';
    else if (fraction !== '') kind = 'decimal';
    else if (isYear(text, start, integer, after)) kind = 'year';
    else kind = 'count';
    // Only bare numbers and durations can be something other than an outcome; money and percentages never are.
    const bare = currency === undefined && suffix === '';
    const before = bare || kind === 'duration' ? text.slice(Math.max(0, start - 40), start) : '';
    const name = bare ? nameBefore.exec(before)?.[1] : undefined;
    found.push({
      text: whole,
      start,
      end,
      kind,
      value,
      integerDigits: integer.replaceAll(',', '').length,
      experience: kind === 'duration' && experienceAfter.test(after),
      notOutcome:
        (bare &&
          (ordinalAfter.test(after) ||
            phoneAfter.test(after) ||
            phoneMiddle(before, after) ||
            text[start - 1] === '+' ||
            gradeBefore.test(before) ||
            (name !== undefined && !notNames.has(name.toLowerCase())))) ||
        (kind === 'duration' && isSpan(before, after)),
    });
  }
  for (const token of tokens ?? tokenize(text)) {
    if (!spelledWords.has(token.lower)) continue;
    const after = text.slice(token.end, token.end + 40);
    // "two-fold" is one quantity.
    const fold = /^-fold\b/i.exec(after);
    const end = token.end + (fold === null ? 0 : fold[0].length);
    found.push({
      text: text.slice(token.start, end),
      start: token.start,
      end,
      kind: 'spelled',
      value: Number.NaN,
      integerDigits: 0,
      experience: experienceAfter.test(after),
      notOutcome:
        durationAfter.test(after) && isSpan(text.slice(Math.max(0, token.start - 40), token.start), after),
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A duration that measures a time in someone's life ("the past two years", "10+ years") rather than a change. */
function isSpan(before: string, after: string): boolean {
  if (changeBefore.test(before)) return false;
  return spanBefore.test(before) || agoAfter.test(after) || longDurationAfter.test(after);
}

function isYear(text: string, start: number, integer: string, after: string): boolean {
  if (!/^(?:19[5-9]\d|20[0-4]\d)$/.test(integer)) return false;
  // "in 2019" or "2019," is a year; "2000 stores" is a count; "from 2011 to 2018 I" ends a range of years.
  return (
    yearBefore.test(text.slice(Math.max(0, start - 12), start)) ||
    yearRangeBefore.test(text.slice(Math.max(0, start - 16), start)) ||
    !/^\s*\p{L}/u.test(after)
  );
}

/** A quantity that states a result: not a year, a length of experience, an ordinal, a version, a phone or a span. */
export function isResultQuantity(quantity: Quantity): boolean {
  return quantity.kind !== 'year' && !quantity.experience && !quantity.notOutcome;
}

/** A key that two spellings of the same figure share: "40%" and "40 percent", "2M+" and "2 million". */
export function quantityKey(quantity: Quantity): string {
  return `${quantity.kind === 'percent' ? 'p' : 'n'}:${quantity.value}`;
}

const quantitiesKey = Symbol('quantities');

/** The quantities of a letter, found once per letter object. */
export function quantitiesOf(letter: { readonly text: string }): Quantity[] {
  return memoOn(letter, quantitiesKey, () => findQuantities(letter.text, tokensOf(letter)));
}
