import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from '../../pipeline/engine.js';
import type { PlaybookSet } from '../../playbooks/playbook-schema.js';
import { parsePosting } from '../../posting/load-posting.js';
import { renderConfident, summarizeConfident } from './confident-readings.js';
import {
  type ReadingRegression,
  readBaseline,
  regressionsAgainst,
  writeBaseline,
} from './reading-baseline.js';
import type { ReadingLabel } from './reading-label.js';
import { loadRealPostings } from './reading-label.js';
import { renderDevMisses, renderReadingTable } from './render-reading-report.js';
import { runReadingEval, type SplitSummary, summarizeSplit } from './run-reading-eval.js';
import type { PostingReading } from './score-reading.js';

export interface EvalReadingOptions {
  /** datasets/real-postings */
  readonly folder: string;
  /** Where the dev misses are written (never the holdout's). */
  readonly out: string;
  /** Write this run's verdicts as the baseline instead of comparing with it. */
  readonly bless: boolean;
}

export interface EvalReadingDeps {
  readonly playbooks: PlaybookSet;
  /** Reads one posting as lede does before drafting (classify, then extract, with the stages' contracts). */
  readonly analyze: (posting: ReturnType<typeof parsePosting>) => Promise<PostingReading>;
  readonly engine: Pick<Engine, 'name'>;
}

export interface EvalReadingResult {
  readonly dev: SplitSummary;
  readonly holdout: SplitSummary;
  readonly missing: readonly ReadingLabel[];
  readonly regressions: readonly ReadingRegression[];
  /** The text to print: the table, what was left out, and the regressions. */
  readonly report: string;
}

/**
 * Reads every real posting whose text is here, scores each field against the hand labels, and compares case by case
 * with the committed baseline: a field a posting passed before and misses now is a regression.
 */
export async function evalReading(
  options: EvalReadingOptions,
  deps: EvalReadingDeps,
): Promise<EvalReadingResult> {
  const { cases, missing } = await loadRealPostings(options.folder);
  const outcomes = await runReadingEval(cases, (text, id) => deps.analyze(parsePosting(text, id)));
  const dev = summarizeSplit(outcomes, 'dev');
  const holdout = summarizeSplit(outcomes, 'holdout');
  const baselinePath = join(options.folder, 'baseline.json');
  const baseline = await readBaseline(baselinePath);
  const regressions = options.bless || baseline === null ? [] : regressionsAgainst(baseline, outcomes);
  if (options.bless) await writeBaseline(baselinePath, baseline, outcomes);
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'reading-dev-misses.md'), renderDevMisses(outcomes));

  const lines = [`Reading real postings with the ${deps.engine.name} engine: ${cases.length} postings`];
  if (missing.length > 0)
    lines.push(
      `${missing.length} postings from unlicensed sources are not here; rebuild them with datasets/real-postings/rebuild.py (see rebuild.md)`,
    );
  lines.push('', renderReadingTable(dev, holdout));
  // Only the offline reader's readings say what --analysis auto would trust.
  if (deps.engine.name === 'offline')
    lines.push(
      renderConfident([summarizeConfident(outcomes, 'dev'), summarizeConfident(outcomes, 'holdout')]),
      '',
    );
  const refused = outcomes.filter((outcome) => outcome.refused !== null);
  if (refused.length > 0)
    lines.push(
      `Refused (every labelled field counts as missed): ${refused.map((o) => `${o.label.id} (${o.refused})`).join(', ')}`,
    );
  if (options.bless) lines.push(`Baseline written: ${baselinePath}`);
  else if (baseline === null) lines.push(`No baseline at ${baselinePath}: run with --bless to write one`);
  else if (regressions.length === 0) lines.push('No regression against the baseline.');
  else {
    lines.push(`${regressions.length} regressions against the baseline (passed before, missed now):`);
    for (const regression of regressions) lines.push(`  ${regression.id}: ${regression.field}`);
  }
  lines.push(`Dev misses, label beside reading: ${join(options.out, 'reading-dev-misses.md')}`);
  return { dev, holdout, missing, regressions, report: `${lines.join('\n')}\n` };
}
