/**
 * The rules of a page's own `<style>` blocks, matched the way a browser would as far as a saved page shows: each
 * compound (`div.note[data-x]`) against an element's tag, id, classes and attributes, descendant and child
 * combinators against its open ancestors. Sibling combinators (`+`, `~`) are not followed: the compound after them
 * is matched alone, so such a rule may apply where a browser would not, which for hiding text errs on the side of
 * dropping it. Rules that need state (`:hover`, `::before`) never apply.
 */

/** What a selector can see of an element. */
export interface ElementFacts {
  readonly tag: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly classes: readonly string[];
}

interface Condition {
  readonly test: (element: ElementFacts) => boolean;
}

export interface StyleRule {
  /** Its place in the page, for the cascade's "later wins". */
  readonly order: number;
  /** `class:x`, `id:x`, `attr:x`, `tag:x` or `*`: which elements it could match, so an element is tried against few rules. */
  readonly key: string;
  /** The selector's compounds from right to left, each with the combinator on its left (`' '` or `'>'`). */
  readonly parts: readonly { readonly conditions: readonly Condition[]; readonly combinator: string }[];
  /** Declarations in source order, lower-case names. */
  readonly declarations: ReadonlyMap<string, string>;
}

/** Pseudo-classes that hold for an element as saved in a file; any other pseudo-class or element never matches. */
const staticPseudoClasses =
  /^:(first-child|last-child|only-child|first-of-type|last-of-type|root|not\([^)]*\)|nth-child\([^)]*\)|nth-of-type\([^)]*\)|empty)$/;

/** `name: value; ...` -> lower-case names and values, CSS comments removed (`display:/**\/none` is `display:none`). */
export function declarationsOf(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const part of style.replace(/\/\*[\s\S]*?(\*\/|$)/g, '').split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) declarations.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).trim());
  }
  return declarations;
}

function attributeCondition(source: string): (Condition & { readonly name: string }) | undefined {
  const match =
    /^\[\s*([^\s~|^$*=\]]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]*))\s*(i)?\s*)?\]$/.exec(
      source,
    );
  if (match === null) return undefined;
  const name = (match[1] ?? '').toLowerCase();
  const operator = match[2];
  const insensitive = match[6] !== undefined;
  const expected = match[3] ?? match[4] ?? match[5] ?? '';
  return {
    name,
    test: (element) => {
      const raw = element.attributes.get(name);
      if (raw === undefined) return false;
      if (operator === undefined) return true;
      const value = insensitive ? raw.toLowerCase() : raw;
      const wanted = insensitive ? expected.toLowerCase() : expected;
      if (operator === '=') return value === wanted;
      if (operator === '~=') return value.split(/\s+/).includes(wanted);
      if (operator === '|=') return value === wanted || value.startsWith(`${wanted}-`);
      if (operator === '^=') return wanted !== '' && value.startsWith(wanted);
      if (operator === '$=') return wanted !== '' && value.endsWith(wanted);
      return wanted !== '' && value.includes(wanted);
    },
  };
}

/** The conditions of one compound selector, or undefined when it can never match a saved page. */
function compoundConditions(compound: string): { conditions: Condition[]; key: string } | undefined {
  const conditions: Condition[] = [];
  let key = '*';
  const parts = compound.match(/\[[^\]]*\]|::?[\w-]+(\([^)]*\))?|[.#]?[\w-]+|\*/g) ?? [];
  if (parts.join('') !== compound) return undefined;
  for (const part of parts) {
    if (part === '*') continue;
    if (part.startsWith('::')) return undefined;
    if (part.startsWith(':')) {
      if (!staticPseudoClasses.test(part)) return undefined;
      continue;
    }
    if (part.startsWith('[')) {
      const condition = attributeCondition(part);
      if (condition === undefined) return undefined;
      if (key === '*' || key.startsWith('tag:')) key = `attr:${condition.name}`;
      conditions.push(condition);
    } else if (part.startsWith('.')) {
      const name = part.slice(1);
      key = `class:${name}`;
      conditions.push({ test: (element) => element.classes.includes(name) });
    } else if (part.startsWith('#')) {
      const id = part.slice(1);
      if (!key.startsWith('class:')) key = `id:${id}`;
      conditions.push({ test: (element) => element.attributes.get('id') === id });
    } else {
      const tag = part.toLowerCase();
      if (key === '*') key = `tag:${tag}`;
      conditions.push({ test: (element) => element.tag === tag });
    }
  }
  return { conditions, key };
}

/** Selectors longer than this are matched on their last compounds only. */
const maxCompounds = 8;

/** `main > div.note p` -> compounds right to left with their combinators; undefined when it can never match. */
function selectorParts(selector: string): { key: string; parts: StyleRule['parts'] } | undefined {
  if (selector === '' || selector.startsWith('@')) return undefined;
  const tokens = selector.split(/\s*([>+~])\s*|\s+/).filter((token) => token !== undefined && token !== '');
  const parts: { conditions: readonly Condition[]; combinator: string }[] = [];
  let key = '*';
  for (let index = tokens.length - 1; index >= 0 && parts.length < maxCompounds; index--) {
    const token = tokens[index] ?? '';
    if (token === '>' || token === '+' || token === '~') {
      // Siblings are not tracked: the compound before a sibling combinator is dropped, not matched.
      if (token !== '>') break;
      const last = parts.at(-1);
      if (last !== undefined) parts[parts.length - 1] = { ...last, combinator: '>' };
      continue;
    }
    const compound = compoundConditions(token);
    if (compound === undefined) return undefined;
    if (parts.length === 0) key = compound.key;
    parts.push({ conditions: compound.conditions, combinator: ' ' });
  }
  return parts.length === 0 ? undefined : { key, parts };
}

function matchesCompound(conditions: readonly Condition[], element: ElementFacts): boolean {
  return conditions.every((condition) => condition.test(element));
}

/** Whether the selector's compounds from `index` on match going up from `ancestors[position]`. */
function matchesUp(
  parts: StyleRule['parts'],
  index: number,
  ancestors: readonly ElementFacts[],
  position: number,
): boolean {
  const part = parts[index];
  if (part === undefined) return true;
  const previous = parts[index - 1];
  if (previous?.combinator === '>') {
    const parent = ancestors[position];
    return (
      parent !== undefined &&
      matchesCompound(part.conditions, parent) &&
      matchesUp(parts, index + 1, ancestors, position - 1)
    );
  }
  for (let at = position; at >= 0; at--) {
    const ancestor = ancestors[at];
    if (ancestor !== undefined && matchesCompound(part.conditions, ancestor))
      return matchesUp(parts, index + 1, ancestors, at - 1);
  }
  return false;
}

/**
 * Rules read from one page at most: a real page's own styles hold a few hundred; a hostile one with millions must not
 * turn reading it into hours of matching. Rules that match any element cost every element a test: fewer of those.
 */
const maxRules = 5000;
const maxUniversalRules = 50;

/** A page's rules, indexed by what they could match. */
export interface StyleRules {
  readonly byKey: ReadonlyMap<string, readonly StyleRule[]>;
}

/** Every rule in the page's `<style>` blocks (inside `@media` too: a printed or narrow view is still a view). */
export function styleRulesOf(html: string): StyleRules {
  const byKey = new Map<string, StyleRule[]>();
  let count = 0;
  for (const block of html.matchAll(/<style\b[^>]*>([\s\S]*?)(<\/style\s*>|$)/gi)) {
    const css = (block[1] ?? '').replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
    // Split rather than match: a regex over brace-less text would backtrack quadratically.
    for (const rule of css.split('}')) {
      const brace = rule.lastIndexOf('{');
      if (brace < 0) continue;
      const declarations = declarationsOf(rule.slice(brace + 1));
      if (declarations.size === 0) continue;
      for (const selector of rule.slice(0, brace).split(',')) {
        const parsed = selectorParts(selector.trim());
        if (parsed === undefined || count >= maxRules) continue;
        const bucket = byKey.get(parsed.key) ?? [];
        if (parsed.key === '*' && bucket.length >= maxUniversalRules) continue;
        bucket.push({ order: count++, key: parsed.key, parts: parsed.parts, declarations });
        byKey.set(parsed.key, bucket);
      }
    }
  }
  return { byKey };
}

/** The declarations the page's rules give an element, later rules over earlier ones (specificity is not weighed). */
export function matchedDeclarations(
  rules: StyleRules,
  element: ElementFacts,
  /** The element's open ancestors, outermost first. */
  ancestors: readonly ElementFacts[] = [],
): Map<string, string> {
  const keys = [
    '*',
    `tag:${element.tag}`,
    ...element.classes.map((name) => `class:${name}`),
    ...[...element.attributes.keys()].map((name) => `attr:${name}`),
  ];
  const id = element.attributes.get('id');
  if (id !== undefined) keys.push(`id:${id}`);
  const buckets = [...new Set(keys)].flatMap((key) => {
    const bucket = rules.byKey.get(key);
    return bucket === undefined ? [] : [bucket];
  });
  const candidates =
    buckets.length === 1 ? (buckets[0] ?? []) : buckets.flat().sort((a, b) => a.order - b.order);
  const merged = new Map<string, string>();
  for (const rule of candidates) {
    const [own] = rule.parts;
    if (own === undefined || !matchesCompound(own.conditions, element)) continue;
    if (!matchesUp(rule.parts, 1, ancestors, ancestors.length - 1)) continue;
    for (const [name, value] of rule.declarations) merged.set(name, value);
  }
  return merged;
}
