import { type BatchCounts, countRows, type RowStatus } from '../batch/batch-summary.js';
import type { Severity } from '../critic/finding.js';
import type { Claim, ClaimSource } from '../critic/ground-claims.js';
import type { Usage } from '../pipeline/usage.js';
import { findTerm } from '../text/vocabulary-matcher.js';
import type { BatchOutput, GatheredPosting } from './gather-batch-output.js';

/** A critic finding as the page shows it; `id` is unique on the page. */
export interface ReviewFinding {
  readonly id: string;
  readonly ruleId: string;
  readonly severity: Severity;
  /** What to change: the finding's message. */
  readonly fix: string;
  /** The quoted words, or null when the finding is about something missing. */
  readonly evidence: string | null;
  /** True when the fix is in the profile, not the letter. */
  readonly needsProfile: boolean;
  /** Whether the quote was found in the letter and highlighted. */
  readonly highlighted: boolean;
}

/** A claim of the letter and the fact behind it (null: nothing backs it). */
export interface ReviewClaim {
  readonly id: string;
  readonly kind: Claim['kind'];
  readonly text: string;
  readonly source: ClaimSource | null;
}

/** A run of letter text and everything marked on it: findings, at most one claim, the hook. */
export interface LetterPiece {
  readonly text: string;
  readonly findings: readonly { readonly id: string; readonly severity: Severity }[];
  readonly claim: string | null;
  readonly hook: boolean;
}

export interface ReviewPosting {
  /** The article's id on the page: p1, p2, ... */
  readonly id: string;
  readonly posting: string;
  readonly status: RowStatus;
  /** Passed, or passed after revision: nothing for the filter "needs attention". */
  readonly ok: boolean;
  readonly industry: string | null;
  readonly company: string | null;
  readonly role: string | null;
  readonly attempts: number;
  readonly words: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** Why the report could not be read, when it could not. */
  readonly reportProblem: string | null;
  /** The letter as pieces (empty when there is no letter). */
  readonly letter: readonly LetterPiece[];
  readonly findings: readonly ReviewFinding[];
  readonly claims: readonly ReviewClaim[];
  /** The hook, the posting's sentence it came from, and whether the letter uses it where it can be marked. */
  readonly hook: { readonly text: string; readonly evidence: string; readonly inLetter: boolean } | null;
  /** True when the result predates recorded claims (an older lede wrote it). */
  readonly claimsUnrecorded: boolean;
}

/** A posting as the overview table and the filters know it: from its summary row alone. */
export interface ReviewIndexEntry {
  readonly id: string;
  readonly posting: string;
  readonly status: RowStatus;
  readonly ok: boolean;
  /** 'unknown' for a posting never read. */
  readonly industry: string;
  readonly company: string | null;
}

/** The page around the postings: the batch's figures and the index of its postings. */
export interface ReviewPage {
  readonly out: string;
  readonly engine: string | null;
  readonly model: string | null;
  readonly finishedAt: string | null;
  readonly counts: BatchCounts;
  /** Industry -> postings, most first (unknown for postings never read). */
  readonly industries: readonly { readonly industry: string; readonly postings: number }[];
  readonly costUsd: number | null;
  readonly usage: Usage | null;
  /** Why the batch stopped early (a signal, the budget, an error), or null; also set when no summary was written. */
  readonly stopped: string | null;
  /** Every posting, in the order of the page (p1, p2, ...). */
  readonly index: readonly ReviewIndexEntry[];
}

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly finding?: { readonly id: string; readonly severity: Severity };
  readonly claim?: string;
  readonly hook?: true;
}

/** Where a quote is in the letter: at its recorded offsets when they still hold, else its first occurrence. */
function locate(
  letter: string,
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  if (text === '') return null;
  if (letter.slice(start, end) === text) return { start, end };
  const at = letter.indexOf(text);
  return at === -1 ? null : { start: at, end: at + text.length };
}

/** Splits the letter at every mark's edges, so overlapping marks become pieces that each know all marks on them. */
export function letterPieces(letter: string, marks: readonly Mark[]): LetterPiece[] {
  const cuts = new Set<number>([0, letter.length]);
  for (const mark of marks) {
    cuts.add(mark.start);
    cuts.add(mark.end);
  }
  const points = [...cuts].filter((point) => point >= 0 && point <= letter.length).sort((a, b) => a - b);
  const pieces: LetterPiece[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index] as number;
    const end = points[index + 1] as number;
    const over = marks.filter((mark) => mark.start <= start && mark.end >= end);
    pieces.push({
      text: letter.slice(start, end),
      findings: over.flatMap((mark) => (mark.finding === undefined ? [] : [mark.finding])),
      claim: over.find((mark) => mark.claim !== undefined)?.claim ?? null,
      hook: over.some((mark) => mark.hook === true),
    });
  }
  return pieces;
}

const okStatuses: readonly RowStatus[] = ['passed', 'passed-after-revision'];

/** The page's id of the `number`-th posting (from 1). */
function postingId(number: number): string {
  return `p${number}`;
}

/** One posting with its letter cut into marked pieces, its findings, claims and hook: the `number`-th on the page. */
export function reviewPosting(gathered: GatheredPosting, number: number): ReviewPosting {
  const { row, result } = gathered;
  const id = postingId(number);
  const base = {
    id,
    posting: row.posting,
    status: row.status,
    ok: okStatuses.includes(row.status),
    industry: result?.industry.industry ?? row.industry,
    company: result?.analysis.company ?? row.company,
    role: result?.analysis.role ?? null,
    attempts: row.attempts,
    words: row.words,
    error: row.error,
    reportProblem: gathered.reportProblem,
  };
  if (result === null) {
    return { ...base, letter: [], findings: [], claims: [], hook: null, claimsUnrecorded: false };
  }
  const letter = result.letter;
  const marks: Mark[] = [];
  const best = result.attempts.find((attempt) => attempt.attempt === result.bestAttempt);
  const findings = (best?.critique.findings ?? []).map((finding, index): ReviewFinding => {
    const findingId = `${id}-f${index + 1}`;
    const evidence = finding.evidence;
    const at = evidence === null ? null : locate(letter, evidence.text, evidence.start, evidence.end);
    if (at !== null) marks.push({ ...at, finding: { id: findingId, severity: finding.severity } });
    return {
      id: findingId,
      ruleId: finding.ruleId,
      severity: finding.severity,
      fix: finding.message,
      evidence: evidence?.text ?? null,
      needsProfile: finding.needsProfile === true,
      highlighted: at !== null,
    };
  });
  const claims = (result.claims ?? []).map((claim, index): ReviewClaim => {
    const claimId = `${id}-c${index + 1}`;
    const at = locate(letter, claim.text, claim.start, claim.end);
    if (at !== null) marks.push({ ...at, claim: claimId });
    return { id: claimId, kind: claim.kind, text: claim.text, source: claim.source };
  });
  const hook = result.analysis.hook;
  // The letter may use the hook's words in another case or with other line breaks: find it as a search.
  const hookAt = hook === null ? undefined : findTerm(letter, hook.text)[0];
  if (hookAt !== undefined) marks.push({ start: hookAt.start, end: hookAt.end, hook: true });
  return {
    ...base,
    letter: letterPieces(letter, marks),
    findings,
    claims,
    hook: hook === null ? null : { text: hook.text, evidence: hook.evidence, inLetter: hookAt !== undefined },
    claimsUnrecorded: result.claims === undefined,
  };
}

function countIndustries(index: readonly ReviewIndexEntry[]): ReviewPage['industries'] {
  const counts = new Map<string, number>();
  for (const { industry } of index) {
    counts.set(industry, (counts.get(industry) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([industry, postings]) => ({ industry, postings }));
}

function stopText(output: BatchOutput): string | null {
  const { summary } = output;
  if (summary === null)
    return 'the batch stopped before writing summary.json; this page shows what it finished';
  if (summary.fatalError !== null) return `stopped by an error: ${summary.fatalError.message}`;
  if (summary.stopReason === 'signal') return 'stopped by a signal (Ctrl-C) before every posting was done';
  if (summary.stopReason === 'budget') return 'stopped by --max-cost before every posting was done';
  return null;
}

/** The page around the postings: the summary's figures and every posting's row, numbered as the page shows them. */
export function buildReviewPage(output: BatchOutput): ReviewPage {
  const index = output.rows.map(
    (row, at): ReviewIndexEntry => ({
      id: postingId(at + 1),
      posting: row.posting,
      status: row.status,
      ok: okStatuses.includes(row.status),
      industry: row.industry ?? 'unknown',
      company: row.company,
    }),
  );
  const { summary } = output;
  return {
    out: output.out,
    engine: summary?.engine ?? null,
    model: summary?.model ?? null,
    finishedAt: summary?.finishedAt ?? null,
    // Counted from the rows shown, so a page rebuilt after a later, partial run agrees with itself.
    counts: { ...countRows(index), unchanged: summary?.counts.unchanged ?? 0 },
    industries: countIndustries(index),
    costUsd: summary?.estimatedCostUsd ?? null,
    usage: summary?.usage ?? null,
    stopped: stopText(output),
    index,
  };
}
