/** A slice of a text: `text.slice(start, end)` is `slice.text`, so a quote taken from it is always verbatim. */
export interface TextSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The lines of a text, without their line breaks (a last line with no break included). */
export function splitLines(text: string): TextSpan[] {
  const lines: TextSpan[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ text: text.slice(start, end), start, end });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(text[index] ?? '');
}

/** `[start, end)` without the whitespace at either end; null when nothing is left. */
export function trimSpan(text: string, start: number, end: number): TextSpan | null {
  let from = start;
  let to = end;
  while (from < to && isSpaceAt(text, from)) from++;
  while (to > from && isSpaceAt(text, to - 1)) to--;
  return from === to ? null : { text: text.slice(from, to), start: from, end: to };
}

/** Where a text's sentences end besides . ! ? followed by whitespace: a letter and a posting read these differently. */
export interface SentenceBreaks {
  /** A line break ends a sentence: a letter's list lines are sentences, a posting's wrapped lines are not. */
  readonly lineBreaks: boolean;
  /** A sentence starts only at a capital, digit, quote, asterisk or bracket ("e.g. a feature store" goes on). */
  readonly capitalAfter: boolean;
  /** Matches the end of the eight characters before a full stop that is an abbreviation's ("e.g.", "Inc."). */
  readonly abbreviation: RegExp;
}

const sentenceStart = /[A-Z0-9"“'‘*(]/;

/**
 * The sentences of `[start, end)` of a text, trimmed: each ends at . ! or ? followed by whitespace (or the end), unless
 * the full stop ends an abbreviation; a decimal such as "3.5" has no whitespace after its point.
 */
export function splitSentences(text: string, start: number, end: number, breaks: SentenceBreaks): TextSpan[] {
  const sentences: TextSpan[] = [];
  const push = (from: number, to: number): void => {
    const sentence = trimSpan(text, from, to);
    if (sentence !== null) sentences.push(sentence);
  };
  let from = start;
  for (let index = start; index < end; index++) {
    // Char codes: . ! ? and newline; this loop visits every character of every letter.
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      if (!breaks.lineBreaks) continue;
      push(from, index);
      from = index + 1;
      continue;
    }
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f) continue;
    if (index + 1 < end && !isSpaceAt(text, index + 1)) continue;
    if (breaks.capitalAfter) {
      let look = index + 1;
      while (look < end && isSpaceAt(text, look)) look++;
      if (look < end && !sentenceStart.test(text[look] ?? '')) continue;
    }
    if (code === 0x2e && breaks.abbreviation.test(text.slice(Math.max(from, index - 8), index + 1))) continue;
    push(from, index + 1);
    from = index + 1;
  }
  push(from, end);
  return sentences;
}
