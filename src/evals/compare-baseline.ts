import type { BaselineRun } from './baseline.js';
import type { ScoredCase } from './score-outcomes.js';
import type { Scorer } from './scorer.js';

export type RowStatus = 'ok' | 'regressed' | 'improved' | 'no-baseline' | 'info';

/** One line of the table: a scorer's value now, in the baseline, and whether the change is within tolerance. */
export interface ComparisonRow {
  readonly scorer: string;
  readonly kind: Scorer['kind'];
  readonly unit: string;
  readonly value: number | null;
  readonly baseline: number | null;
  /** Now minus baseline, over the cases both runs scored. */
  readonly delta: number | null;
  /** How far the value may move the wrong way; null when never gated. */
  readonly allowed: number | null;
  readonly status: RowStatus;
}

/** Cases that passed a pass/fail scorer in the baseline and fail it now. */
export interface Flip {
  readonly scorer: string;
  readonly cases: readonly string[];
}

export interface Comparison {
  /** The baseline entry compared with, or null when there is none for this engine and model. */
  readonly against: string | null;
  readonly rows: readonly ComparisonRow[];
  readonly flips: readonly Flip[];
  /** Cases this run scored that the baseline does not hold (not gated until blessed). */
  readonly newCases: readonly string[];
  /** One line per regression, naming the scorer and the cases; empty when the run passes. */
  readonly regressions: readonly string[];
}

const epsilon = 1e-9;

function mean(values: readonly (number | null | undefined)[]): number | null {
  const numbers = values.filter((value) => typeof value === 'number');
  return numbers.length === 0 ? null : numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
}

function allowance(scorer: Scorer, baseline: number): number | null {
  if (scorer.tolerance === null) return null;
  return Math.max(scorer.tolerance.absolute ?? 0, (scorer.tolerance.relative ?? 0) * Math.abs(baseline));
}

function format(scorer: Scorer, value: number): string {
  return scorer.kind === 'rate' ? value.toFixed(3) : `${value.toFixed(1)} ${scorer.unit}`;
}

function listCases(cases: readonly string[]): string {
  const shown = cases.slice(0, 12).join(', ');
  return cases.length > 12 ? `${shown} and ${cases.length - 12} more` : shown;
}

/**
 * Compares a run with a baseline entry over the cases both hold, so a filtered run is compared with the same subset
 * of the baseline. A run regresses when an aggregate moves the wrong way by more than its scorer's tolerance, or when
 * any case that passed a pass/fail scorer in the baseline fails it now.
 */
export function compareWithBaseline(
  cases: readonly ScoredCase[],
  scorers: readonly Scorer[],
  baseline: BaselineRun | undefined,
  against: string,
): Comparison {
  const all = (name: string): number | null => mean(cases.map((item) => item.scores[name]));
  if (baseline === undefined) {
    return {
      against: null,
      rows: scorers.map((scorer) => ({
        scorer: scorer.name,
        kind: scorer.kind,
        unit: scorer.unit,
        value: all(scorer.name),
        baseline: null,
        delta: null,
        allowed: null,
        status: 'no-baseline',
      })),
      flips: [],
      newCases: cases.map((item) => item.id),
      regressions: [],
    };
  }
  const shared = cases.filter((item) => baseline.cases[item.id] !== undefined);
  const newCases = cases.filter((item) => baseline.cases[item.id] === undefined).map((item) => item.id);
  const regressions: string[] = [];
  const rows: ComparisonRow[] = [];
  const flips: Flip[] = [];
  for (const scorer of scorers) {
    const now = mean(shared.map((item) => item.scores[scorer.name]));
    const before =
      scorer.tolerance === null
        ? (baseline.aggregates[scorer.name] ?? null)
        : mean(shared.map((item) => baseline.cases[item.id]?.scores[scorer.name]));
    const value = all(scorer.name);
    if (now === null || before === null) {
      rows.push({
        scorer: scorer.name,
        kind: scorer.kind,
        unit: scorer.unit,
        value,
        baseline: before,
        delta: null,
        allowed: null,
        status: 'ok',
      });
      continue;
    }
    const delta = now - before;
    const worse = scorer.better === 'higher' ? -delta : scorer.better === 'lower' ? delta : Math.abs(delta);
    const allowed = allowance(scorer, before);
    let status: RowStatus = 'ok';
    if (allowed === null) status = 'info';
    else if (worse > allowed + epsilon) status = 'regressed';
    // Improvements below what the table shows (0.001 for a rate, 0.1 for a measure) are noise, not news.
    else if (scorer.better !== 'stable' && -worse >= (scorer.kind === 'rate' ? 0.0005 : 0.05))
      status = 'improved';
    rows.push({
      scorer: scorer.name,
      kind: scorer.kind,
      unit: scorer.unit,
      value,
      baseline: before,
      delta,
      allowed,
      status,
    });

    let flipped: string[] = [];
    if (scorer.binary) {
      flipped = shared
        .filter((item) => {
          const was = baseline.cases[item.id]?.scores[scorer.name];
          const is = item.scores[scorer.name];
          return was === 1 && typeof is === 'number' && is < 1 - epsilon;
        })
        .map((item) => item.id);
      if (flipped.length > 0) flips.push({ scorer: scorer.name, cases: flipped });
    }
    if (status === 'regressed') {
      const worst = shared
        .filter((item) => {
          const was = baseline.cases[item.id]?.scores[scorer.name];
          const is = item.scores[scorer.name];
          if (typeof was !== 'number' || typeof is !== 'number') return false;
          if (scorer.better === 'stable') return Math.abs(is - was) > epsilon;
          return scorer.better === 'higher' ? is < was - epsilon : is > was + epsilon;
        })
        .map((item) => item.id);
      const verb = scorer.better === 'stable' ? 'moved' : 'regressed';
      regressions.push(
        `${scorer.name} ${verb}: ${format(scorer, before)} -> ${format(scorer, now)} (tolerance ${format(scorer, allowed ?? 0)})` +
          (worst.length === 0
            ? ''
            : `; ${scorer.better === 'stable' ? 'changed' : 'worse'} in ${worst.length} case(s): ${listCases(worst)}`),
      );
    } else if (flipped.length > 0) {
      regressions.push(
        `${scorer.name}: ${flipped.length} case(s) flipped from pass to fail: ${listCases(flipped)}`,
      );
    }
  }
  return { against, rows, flips, newCases, regressions };
}
