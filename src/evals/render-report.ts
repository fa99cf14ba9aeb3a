import type { Comparison } from './compare-baseline.js';
import { formatDelta, formatValue } from './render-table.js';
import type { ScoredCase } from './score-outcomes.js';
import type { Scorer } from './scorer.js';
import type { Summary } from './summarize-scores.js';

export interface ReportInput {
  readonly engine: string;
  readonly model: string;
  readonly repeat: number;
  readonly durationMs: number;
  readonly cases: readonly ScoredCase[];
  readonly summary: Summary;
  readonly comparison: Comparison;
  readonly scorers: readonly Scorer[];
  /** How many worst cases to show. */
  readonly worst?: number;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Cases ordered from worst: failed letters first, then errors, then mistakes on the labels, then revisions needed. */
function badness(item: ScoredCase): number {
  const rate = (name: string): number => item.scores[name] ?? 1;
  return (
    (item.errors.length > 0 ? 1000 : 0) +
    (item.passed ? 0 : 100) +
    (item.scores['grounding-violations'] ?? 0) * 50 +
    (1 - rate('industry-accuracy')) * 10 +
    (1 - rate('company-match')) * 5 +
    (1 - rate('hook-hit')) * 5 +
    (1 - rate('critic-pass-first')) * 2 +
    (item.scores['attempts-per-letter'] ?? 1) * 0.1
  );
}

function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** `eval-out/report.md`: the table, regressions, per-industry scores, the confusion matrix, rules, and the worst cases. */
export function renderReport(input: ReportInput): string {
  const { summary, comparison } = input;
  const parts: string[] = [];
  parts.push(`# lede eval report\n`);
  parts.push(
    `Engine **${input.engine}**, model **${input.model}**; ${summary.cases} cases × ${input.repeat} run(s) = ${summary.runs} ` +
      `runs in ${(input.durationMs / 1000).toFixed(1)} s; ${summary.errors} error(s). ` +
      `Letters passing every error-level rule: ${percent(summary.passRate)} of runs` +
      (input.repeat > 1
        ? `; pass^${input.repeat} (every run of a case): ${percent(summary.passAll)} of cases.`
        : '.'),
  );
  parts.push(
    comparison.against === null
      ? '\nNo baseline for this engine and model yet: `npm run eval -- --bless` records one.'
      : `\nCompared with baseline \`${comparison.against}\`.` +
          (comparison.newCases.length > 0
            ? ` ${comparison.newCases.length} case(s) are new and not gated until blessed.`
            : ''),
  );

  parts.push('\n## Scores\n');
  parts.push(
    table(
      ['scorer', 'value', 'baseline', 'delta', 'status', 'what it measures'],
      comparison.rows.map((row) => {
        const scorer = input.scorers.find((item) => item.name === row.scorer);
        return [
          row.kind === 'rate' ? row.scorer : `${row.scorer} (${row.unit})`,
          formatValue(row, row.value),
          formatValue(row, row.baseline),
          formatDelta(row, row.delta),
          row.status,
          scorer?.description ?? '',
        ];
      }),
    ),
  );

  parts.push('\n## Regressions\n');
  parts.push(
    comparison.regressions.length === 0
      ? 'None.'
      : comparison.regressions.map((line) => `- ${line}`).join('\n'),
  );

  const rates = input.scorers.filter((scorer) => scorer.kind === 'rate');
  const measures = ['words-per-letter', 'attempts-per-letter'];
  parts.push('\n## Per industry\n');
  parts.push(
    table(
      ['industry', 'cases', ...rates.map((scorer) => scorer.name), ...measures, `pass^${input.repeat}`],
      Object.entries(summary.byIndustry).map(([industry, item]) => [
        industry,
        String(item.cases),
        ...rates.map((scorer) => formatValue(scorer, item.aggregates[scorer.name]?.value ?? null)),
        ...measures.map((name) => formatValue({ kind: 'measure' }, item.aggregates[name]?.value ?? null)),
        percent(item.passAll),
      ]),
    ),
  );

  const labelled = Object.keys(summary.confusion).sort();
  const predicted = [
    ...new Set([...labelled, ...Object.values(summary.confusion).flatMap((row) => Object.keys(row))]),
  ].sort();
  parts.push('\n## Industry confusion matrix\n');
  parts.push('Rows: the labelled industry. Columns: what the classifier said (runs).\n');
  parts.push(
    table(
      ['labelled \\ classified', ...predicted],
      labelled.map((industry) => [
        industry,
        ...predicted.map((column) => String(summary.confusion[industry]?.[column] ?? 0)),
      ]),
    ),
  );

  const industries = Object.keys(summary.byIndustry);
  parts.push('\n## Critic rules\n');
  parts.push('Share of runs in which the rule found no error, on the first draft → on the final letter.\n');
  parts.push(
    table(
      ['rule', 'runs', 'first', 'final', ...industries],
      Object.entries(summary.rules).map(([ruleId, rule]) => [
        ruleId,
        String(rule.runs),
        percent(rule.first),
        percent(rule.final),
        ...industries.map((industry) => {
          const cell = rule.byIndustry[industry];
          return cell === undefined ? '-' : `${percent(cell.first)} → ${percent(cell.final)}`;
        }),
      ]),
    ),
  );

  const worst = [...input.cases]
    .filter((item) => badness(item) >= 1)
    .sort((left, right) => badness(right) - badness(left) || (left.id < right.id ? -1 : 1))
    .slice(0, input.worst ?? 10);
  parts.push('\n## Worst cases\n');
  if (worst.length === 0) parts.push('Every case passed on the first draft with correct labels.');
  for (const item of worst) {
    const wrong = ['industry-accuracy', 'company-match', 'hook-hit']
      .filter((name) => (item.scores[name] ?? 1) < 1)
      .join(', ');
    parts.push(
      `\n### ${item.id}\n\n` +
        `Posting \`${item.postingId}\` (${item.industry}; classified ${[...new Set(item.predicted)].join(', ') || '-'}), ` +
        `profile \`${item.profileId}\`. Status: ${item.first.status}, ${item.first.attempts} attempt(s); ` +
        `company: ${item.first.company ?? 'none'}; hook: ${item.first.hook === null ? 'none' : `“${clip(item.first.hook, 100)}”`}.` +
        (wrong === '' ? '' : ` Missed: ${wrong}.`),
    );
    for (const error of item.errors)
      parts.push(`\n- run ${error.repeat + 1} failed: \`${error.code}\` ${clip(error.message, 300)}`);
    for (const rule of item.first.failedRules) {
      parts.push(
        `\n- **${rule.ruleId}**: ${clip(rule.message, 300)}` +
          (rule.evidence === null ? '' : `\n  > ${clip(rule.evidence, 240)}`),
      );
    }
  }
  return `${parts.join('\n')}\n`;
}
