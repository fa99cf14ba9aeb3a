/** Case- and whitespace-insensitive containment: quotes survive line wrapping and curly quotes. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function occursIn(quote: string, text: string): boolean {
  const needle = normalizeForMatch(quote);
  return needle !== '' && normalizeForMatch(text).includes(needle);
}
