import { spanIndexAt } from '../text/span-index.js';
import type { Evidence } from './finding.js';
import type { Span } from './letter-anatomy.js';

/** The span (sentence, paragraph) holding `offset`, or null. Spans are sorted and do not overlap. */
export function spanAt(spans: readonly Span[], offset: number): Span | null {
  return spans[spanIndexAt(spans, offset)] ?? null;
}

/** Evidence quoting `[start, end)` of the letter. */
export function quote(text: string, start: number, end: number): Evidence {
  return { text: text.slice(start, end), start, end };
}

/** Evidence quoting a span. */
export function quoteSpan(span: Span): Evidence {
  return { text: span.text, start: span.start, end: span.end };
}

/** A short excerpt for a message: the first `limit` characters, cut at a word. */
export function excerpt(text: string, limit = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit / 2))}...`;
}
