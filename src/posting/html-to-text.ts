import { parseColor } from './css-color.js';
import { declarationsOf, type ElementFacts, matchedDeclarations, styleRulesOf } from './style-rules.js';

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
  /<(script|style|noscript|noframes|noembed|template|title|svg|math|head|iframe|object|canvas|audio|video)\b[\s\S]*?(<\/\1\s*>|$)/gi;

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

function backgroundOf(declarations: Map<string, string>): [number, number, number] | undefined {
  const value = declarations.get('background-color') ?? declarations.get('background');
  if (value === undefined) return undefined;
  for (const word of value.split(/\s+(?![^(]*\))/)) {
    const color = parseColor(word);
    // A see-through background shows what is behind it: the inherited one still counts.
    if (color !== undefined && color.alpha >= 0.5) return [...color.rgb];
  }
  return undefined;
}

function isNear(a: readonly number[], b: readonly number[]): boolean {
  return a.every((channel, index) => Math.abs(channel - (b[index] ?? 0)) <= 24);
}

const white = [255, 255, 255] as const;

/** A font size no one can read: 0, up to 3px or 3pt, up to 0.2em, up to 20%. */
function isTiny(fontSize: string): boolean {
  const match = /^(-?[\d.]+)\s*(px|pt|em|rem|%)?/.exec(fontSize);
  if (match === null) return false;
  const size = Number.parseFloat(match[1] ?? '');
  const unit = match[2] ?? '';
  if (unit === 'em' || unit === 'rem') return size <= 0.2;
  if (unit === '%') return size <= 20;
  return unit === '' ? size === 0 : size <= 3;
}

/** The size in the `font` shorthand (`font: 1px/1 serif`, `italic bold 0/0 a`). */
function shorthandFontSize(font: string): string {
  return /(?:^|\s)(-?[\d.]+(?:px|pt|em|rem|%)?)(?:\/\S+)?\s+\S/.exec(font)?.[1] ?? '';
}

/** An offset that puts an element off screen: -500px and beyond, or half the viewport or more. */
function isOffScreen(offset: string): boolean {
  const match = /^(-?[\d.]+)\s*(px|pt|em|rem|vw|vh|%)?/.exec(offset);
  if (match === null) return false;
  const size = Number.parseFloat(match[1] ?? '');
  const unit = match[2] ?? 'px';
  if (unit === 'vw' || unit === 'vh' || unit === '%') return size <= -50;
  if (unit === 'em' || unit === 'rem') return size <= -30;
  return size <= -500;
}

/** A length of nothing: `0`, `0px`, `1px` (the screen-reader-only pattern's box). */
function isNoSize(length: string): boolean {
  return /^(0|0?\.\d+|1)(px|em|rem|%)?$/.test(length) && !/^1(em|rem|%)$/.test(length);
}

/**
 * True when CSS makes text unreadable: not displayed, invisible, transparent, zero or tiny font, pushed off screen,
 * clipped away, squeezed to no size, filtered out, or coloured like the background it sits on (white when no
 * background is known).
 */
function styleHides(
  declarations: Map<string, string>,
  inheritedBackground: readonly number[] | undefined,
): boolean {
  const value = (name: string): string =>
    (declarations.get(name) ?? '')
      .toLowerCase()
      .replace(/\s*!important$/, '')
      .replace(/\s+/g, ' ');
  if (/^none\b/.test(value('display'))) return true;
  if (/^(hidden|collapse)\b/.test(value('visibility'))) return true;
  if (/^hidden\b/.test(value('content-visibility'))) return true;
  const opacity = value('opacity');
  if (opacity !== '' && Number.parseFloat(opacity) / (opacity.endsWith('%') ? 100 : 1) < 0.1) return true;
  const filterOpacity = /opacity\(\s*([\d.]+)(%?)/.exec(value('filter'));
  if (
    filterOpacity !== null &&
    Number.parseFloat(filterOpacity[1] ?? '1') / (filterOpacity[2] ? 100 : 1) < 0.1
  )
    return true;
  if (isTiny(value('font-size')) || isTiny(shorthandFontSize(value('font')))) return true;
  for (const offset of ['left', 'top', 'right', 'bottom', 'text-indent', 'margin-left', 'margin-top']) {
    if (isOffScreen(value(offset))) return true;
  }
  for (const shift of value('transform').matchAll(/translate(?:x|y|3d)?\(\s*([^,)]+)(?:,\s*([^,)]+))?/g)) {
    if (isOffScreen(shift[1] ?? '') || isOffScreen(shift[2] ?? '')) return true;
  }
  if (/scale\(\s*0(\.0+)?\s*\)/.test(value('transform'))) return true;
  const clip = value('clip');
  if (/^rect\(/.test(clip)) return true;
  const inset = /inset\(\s*([\d.]+)%/.exec(value('clip-path'));
  if ((inset !== null && Number.parseFloat(inset[1] ?? '0') >= 50) || /circle\(\s*0/.test(value('clip-path')))
    return true;
  const clipsOverflow = /hidden|clip/.test(value('overflow'));
  const height = value('height') || value('max-height');
  const width = value('width') || value('max-width');
  if (clipsOverflow && (isNoSize(height) || isNoSize(width))) return true;
  const color = declarations.has('color') ? parseColor(value('color')) : undefined;
  if (color !== undefined) {
    if (color.alpha < 0.1) return true;
    const background = backgroundOf(declarations) ?? inheritedBackground ?? white;
    if (isNear(color.rgb, background)) return true;
  }
  return false;
}

/**
 * A closed `<details>` shows only its `<summary>`: everything else in it is dropped, as a reader sees the page.
 * Nested ones are handled by the outermost.
 */
function withoutClosedDetails(html: string): string {
  return html.replace(
    /<details\b([^>]*)>([\s\S]*?)(<\/details\s*>|$)/gi,
    (whole, attributes: string, body: string) => {
      if (/(^|\s)open(\s|=|$)/i.test(attributes)) return whole;
      const summary = /<summary\b[^>]*>[\s\S]*?(<\/summary\s*>|$)/i.exec(body)?.[0] ?? '';
      return `<div>${summary}</div>`;
    },
  );
}

/** Drops a tag cut off at the end of the page (`<div class="x`), found without a regex that could backtrack. */
function withoutUnclosedTag(text: string): string {
  const start = text.lastIndexOf('<');
  if (start < 0 || text.includes('>', start) || !/[a-z/!?]/i.test(text[start + 1] ?? '')) return text;
  return text.slice(0, start);
}

interface OpenElement extends ElementFacts {
  readonly tag: string;
  /** The background the element's text sits on: its own, or the closest ancestor's. */
  readonly background: readonly number[] | undefined;
}

/**
 * Walks a page and keeps what a reader sees. Scripts, styles, comments and elements that are hidden (the `hidden`
 * attribute, `aria-hidden`, hiding classes and CSS rules, inline `display:none`, zero-size or off-screen text, text
 * coloured like its background) are dropped with everything inside them, because a posting can hide instructions
 * there. With `keepTags`, the visible tags are kept as written (HTML out); without, block elements become line breaks
 * so paragraphs and bullets survive (text out, entities not yet decoded).
 */
function visibleParts(html: string, keepTags: boolean): string {
  const rules = styleRulesOf(html);
  const source = withoutClosedDetails(
    html.replace(/<!--[\s\S]*?(-->|$)/g, ' ').replace(rawElements, ' '),
  ).replace(/<![^>]*>|<\?[^>]*>/g, ' ');

  let text = '';
  let position = 0;
  const open: OpenElement[] = [];
  let hidden: { tag: string; depth: number } | undefined;

  for (const match of source.matchAll(tagPattern)) {
    const [whole, slash, rawTag, rawAttributes = ''] = match;
    const tag = (rawTag ?? '').toLowerCase();
    const closing = slash === '/';
    // `<div hidden/>` opens a div like `<div hidden>`: a browser ignores the slash on an element that has content.
    const selfClosing = voidElements.has(tag);
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
      const classes = (attributes.get('class') ?? '').split(/\s+/).filter((name) => name !== '');
      // The page's rules first, then the inline style over them, then `<font color>` where no style set a colour.
      const declarations = matchedDeclarations(rules, { tag, attributes, classes }, open);
      for (const [name, value] of declarationsOf(attributes.get('style') ?? ''))
        declarations.set(name, value);
      const fontColor = tag === 'font' ? attributes.get('color') : undefined;
      if (fontColor !== undefined && !declarations.has('color')) declarations.set('color', fontColor);
      const inherited = open.at(-1)?.background;
      // Tailwind's "hidden md:block" shows the element on wider screens: not hidden text.
      const shownResponsively = classes.some((name) =>
        /^[a-z0-9]+:(block|flex|grid|inline|table|contents)/.test(name),
      );
      const isHidden =
        attributes.has('hidden') ||
        (attributes.get('aria-hidden') ?? '').toLowerCase() === 'true' ||
        (!shownResponsively && classes.some((name) => hidingClasses.includes(name))) ||
        attributes.has('popover') ||
        (tag === 'dialog' && !attributes.has('open')) ||
        styleHides(declarations, inherited);
      if (isHidden) {
        if (!selfClosing) hidden = { tag, depth: 1 };
        continue;
      }
      if (!selfClosing) {
        if (implicitlyClosed.has(tag) && open.at(-1)?.tag === tag) open.pop();
        if (open.length < maxTrackedDepth)
          open.push({ tag, attributes, classes, background: backgroundOf(declarations) ?? inherited });
      }
    }

    if (keepTags) text += whole;
    else if (tag === 'li' && !closing) text += '\n• ';
    else if (tag === 'br') text += '\n';
    else if (blockElements.test(tag)) text += '\n\n';
    else if (tag === 'td' || tag === 'th') text += ' ';
  }
  if (hidden === undefined) text += source.slice(position);
  return withoutUnclosedTag(text);
}

/**
 * Reduces a copied web page to the text a reader sees: hidden elements, scripts, styles and comments dropped (see
 * `visibleParts`), block elements as line breaks, entities decoded.
 */
export function htmlToText(html: string): string {
  return decodeEntities(visibleParts(html, false))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The page as HTML with everything a reader cannot see taken out, by the same rules as `htmlToText`: what a
 * main-content extractor (which strips styles and classes) may choose from, so no hidden text can come back through it.
 * `<head>`, `<title>`, scripts and styles are gone too.
 */
export function visibleHtml(html: string): string {
  return visibleParts(html, true);
}
