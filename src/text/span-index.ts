/** A stretch of a text, `[start, end)`. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * The index of the range holding `offset`, or -1. The ranges are in text order and do not overlap (sentences,
 * paragraphs), so a binary search finds it; letters and postings ask this for every term they match.
 */
export function spanIndexAt(ranges: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle] as TextRange;
    if (offset < range.start) high = middle - 1;
    else if (offset >= range.end) low = middle + 1;
    else return middle;
  }
  return -1;
}
