import { textTable } from '../../text/text-table.js';
import { readingTargets } from './reading-baseline.js';
import type { FieldScore, ReadingOutcome, SplitSummary } from './run-reading-eval.js';
import { type ReadingField, readingFields } from './score-reading.js';

function cell(score: FieldScore | undefined): string {
  if (score === undefined || score.rate === null) return '-';
  return `${score.rate.toFixed(3)} (${score.passed}/${score.total})`;
}

/** The first row is the header. */
function table(rows: readonly (readonly string[])[]): string {
  return textTable(rows[0] ?? [], rows.slice(1));
}

const met = (score: FieldScore | undefined, field: ReadingField) =>
  score?.rate === null || score === undefined ? '' : score.rate >= readingTargets[field] ? 'met' : 'below';

/** The stdout table: each field on dev and holdout beside its target, industry recall, and the reading time. */
export function renderReadingTable(dev: SplitSummary, holdout: SplitSummary): string {
  const rows: string[][] = [
    ['field', 'target', `dev (${dev.postings})`, '', `holdout (${holdout.postings})`, ''],
  ];
  for (const field of readingFields)
    rows.push([
      field,
      readingTargets[field].toFixed(2),
      cell(dev.fields[field]),
      met(dev.fields[field], field),
      cell(holdout.fields[field]),
      met(holdout.fields[field], field),
    ]);
  for (const industry of Object.keys({ ...dev.recall, ...holdout.recall }).sort())
    rows.push([`recall ${industry}`, '', cell(dev.recall[industry]), '', cell(holdout.recall[industry]), '']);
  rows.push(['median ms', '5', dev.medianMs.toFixed(2), '', holdout.medianMs.toFixed(2), '']);
  return `${table(rows)}\n`;
}

/** Every miss on the dev split, for reading by a person: the label beside what lede read. Holdout misses stay hidden. */
export function renderDevMisses(outcomes: readonly ReadingOutcome[]): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.label.split !== 'dev') continue;
    const { label, reading } = outcome;
    const missed = readingFields.filter((field) => outcome.verdicts[field] === false);
    if (missed.length === 0) continue;
    lines.push(`## ${label.id}${outcome.refused === null ? '' : ` (refused: ${outcome.refused})`}`);
    const got = reading?.analysis;
    for (const field of missed) {
      const pair: Record<ReadingField, [unknown, unknown]> = {
        industry: [label.industry, reading?.industry.industry],
        company: [label.company, got?.company],
        'hook-named': [label.hook, got?.hook?.text],
        'hook-none': [label.hook, got?.hook?.text],
        role: [label.role, got?.role],
        'hiring-manager': [label.hiring_manager, got?.hiringManager],
        'hiring-manager-none': [label.hiring_manager, got?.hiringManager],
      };
      const [want, have] = pair[field];
      lines.push(`- ${field}: labelled ${JSON.stringify(want)}, read ${JSON.stringify(have ?? null)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
