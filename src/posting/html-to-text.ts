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
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,32});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}

/** Elements whose content is never shown as text. */
const rawElements =
  /<(script|style|noscript|template|svg|math|head|iframe|object|canvas|audio|video)\b[\s\S]*?(<\/\1\s*>|$)/gi;

/** Elements that never have content or a closing tag. */
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Elements a new sibling of the same name closes implicitly (`<p>a<p>b`). */
const implicitlyClosed = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

const blockElements =
  /^(p|div|section|article|header|footer|main|aside|nav|h[1-6]|ul|ol|dl|dt|dd|table|tr|blockquote|pre|hr|figure|figcaption|details|summary|address|form|fieldset)$/;

/** Utility classes that hide an element in the common CSS frameworks (Tailwind, Bootstrap, WordPress). */
const hidingClasses = ['hidden', 'd-none', 'invisible', 'sr-only', 'visually-hidden', 'screen-reader-text'];

/**
 * A tag. Attributes may not contain `<` (quoted values may contain `>`), so a `<` that never closes costs a scan to the
 * next `<`, not to the end of the page: the whole page stays linear, whatever a hostile page holds.
 */
const tagPattern = /<(\/?)([a-z][a-z0-9-]{0,63})((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/gi;

/** Deeper nesting than this is not tracked (browsers stop nesting around here too); it only affects backgrounds. */
const maxTrackedDepth = 256;
const attributePattern = /([^\s=/"']+)(?:\s*=\s*("([^"]*)"|'([^']*)'|[^\s"'>]+))?/g;

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(attributePattern)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[3] ?? match[4] ?? match[2] ?? '';
    if (!attributes.has(name)) attributes.set(name, decodeEntities(value));
  }
  return attributes;
}

/** `#fff`, `white`, `rgb(255, 255, 255)` -> [255, 255, 255]; undefined for anything else. */
function parseColor(value: string): [number, number, number] | undefined {
  const color = value
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, '');
  if (color === 'white') return [255, 255, 255];
  if (color === 'black') return [0, 0, 0];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])?$/.exec(color);
  if (short !== null) {
    return [short[1], short[2], short[3]].map((digit) => Number.parseInt(`${digit}${digit}`, 16)) as [
      number,
      number,
      number,
    ];
  }
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/.exec(color);
  if (long !== null) {
    return [long[1], long[2], long[3]].map((pair) => Number.parseInt(pair ?? '', 16)) as [
      number,
      number,
      number,
    ];
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(color);
  if (rgb !== null) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return undefined;
}

function declarationsOf(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim());
  }
  return declarations;
}

function backgroundOf(declarations: Map<string, string>): [number, number, number] | undefined {
  const value = declarations.get('background-color') ?? declarations.get('background');
  if (value === undefined) return undefined;
  for (const word of value.split(/\s+(?![^(]*\))/)) {
    const color = parseColor(word);
    if (color !== undefined) return color;
  }
  return undefined;
}

function isNear(a: readonly number[], b: readonly number[]): boolean {
  return a.every((channel, index) => Math.abs(channel - (b[index] ?? 0)) <= 24);
}

const white = [255, 255, 255] as const;

/** A font size no one can read: 0, up to 2px or 2pt, up to 0.15em, up to 15%. */
function isTiny(fontSize: string): boolean {
  const match = /^(-?[\d.]+)\s*(px|pt|em|rem|%)?/.exec(fontSize);
  if (match === null) return false;
  const size = Number.parseFloat(match[1] ?? '');
  const unit = match[2] ?? '';
  if (unit === 'em' || unit === 'rem') return size <= 0.15;
  if (unit === '%') return size <= 15;
  return unit === '' ? size === 0 : size <= 2;
}

/**
 * True when inline CSS makes text unreadable: not displayed, invisible, transparent, zero or tiny font, pushed off
 * screen, clipped away, or coloured like the background it sits on (white when no background is known).
 */
function styleHides(
  declarations: Map<string, string>,
  inheritedBackground: readonly number[] | undefined,
): boolean {
  const value = (name: string): string => (declarations.get(name) ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (/^none\b/.test(value('display'))) return true;
  if (/^(hidden|collapse)\b/.test(value('visibility'))) return true;
  const opacity = value('opacity');
  if (opacity !== '' && Number.parseFloat(opacity) / (opacity.endsWith('%') ? 100 : 1) < 0.1) return true;
  if (isTiny(value('font-size'))) return true;
  for (const offset of ['left', 'top', 'text-indent', 'margin-left']) {
    if (Number.parseFloat(value(offset)) <= -500) return true;
  }
  if (/rect\(\s*0/.test(value('clip')) || /inset\(\s*50%|circle\(\s*0/.test(value('clip-path'))) return true;
  if (/scale\(\s*0(\.0+)?\s*\)/.test(value('transform'))) return true;
  const height = value('height') || value('max-height');
  if (/^0(px|em|rem)?$/.test(height) && /hidden|clip/.test(value('overflow'))) return true;
  const color = declarations.has('color') ? parseColor(value('color')) : undefined;
  if (color !== undefined) {
    const background = backgroundOf(declarations) ?? inheritedBackground ?? white;
    if (isNear(color, background)) return true;
  }
  return false;
}

/** Classes and ids that a page's own `<style>` blocks hide, so `<div class="x">` is dropped when `.x` is hidden. */
function hiddenSelectors(html: string): { classes: Set<string>; ids: Set<string> } {
  const classes = new Set(hidingClasses);
  const ids = new Set<string>();
  for (const block of html.matchAll(/<style\b[^>]*>([\s\S]*?)(<\/style\s*>|$)/gi)) {
    const css = (block[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '');
    // Split rather than match: a regex over brace-less text would backtrack quadratically.
    for (const rule of css.split('}')) {
      const brace = rule.lastIndexOf('{');
      if (brace < 0 || !styleHides(declarationsOf(rule.slice(brace + 1)), undefined)) continue;
      for (const selector of rule.slice(0, brace).split(',')) {
        const last =
          selector
            .trim()
            .split(/[\s>+~]+/)
            .pop() ?? '';
        for (const match of last.matchAll(/\.([\w-]+)/g)) classes.add(match[1] ?? '');
        for (const match of last.matchAll(/#([\w-]+)/g)) ids.add(match[1] ?? '');
      }
    }
  }
  return { classes, ids };
}

/** Drops a tag cut off at the end of the page (`<div class="x`), found without a regex that could backtrack. */
function withoutUnclosedTag(text: string): string {
  const start = text.lastIndexOf('<');
  if (start < 0 || text.includes('>', start) || !/[a-z/!?]/i.test(text[start + 1] ?? '')) return text;
  return text.slice(0, start);
}

interface OpenElement {
  readonly tag: string;
  /** The background the element's text sits on: its own, or the closest ancestor's. */
  readonly background: readonly number[] | undefined;
}

/**
 * Reduces a copied web page to the text a reader sees. Scripts, styles, comments and elements that are hidden (the
 * `hidden` attribute, `aria-hidden`, hiding classes and CSS rules, inline `display:none`, zero-size or off-screen
 * text, text coloured like its background) are dropped with everything inside them, because a posting can hide
 * instructions there; block elements become line breaks so paragraphs and bullets survive.
 */
export function htmlToText(html: string): string {
  const selectors = hiddenSelectors(html);
  const source = html
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(rawElements, ' ')
    .replace(/<![^>]*>|<\?[^>]*>/g, ' ');

  let text = '';
  let position = 0;
  const open: OpenElement[] = [];
  let hidden: { tag: string; depth: number } | undefined;

  for (const match of source.matchAll(tagPattern)) {
    const [whole, slash, rawTag, rawAttributes = ''] = match;
    const tag = (rawTag ?? '').toLowerCase();
    const closing = slash === '/';
    const selfClosing = voidElements.has(tag) || /\/\s*$/.test(rawAttributes);
    if (hidden === undefined) text += source.slice(position, match.index);
    position = match.index + whole.length;

    if (hidden !== undefined) {
      if (tag !== hidden.tag || selfClosing) continue;
      if (closing) hidden.depth--;
      else if (implicitlyClosed.has(tag) && hidden.depth === 1) hidden.depth = 0;
      else hidden.depth++;
      if (hidden.depth > 0) continue;
      hidden = undefined;
      if (closing) continue;
    }

    if (closing) {
      const index = open.findLastIndex((element) => element.tag === tag);
      if (index >= 0) open.length = index;
    } else {
      const attributes = attributesOf(rawAttributes);
      const declarations = declarationsOf(attributes.get('style') ?? '');
      const inherited = open.at(-1)?.background;
      const classes = (attributes.get('class') ?? '').split(/\s+/);
      // Tailwind's "hidden md:block" shows the element on wider screens: not hidden text.
      const shownResponsively = classes.some((name) =>
        /^[a-z0-9]+:(block|flex|grid|inline|table|contents)/.test(name),
      );
      const isHidden =
        attributes.has('hidden') ||
        (attributes.get('aria-hidden') ?? '').toLowerCase() === 'true' ||
        (!shownResponsively && classes.some((name) => selectors.classes.has(name))) ||
        selectors.ids.has(attributes.get('id') ?? '') ||
        styleHides(declarations, inherited);
      if (isHidden) {
        if (!selfClosing) hidden = { tag, depth: 1 };
        continue;
      }
      if (!selfClosing) {
        if (implicitlyClosed.has(tag) && open.at(-1)?.tag === tag) open.pop();
        if (open.length < maxTrackedDepth)
          open.push({ tag, background: backgroundOf(declarations) ?? inherited });
      }
    }

    if (tag === 'li' && !closing) text += '\n• ';
    else if (tag === 'br') text += '\n';
    else if (blockElements.test(tag)) text += '\n\n';
    else if (tag === 'td' || tag === 'th') text += ' ';
  }
  if (hidden === undefined) text += source.slice(position);

  return decodeEntities(withoutUnclosedTag(text))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
