import { textTable } from '../text/text-table.js';
import type { BatchRow, BatchSummary } from './batch-summary.js';
import type { BatchPlan } from './plan-batch.js';

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function statusText(row: BatchRow): string {
  const base = row.status === 'passed-after-revision' ? 'passed (revised)' : row.status;
  return row.unchanged ? `${base}, unchanged` : base;
}

export function usd(amount: number): string {
  if (amount === 0) return '$0';
  return amount < 0.01 ? `$${amount.toFixed(4)}` : `$${amount.toFixed(2)}`;
}

/** The table and totals `lede batch` prints when it is done. */
export function renderSummary(summary: BatchSummary): string {
  const table = textTable(
    ['posting', 'industry', 'company', 'status', 'attempts', 'words'],
    summary.rows.map((row) => [
      cut(row.posting, 48),
      row.industry ?? '-',
      cut(row.company ?? '-', 28),
      statusText(row),
      row.attempts === 0 ? '-' : String(row.attempts),
      row.words === 0 ? '-' : String(row.words),
    ]),
  );
  const { counts, usage } = summary;
  const parts = [
    `${counts.passed} passed`,
    `${counts.passedAfterRevision} passed after revision`,
    `${counts.failed} failed the rules`,
  ];
  if (counts.badInput > 0) parts.push(`${counts.badInput} bad input`);
  if (counts.error > 0) parts.push(`${counts.error} errors`);
  if (counts.notRun > 0) parts.push(`${counts.notRun} not done`);
  const lines = [
    table,
    '',
    `${counts.postings} posting${counts.postings === 1 ? '' : 's'}: ${parts.join(', ')}.`,
  ];
  if (counts.unchanged > 0)
    lines.push(`${counts.unchanged} kept unchanged from the last run (pass --force to redo them).`);
  // Cached calls are counted in the tokens but not in the cost: say so, or the two would seem not to match.
  const cached = usage.cachedCalls > 0 ? ` (${usage.cachedCalls} from the cache, not priced)` : '';
  const cost =
    summary.estimatedCostUsd === null
      ? 'cost unknown (no price for this model; see --prices)'
      : `estimated cost ${usd(summary.estimatedCostUsd)}`;
  lines.push(
    `${summary.engine} engine (${summary.model}): ${usage.calls} LLM calls${cached}, ` +
      `${usage.promptTokens} prompt + ${usage.completionTokens} completion tokens, ${cost}, ${Math.round(summary.durationMs / 1000)}s.`,
  );
  const industries = Object.entries(summary.failureHistogram);
  if (industries.length > 0) {
    lines.push('', 'Rules the letters still fail:');
    for (const [industry, rules] of industries) {
      lines.push(
        `  ${industry}: ${Object.entries(rules)
          .map(([rule, count]) => `${rule} ×${count}`)
          .join(', ')}`,
      );
    }
  }
  if (summary.batchFindings.length > 0) {
    lines.push('', 'Across letters:');
    for (const finding of summary.batchFindings) {
      lines.push(`  ${finding.source} (${finding.severity}, ${finding.ruleId}): ${finding.message}`);
    }
  }
  const problems = summary.rows.filter((row) => row.error !== null && row.status !== 'not-run');
  if (problems.length > 0) {
    lines.push('', 'Problems:');
    for (const row of problems) lines.push(`  ${row.posting}: ${row.error?.message ?? ''}`);
  }
  if (summary.skippedFiles.length > 0) {
    lines.push('', 'Skipped files:');
    for (const file of summary.skippedFiles) lines.push(`  ${file.relative}: ${file.reason}`);
  }
  if (summary.stopReason === 'signal')
    lines.push('', 'Stopped by a signal: run the same command again to finish; nothing done is redone.');
  if (summary.stopReason === 'budget')
    lines.push('', 'Stopped at the --max-cost budget: raise it and run again to finish.');
  lines.push(
    '',
    `Letters and reports are in ${summary.out}; the summary is ${summary.out}/summary.json; review them all in ${summary.out}/review.html.`,
  );
  return `${lines.join('\n')}\n`;
}

/** What `--dry-run` prints. */
export function renderPlan(plan: BatchPlan): string {
  const lines = [
    `${plan.postings} posting${plan.postings === 1 ? '' : 's'} in ${plan.folder}: ${plan.toRun} to do, ` +
      `${plan.unchanged} unchanged since the last run${plan.badInput > 0 ? `, ${plan.badInput} that lede cannot use (empty, too short, unreadable, or not English for the offline engine)` : ''}.`,
    `Estimate for the ${plan.toRun} to do: ${plan.estimate.low.calls}-${plan.estimate.high.calls} LLM calls, ` +
      `${plan.estimate.low.promptTokens + plan.estimate.low.completionTokens}-` +
      `${plan.estimate.high.promptTokens + plan.estimate.high.completionTokens} tokens ` +
      '(low: every first draft passes; high: every attempt is used).',
  ];
  if (plan.engine === 'offline')
    lines.push(
      'The offline engine makes no calls and costs nothing; prices below are for the openai engine.',
    );
  lines.push(
    '',
    textTable(
      ['model', 'low', 'high'],
      plan.costs.map((cost) => [
        cost.model === plan.model ? `${cost.model} (selected)` : cost.model,
        cost.lowUsd === null ? 'no price' : usd(cost.lowUsd),
        cost.highUsd === null ? 'no price' : usd(cost.highUsd),
      ]),
    ),
  );
  if (plan.via === 'batch-api')
    lines.push('', 'Prices include the Batch API discount (half the synchronous price).');
  if (plan.skippedFiles.length > 0) {
    lines.push('', 'Skipped files:');
    for (const file of plan.skippedFiles) lines.push(`  ${file.relative}: ${file.reason}`);
  }
  lines.push(
    '',
    "Prices are list prices per million tokens from lede's table; pass --prices <file> to use your own.",
  );
  return `${lines.join('\n')}\n`;
}
