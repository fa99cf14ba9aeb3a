/**
 * The quantified facts of one achievement, exactly as its own line wrote them: percentages, money, multipliers, counts
 * with their unit ("400+ pens", "3.6 million users"), rates ("500/day") and measured values (">0.7"). A year, a
 * version ("YOLOv9") or a number inside a name is none of them.
 */
const qualifier =
  '(?:(?:over|under|more than|less than|up to|nearly|almost|about|approximately|around|roughly)\\s+)?';
const number = '[$€£¥]?\\d[\\d,]*(?:\\.\\d+)?';
const scale =
  '(?:\\s?(?:%|percent\\b|x\\b|×|k\\b|K\\b|M\\b|B\\b|bn\\b|million\\b|billion\\b|thousand\\b|MM\\b))?';
const metric = new RegExp(
  `(?<![\\w.\\-/])${qualifier}[~≈<>≥≤]?\\s?${number}${scale}(?:\\s?[-–]\\s?${number}${scale})?\\+?(?:/(?:day|week|month|year|hour|hr|sec|s|query|user)\\b)?(?:-(?:day|week|month|year|hour|minute)s?\\b)?`,
  'gu',
);

// Words that end a count rather than name its unit ("by 40", "in 2 of").
const notUnits = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'to',
  'of',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'into',
  'per',
  'as',
  'than',
  'across',
  'over',
  'under',
  'through',
  'while',
  'that',
  'which',
  'is',
  'was',
  'were',
  'are',
  'and/or',
]);

function isYear(value: string): boolean {
  return /^(?:19|20)\d{2}(?:\s?[-–]\s?(?:19|20)?\d{2,4})?$/.test(value.trim());
}

/** The metrics in `text`, left to right, each a substring of it. */
export function findMetrics(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(metric)) {
    let value = match[0].trimEnd().replace(/,$/, '');
    const bare = value.replace(/^[^\d$€£¥~≈<>≥≤]+/, '');
    if (isYear(bare)) continue;
    const plain = /^[~≈<>≥≤]?\s?\d[\d,.]*\+?$/.test(bare);
    if (!/[%$€£¥×/]|\dx\b|percent|-\w/.test(value)) {
      // A count takes the word after it as its unit ("400+ pens", "30 minutes", "2M images/day").
      const after = text.slice(match.index + value.length).match(/^\s([a-zA-Z][\w-]*(?:\/[a-z]+)?)/);
      const word = after?.[1];
      if (word !== undefined && !notUnits.has(word.toLowerCase())) value += after?.[0] ?? '';
      else if (plain && !/[~≈<>≥≤+]/.test(bare) && !bare.includes('.')) continue;
    }
    if (!found.includes(value)) found.push(value);
  }
  return found;
}
