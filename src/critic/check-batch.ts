import { z } from 'zod';
import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { memoRecent } from '../text/memo.js';
import { tokensOf } from '../text/tokenize.js';
import { termMatcher } from '../text/vocabulary-matcher.js';
import { FindingSchema } from './finding.js';
import { analyzeLetter, type LetterAnatomy } from './letter-anatomy.js';
import { namesOf } from './posting-index.js';
import { quote, quoteSpan } from './spans.js';

/** One letter of a batch: where its posting came from, the company it is for (null for an agency), the text. */
export interface BatchLetter {
  readonly source: string;
  readonly company: string | null;
  readonly letter: string;
}

/** A finding about one letter of a batch, found by comparing it with the others. */
export const BatchFindingSchema = FindingSchema.extend({ source: z.string() });
export type BatchFinding = z.infer<typeof BatchFindingSchema>;

/** The ids of the batch-level rules (stable, like every rule id). */
export const batchRuleIds = {
  /** Two or more letters open with the same paragraph (company names aside): one letter sent to every company. */
  sharedOpening: 'batch-unique-opening',
  /** A letter names another posting's company and never its own: it was written for, or mixed up with, another job. */
  wrongCompany: 'batch-own-company',
} as const;

// Company names aside, lowercase words only: "At Acme, I cut ..." and "At Globex, I cut ..." are the same opening.
// Names are cut out of the lowercased text by plain search: a RegExp per company would compile ten thousand patterns
// to machine code in a large batch (megabytes of code space for the run's last moments).
function normalizedOpening(anatomy: LetterAnatomy, company: string | null): string {
  let text = (anatomy.paragraphs[0]?.text ?? '').toLowerCase();
  for (const name of company === null ? [] : namesOf(company.trim())) {
    const lower = name.toLowerCase();
    if (lower !== '') text = text.split(lower).join(' ');
  }
  return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Compares the letters of a batch: flags letters that share their opening paragraph with another letter (a warning:
 * one opening sent everywhere), and letters that name another posting's company but not their own (an error: the
 * wrong company's name). Pure; findings come in the order of the letters.
 */
export function checkBatch(
  letters: readonly BatchLetter[],
  vocabulary?: Pick<CommonVocabulary, 'greetings' | 'signoffs'>,
): BatchFinding[] {
  const companies = [
    ...new Set(
      letters.flatMap((entry) =>
        entry.company === null || entry.company.trim() === '' ? [] : [entry.company],
      ),
    ),
  ];

  // Another company's names are compiled once per batch, when a letter that misses its own is checked against them.
  const matcherFor = memoRecent(companies.length + 1, (company: string) =>
    termMatcher(namesOf(company.trim())),
  );

  const sourcesByCompany = new Map<string, string[]>();
  for (const entry of letters) {
    if (entry.company === null) continue;
    const sources = sourcesByCompany.get(entry.company);
    if (sources === undefined) sourcesByCompany.set(entry.company, [entry.source]);
    else if (sources.length < 3) sources.push(entry.source);
  }
  const sourcesOf = (company: string): string[] => sourcesByCompany.get(company) ?? [];

  const openings = new Map<string, number[]>();
  // Each letter is analysed once per pass rather than kept: a batch of ten thousand letters stays small in memory.
  letters.forEach((entry, index) => {
    const key = normalizedOpening(analyzeLetter(entry.letter, vocabulary), entry.company);
    if (key === '') return;
    const group = openings.get(key);
    if (group === undefined) openings.set(key, [index]);
    else group.push(index);
  });

  const findings: BatchFinding[] = [];
  letters.forEach((entry, index) => {
    const anatomy = analyzeLetter(entry.letter, vocabulary);
    const tokens = tokensOf(anatomy);
    const own = entry.company?.trim() ?? '';
    // A letter's own company is compiled for it alone: only the others' matchers are kept (ten thousand would be
    // megabytes, and most letters name their own company, so few others are ever needed).
    const ownMatcher = own === '' ? undefined : termMatcher(namesOf(own));
    if (ownMatcher !== undefined && ownMatcher.find(entry.letter, tokens).length === 0) {
      for (const other of companies) {
        if (other.trim() === own) continue;
        const mention = matcherFor(other).find(entry.letter, tokens)[0];
        if (mention === undefined) continue;
        const sources = sourcesOf(other);
        findings.push({
          source: entry.source,
          ruleId: batchRuleIds.wrongCompany,
          severity: 'error',
          message: `This letter is for ${own} but names ${mention.text}, the company of ${sources.slice(0, 3).join(', ')}, and never ${own}: replace it with ${own}, or regenerate the letter from its own posting.`,
          evidence: quote(entry.letter, mention.start, mention.end),
        });
        break;
      }
    }
    const opening = anatomy.paragraphs[0];
    const shared =
      opening === undefined ? [] : (openings.get(normalizedOpening(anatomy, entry.company)) ?? []);
    if (opening !== undefined && shared.length > 1) {
      // Name at most three of the others: a batch of thousands can share one opening, so never list them all.
      const count = shared.length - 1;
      const named: string[] = [];
      for (const other of shared) {
        if (named.length === 3) break;
        if (other !== index) named.push(letters[other]?.source ?? '');
      }
      const listed = count > 3 ? `${named.join(', ')} and ${count - 3} more` : named.join(', ');
      findings.push({
        source: entry.source,
        ruleId: batchRuleIds.sharedOpening,
        severity: 'warning',
        message: `Rewrite the opening paragraph${own === '' ? '' : ` for ${own}`}: it is the same as in ${count} other letter${count === 1 ? '' : 's'} of this batch (${listed}). Lead with the result that fits this posting best.`,
        evidence: quoteSpan(opening),
      });
    }
  });
  return findings;
}
