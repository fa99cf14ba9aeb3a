/** A date or date range as the resume wrote it. */
export interface DateSpan {
  /** The span's own characters ("June 2022 – December 2024", "2019"). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The last four-digit year in it, when it has one. */
  readonly year?: string;
}

const month =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn|winter)\\.?';
const year = "(?:19|20)\\d{2}|'\\d{2}";
const point = `(?:(?:${month}\\s*)?(?:\\d{1,2},\\s*)?(?:${year})|\\d{1,2}[/.](?:${year})|${month}(?!\\s*\\d))`;
const ending = `(?:${point}|present|current|now|today|ongoing|date)`;
const span = new RegExp(
  `(?<![\\w/])(?:since\\s+)?${point}(?:\\s*(?:[-\u2010-\u2015~]|to|until|till)\\s*${ending})?(?![\\w/])`,
  'giu',
);

/** Every date or date range in `text`, left to right. A bare month counts only inside a range ("June – August 2021"). */
export function findDates(text: string): DateSpan[] {
  const found: DateSpan[] = [];
  for (const match of text.matchAll(span)) {
    const value = match[0];
    const years = value.match(/(?:19|20)\d{2}/g);
    if (years === null && !/[-\u2010-\u2015~]|\bto\b/.test(value)) continue;
    const last = years?.at(-1);
    found.push({
      text: value,
      start: match.index,
      end: match.index + value.length,
      ...(last === undefined ? {} : { year: last }),
    });
  }
  return found;
}

/**
 * `text` without its dates and durations ("3 years", "9 months"), or '' when nothing else is left. A date in the
 * middle leaves " | " in its place, so the words on either side are never read as one value.
 */
export function withoutDates(text: string): string {
  let rest = text;
  for (const date of findDates(text).reverse())
    rest = `${rest.slice(0, date.start)} | ${rest.slice(date.end)}`;
  return rest
    .replace(/\b\d+(?:\.\d+)?\s+(?:years?|months?)\b/gi, ' | ')
    .replace(/(?:\s*\|\s*)+\|/g, ' |')
    .replace(/\(\s*\|?\s*\)/g, '')
    .replace(/^[\s,|\-\u2010-\u2015:]+|[\s,|\-\u2010-\u2015:]+$/g, '')
    .trim();
}
