import type { IndustryResult, PostingAnalysis } from '../../posting/posting-analysis.js';
import { normalizeForMatch } from '../../text/verbatim.js';
import { normalizeName } from '../scorer.js';
import type { ReadingLabel } from './reading-label.js';

/** What lede read from one posting: the two stages' answers. */
export interface PostingReading {
  readonly industry: IndustryResult;
  readonly analysis: PostingAnalysis;
}

/** The reading fields the eval scores, each a pass/fail per posting, or null where the label says nothing. */
export const readingFields = [
  'industry',
  'company',
  'hook-named',
  'hook-none',
  'role',
  'hiring-manager',
  'hiring-manager-none',
] as const;
export type ReadingField = (typeof readingFields)[number];

export type ReadingVerdicts = Record<ReadingField, boolean | null>;

/**
 * Judges one reading against its label.
 * - company: the label's name or an alias (legal suffixes, case and `&` aside); for an unnamed employer, none.
 * - hook-named (postings labelled with a hook): a hook whose text or evidence holds the labelled span or an
 *   alternative, or whose text is a part of one of them of two words or more.
 * - hook-none (postings labelled none): no hook.
 * - role: the labelled title, or the part of it before a team or specialty suffix (", Risk" / " - Risk" / " (Risk)").
 * - hiring-manager: where one is named, that person; hiring-manager-none: where none is, no name.
 */
export function scoreReading(label: ReadingLabel, reading: PostingReading): ReadingVerdicts {
  const { analysis } = reading;
  return {
    industry: reading.industry.industry === label.industry,
    company: companyMatches(label, analysis.company),
    'hook-named': label.hook === null ? null : hookMatches(label, analysis.hook),
    'hook-none': label.hook === null ? analysis.hook === null : null,
    role: roleMatches(label.role, analysis.role),
    'hiring-manager':
      label.hiring_manager === null ? null : personMatches(label.hiring_manager, analysis.hiringManager),
    'hiring-manager-none': label.hiring_manager === null ? analysis.hiringManager === null : null,
  };
}

function companyMatches(label: ReadingLabel, company: string | null): boolean {
  if (label.company === null) return company === null;
  if (company === null) return false;
  const names = [label.company, ...label.company_aliases].map(normalizeName);
  return names.includes(normalizeName(company));
}

function hookMatches(label: ReadingLabel, hook: PostingAnalysis['hook']): boolean {
  if (hook === null || label.hook === null) return false;
  const spans = [label.hook, ...label.hook_alternatives].map(normalizeForMatch);
  const text = normalizeForMatch(hook.text);
  const evidence = normalizeForMatch(hook.evidence);
  return spans.some(
    (span) =>
      text.includes(span) || evidence.includes(span) || (text.split(' ').length >= 2 && span.includes(text)),
  );
}

/** Title text for comparison: case, spacing and the punctuation around words aside. */
function titleKey(title: string): string {
  return normalizeForMatch(title)
    .replace(/[^\p{L}\p{N}+#/&]+/gu, ' ')
    .replace(/\s*([/&])\s*/g, '$1')
    .trim();
}

function roleMatches(labelled: string, role: string | null): boolean {
  if (role === null) return false;
  const got = titleKey(role);
  if (got === titleKey(labelled)) return true;
  // "Machine Learning Engineer" for "Machine Learning Engineer, Credit Modeling" reads cleanly in a letter.
  const base = labelled.split(/\s*(?:,|\s[-–—|]\s|\()\s*/u)[0] ?? '';
  return base !== '' && got === titleKey(base);
}

function personMatches(labelled: string, found: string | null): boolean {
  if (found === null) return false;
  const want = normalizeForMatch(labelled);
  const got = normalizeForMatch(found);
  return got.includes(want) || (got.length >= 3 && want.includes(got));
}
