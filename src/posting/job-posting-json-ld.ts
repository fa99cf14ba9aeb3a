/** What a page's schema.org `JobPosting` says about the job, as far as lede uses it. */
export interface JobPostingData {
  readonly title: string | undefined;
  /** `hiringOrganization.name`. */
  readonly company: string | undefined;
  /** `description`, HTML as job boards publish it. */
  readonly descriptionHtml: string;
}

/** The opening tag of a `<script type="application/ld+json">`; the type may be quoted either way or not at all. */
const jsonLdOpening = /^<script\b[^<>]*\btype\s*=\s*["']?application\/ld\+json["']?[^<>]*>/i;

/** The blocks' contents, found with `indexOf` so a page of unclosed scripts costs one pass, not one per script. */
function jsonLdBlocks(html: string): string[] {
  const blocks: string[] = [];
  const lower = html.toLowerCase();
  let from = 0;
  for (;;) {
    const start = lower.indexOf('<script', from);
    if (start < 0) return blocks;
    const end = lower.indexOf('</script', start);
    if (end < 0) return blocks;
    const opening = jsonLdOpening.exec(html.slice(start, Math.min(end, start + 512)));
    if (opening !== null) blocks.push(html.slice(start + opening[0].length, end));
    from = end + 8;
  }
}

/** Nesting deeper than this is not searched: schema.org data is a few levels deep, a hostile page could be thousands. */
const maxDepth = 8;

function isJobPosting(node: Record<string, unknown>): boolean {
  const type = node['@type'];
  return type === 'JobPosting' || (Array.isArray(type) && type.includes('JobPosting'));
}

/** JobPosting objects anywhere in a parsed block: top level, in an array, in `@graph`, or nested in another object. */
function jobPostingsIn(value: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > maxDepth || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item) => jobPostingsIn(item, depth + 1));
  const node = value as Record<string, unknown>;
  if (isJobPosting(node)) return [node];
  return Object.values(node).flatMap((item) => jobPostingsIn(item, depth + 1));
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

function organizationName(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return organizationName(value[0]);
  if (value !== null && typeof value === 'object') return text((value as Record<string, unknown>).name);
  return undefined;
}

/**
 * Some boards escape the description's HTML a second time (`&lt;p&gt;`); a description with escaped tags and no real
 * ones is unescaped once so the tags read as tags.
 */
function descriptionHtml(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/<[a-z]/i.test(value) || !/&lt;\/?[a-z]/i.test(value)) return value;
  return value
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, '&');
}

function parseBlock(source: string): unknown {
  try {
    return JSON.parse(source.trim());
  } catch {
    // Pages often break JSON with raw line breaks inside strings; JSON-LD never needs them.
    try {
      return JSON.parse(source.replace(/[\r\n\t]+/g, ' ').trim());
    } catch {
      return undefined;
    }
  }
}

/**
 * The page's schema.org `JobPosting` (the JSON-LD that job boards publish for search engines): its title, the hiring
 * organisation's name and the description. The first JobPosting with a description wins; invalid blocks are skipped.
 * Undefined when the page has none.
 */
export function jobPostingJsonLd(html: string): JobPostingData | undefined {
  for (const block of jsonLdBlocks(html)) {
    for (const node of jobPostingsIn(parseBlock(block))) {
      const description = descriptionHtml(node.description);
      if (description === undefined) continue;
      return {
        title: text(node.title),
        company: organizationName(node.hiringOrganization),
        descriptionHtml: description,
      };
    }
  }
  return undefined;
}
