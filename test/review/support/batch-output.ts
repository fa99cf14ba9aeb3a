import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestEntryFor } from '../../../src/batch/batch-ledger.js';
import type { BatchRow, BatchSummary } from '../../../src/batch/batch-summary.js';
import { countRows } from '../../../src/batch/batch-summary.js';
import type { Finding } from '../../../src/critic/finding.js';
import type { Claim } from '../../../src/critic/ground-claims.js';
import { type PipelineResult, PipelineResultSchema } from '../../../src/pipeline/run-pipeline.js';
import { noUsage } from '../../../src/pipeline/usage.js';

/** One posting of a made-up batch: its row, and the result its report JSON holds (none for an error). */
export interface PostingSpec {
  readonly posting: string;
  readonly status: BatchRow['status'];
  readonly industry?: string;
  readonly company?: string | null;
  readonly role?: string | null;
  readonly letter?: string;
  readonly findings?: readonly Finding[];
  readonly claims?: readonly Claim[];
  readonly hook?: { readonly text: string; readonly evidence: string } | null;
  readonly error?: { readonly code: string; readonly message: string };
}

/** A result as the pipeline writes it, for a spec. */
export function resultFor(spec: PostingSpec): PipelineResult {
  const letter = spec.letter ?? 'Dear Hiring Manager,\n\nA letter.\n\nBest,\nPriya Raman';
  const findings = [...(spec.findings ?? [])];
  const critique = {
    passed: !findings.some((finding) => finding.severity === 'error'),
    industry: spec.industry ?? 'tech',
    findings,
    skipped: [],
    checked: ['grounded-claims'],
  };
  return PipelineResultSchema.parse({
    source: spec.posting,
    engine: 'offline',
    model: 'offline',
    industry: { industry: spec.industry ?? 'tech', confidence: 0.9, signals: [] },
    analysis: {
      company: spec.company ?? null,
      role: spec.role ?? null,
      hiringManager: null,
      hook: spec.hook ?? null,
      requiredTools: [],
    },
    letter,
    usedFactIds: [],
    claims: [...(spec.claims ?? [])],
    status:
      spec.status === 'failed' ? 'failed' : spec.status === 'passed-after-revision' ? spec.status : 'passed',
    bestAttempt: 1,
    attempts: [{ attempt: 1, draft: { letter, usedFactIds: [] }, critique, usage: noUsage, durationMs: 1 }],
    usage: noUsage,
    timings: { analyzeMs: 1, draftMs: 1, reviseMs: 0, totalMs: 2 },
  });
}

function stemOf(posting: string): string {
  return posting.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
}

/**
 * Writes a batch's output folder as `lede batch` leaves it: a report JSON per posting with a letter, and summary.json
 * (unless `summary` is false, as after a batch that stopped before writing one; then manifest.json holds the rows).
 */
export async function writeBatchOutput(
  out: string,
  specs: readonly PostingSpec[],
  options: { readonly summary?: boolean; readonly costUsd?: number | null } = {},
): Promise<void> {
  const rows: BatchRow[] = [];
  for (const spec of specs) {
    const withLetter =
      spec.status === 'passed' || spec.status === 'passed-after-revision' || spec.status === 'failed';
    const stem = stemOf(spec.posting);
    const outputs = withLetter
      ? { letter: `${stem}.letter.md`, report: `${stem}.report.md`, reportJson: `${stem}.report.json` }
      : null;
    if (outputs !== null) {
      const result = resultFor(spec);
      await writeFile(join(out, outputs.reportJson), `${JSON.stringify(result, null, 2)}\n`);
      await writeFile(join(out, outputs.letter), `${result.letter}\n`);
    }
    rows.push({
      posting: spec.posting,
      status: spec.status,
      unchanged: false,
      industry: withLetter ? (spec.industry ?? 'tech') : null,
      company: spec.company ?? null,
      attempts: withLetter ? 1 : 0,
      words: withLetter ? 120 : 0,
      outputs,
      failedRules: (spec.findings ?? [])
        .filter((finding) => finding.severity === 'error')
        .map((f) => f.ruleId),
      error: spec.error ?? null,
      usage: noUsage,
    });
  }
  if (options.summary === false) {
    const entries = Object.fromEntries(
      rows.map((row) => [
        row.posting,
        manifestEntryFor(row.posting, 'hash', row, '2026-12-07T10:00:00.000Z'),
      ]),
    );
    await writeFile(
      join(out, 'manifest.json'),
      JSON.stringify({ version: 1, updatedAt: '2026-12-07T10:00:00.000Z', entries }),
    );
    return;
  }
  const summary: BatchSummary = {
    folder: '/postings',
    out,
    engine: 'offline',
    model: 'offline',
    startedAt: '2026-12-07T10:00:00.000Z',
    finishedAt: '2026-12-07T10:01:00.000Z',
    durationMs: 60_000,
    counts: countRows(rows),
    usage: noUsage,
    estimatedCostUsd: options.costUsd === undefined ? 0 : options.costUsd,
    stopReason: null,
    fatalError: null,
    exitCode: 0,
    skippedFiles: [],
    failureHistogram: {},
    batchFindings: [],
    rows,
  };
  await writeFile(join(out, 'summary.json'), JSON.stringify(summary, null, 2));
}

/** Evidence quoting the first occurrence of `text` in `letter`. */
export function evidenceIn(letter: string, text: string): { text: string; start: number; end: number } {
  const start = letter.indexOf(text);
  if (start === -1) throw new Error(`"${text}" is not in the letter`);
  return { text, start, end: start + text.length };
}
