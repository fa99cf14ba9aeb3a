const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
  bull: '•',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/**
 * Reduces a copied web page to the text a reader sees. Scripts, styles, comments and elements hidden with
 * `hidden`, `aria-hidden` or inline `display:none`/`visibility:hidden`/`font-size:0` are dropped, because a posting can
 * hide instructions there; block elements become line breaks so paragraphs and bullets survive.
 */
export function htmlToText(html: string): string {
  let text = html
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template|svg|head|iframe|object)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ');
  // Hidden elements: remove the element and its content (non-nested approximation, repeated for simple nesting).
  const hidden =
    /<([a-z][a-z0-9]*)\b[^>]*?(\shidden\b|aria-hidden\s*=\s*["']?true|style\s*=\s*["'][^"']*(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0|color\s*:\s*(#fff\b|#ffffff\b|white\b)))[^>]*>[\s\S]*?<\/\1\s*>/gi;
  for (let pass = 0; pass < 3; pass++) text = text.replace(hidden, ' ');
  text = text
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(
      /<\/?(p|div|section|article|header|footer|main|h[1-6]|ul|ol|table|tr|blockquote|pre|hr)\b[^>]*>/gi,
      '\n\n',
    )
    .replace(/<\/?(td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
