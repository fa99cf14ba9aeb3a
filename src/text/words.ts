/**
 * What a word is, for every reader of text in lede (the tokenizer, the term matcher, the word count): runs of letters
 * and digits, `[\p{L}\p{N}]` as a `u` regular expression reads them, so a hand-written scan and a pattern always
 * agree on where a word starts and ends.
 */

const letterOrDigit = /^[\p{L}\p{N}]$/u;

/** Whether an ASCII character code is a letter or digit: the test scanners make before anything slower. */
export function isAsciiWordCode(code: number): boolean {
  const letter = code | 32;
  return (code >= 48 && code <= 57) || (letter >= 97 && letter <= 122);
}

/**
 * How many code units the letter or digit at `index` takes (2 for one outside the BMP), or 0 for any other
 * character. A hand-written test: the critic and the posting readers call it for every character they read.
 */
export function wordCharWidth(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return isAsciiWordCode(code) ? 1 : 0;
  const point = text.codePointAt(index) as number;
  const width = point > 0xffff ? 2 : 1;
  return letterOrDigit.test(text.slice(index, index + width)) ? width : 0;
}

/** Whether a letter or digit starts at `index`. */
export function isWordChar(text: string, index: number): boolean {
  return wordCharWidth(text, index) > 0;
}

/**
 * Folds case the way a case-insensitive pattern does: upper then lower case sends the letters with more than one lower
 * form (long s, the Greek symbol variants) to one, and final sigma goes to sigma. Folding can change a text's length
 * (ß, dotted capital I); callers that keep offsets check for that. Tokens carry `toLowerCase()` instead: word lists
 * are written in lower case, and a token keeps its length.
 */
export function foldCase(text: string): string {
  return text.toUpperCase().toLowerCase().replace(/ς/g, 'σ');
}

/**
 * Words in `[start, end)` as a reader counts them: a word starts at a letter or digit and runs on through letters,
 * digits and ' ’ . % $ & + / - ("real-time", "40%", "Node.js" are one word each). A counting loop: it runs on every
 * letter the critic sees.
 */
export function countWords(text: string, start = 0, end = text.length): number {
  let count = 0;
  let inWord = false;
  for (let index = start; index < end; index++) {
    const width = wordCharWidth(text, index);
    if (width > 0) {
      if (!inWord) count++;
      inWord = true;
      index += width - 1;
    } else if (inWord) inWord = continuesWord(text.charCodeAt(index));
  }
  return count;
}

function continuesWord(code: number): boolean {
  // ' ’ . % $ & + / -
  return (
    code === 39 ||
    code === 0x2019 ||
    code === 46 ||
    code === 37 ||
    code === 36 ||
    code === 38 ||
    code === 43 ||
    code === 47 ||
    code === 45
  );
}
