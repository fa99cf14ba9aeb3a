import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Critique } from '../../critic/finding.js';
import { type LetterLabel, loadRealLetters } from './letter-label.js';
import {
  type LetterRegression,
  readBaseline,
  regressionsAgainst,
  writeBaseline,
} from './letters-baseline.js';
import { renderDevMisses, renderLettersTable } from './render-letters-report.js';
import { type LettersSummary, runLettersEval, summarizeLetters } from './run-letters-eval.js';

export interface EvalLettersOptions {
  /** datasets/real-letters */
  readonly folder: string;
  /** Where the dev disagreements are written (never the holdout's). */
  readonly out: string;
  /** Write this run's agreements as the baseline instead of comparing with it. */
  readonly bless: boolean;
}

export interface EvalLettersDeps {
  /** Checks one letter as `lede check` does with neither posting nor profile. */
  readonly critique: (text: string) => Critique;
}

export interface EvalLettersResult {
  readonly dev: LettersSummary;
  readonly holdout: LettersSummary;
  readonly missing: readonly LetterLabel[];
  readonly regressions: readonly LetterRegression[];
  /** The text to print: the table, what was left out, and the regressions. */
  readonly report: string;
}

/**
 * Runs the critic on every real letter whose text is here, scores each rule against the hand labels, and compares
 * letter by letter with the committed baseline: a rule that agreed with a letter before and disagrees now regresses.
 */
export async function evalLetters(
  options: EvalLettersOptions,
  deps: EvalLettersDeps,
): Promise<EvalLettersResult> {
  const { cases, missing } = await loadRealLetters(options.folder);
  const outcomes = runLettersEval(cases, deps.critique);
  const dev = summarizeLetters(outcomes, 'dev');
  const holdout = summarizeLetters(outcomes, 'holdout');
  const baselinePath = join(options.folder, 'baseline.json');
  const baseline = await readBaseline(baselinePath);
  const regressions = options.bless || baseline === null ? [] : regressionsAgainst(baseline, outcomes);
  if (options.bless) await writeBaseline(baselinePath, baseline, outcomes);
  await mkdir(options.out, { recursive: true });
  await writeFile(join(options.out, 'letters-dev-misses.md'), renderDevMisses(outcomes));

  const lines = [`Checking real letters (no posting, no profile): ${cases.length} letters`];
  if (missing.length > 0)
    lines.push(
      `${missing.length} letters from sources that forbid copying are not here; rebuild them with datasets/real-letters/rebuild.py`,
    );
  lines.push('', renderLettersTable(dev, holdout));
  if (options.bless) lines.push(`Baseline written: ${baselinePath}`);
  else if (baseline === null) lines.push(`No baseline at ${baselinePath}: run with --bless to write one`);
  else if (regressions.length === 0) lines.push('No regression against the baseline.');
  else {
    lines.push(`${regressions.length} regressions against the baseline (agreed before, disagree now):`);
    for (const regression of regressions) lines.push(`  ${regression.id}: ${regression.rule}`);
  }
  lines.push(`Dev disagreements, with the evidence: ${join(options.out, 'letters-dev-misses.md')}`);
  return { dev, holdout, missing, regressions, report: `${lines.join('\n')}\n` };
}
