import type { ScoredCase } from './score-outcomes.js';
import type { Scorer } from './scorer.js';

/** A scorer's aggregate: the mean over the cases it scored. */
export interface Aggregate {
  readonly value: number | null;
  /** Cases that had a score (null scores are left out). */
  readonly cases: number;
}

export interface IndustrySummary {
  readonly cases: number;
  readonly aggregates: Readonly<Record<string, Aggregate>>;
  /** Share of cases whose every run passed (pass^N). */
  readonly passAll: number;
}

export interface RuleSummary {
  /** Runs in which the rule was checked. */
  readonly runs: number;
  readonly first: number;
  readonly final: number;
  readonly byIndustry: Readonly<
    Record<string, { readonly runs: number; readonly first: number; readonly final: number }>
  >;
}

export interface Summary {
  readonly cases: number;
  readonly runs: number;
  readonly errors: number;
  readonly aggregates: Readonly<Record<string, Aggregate>>;
  /** pass^N: share of cases whose every run passed. */
  readonly passAll: number;
  /** Share of runs that passed. With one run per case this equals passAll. */
  readonly passRate: number;
  readonly byIndustry: Readonly<Record<string, IndustrySummary>>;
  /** labelled industry -> classified industry -> runs. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly rules: Readonly<Record<string, RuleSummary>>;
}

export function aggregate(
  cases: readonly ScoredCase[],
  scorers: readonly Scorer[],
): Record<string, Aggregate> {
  const out: Record<string, Aggregate> = {};
  for (const scorer of scorers) {
    const values = cases.map((item) => item.scores[scorer.name]).filter((value) => typeof value === 'number');
    out[scorer.name] = {
      value: values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length,
      cases: values.length,
    };
  }
  return out;
}

function share(cases: readonly ScoredCase[]): number {
  return cases.length === 0 ? 0 : cases.filter((item) => item.passed).length / cases.length;
}

/** Aggregates overall and per labelled industry, the confusion matrix, and per-rule pass rates. */
export function summarize(cases: readonly ScoredCase[], scorers: readonly Scorer[]): Summary {
  const industries = [...new Set(cases.map((item) => item.industry))].sort();
  const byIndustry: Record<string, IndustrySummary> = {};
  for (const industry of industries) {
    const subset = cases.filter((item) => item.industry === industry);
    byIndustry[industry] = {
      cases: subset.length,
      aggregates: aggregate(subset, scorers),
      passAll: share(subset),
    };
  }

  const confusion: Record<string, Record<string, number>> = {};
  for (const item of cases) {
    const row = confusion[item.industry] ?? {};
    for (const predicted of item.predicted) row[predicted] = (row[predicted] ?? 0) + 1;
    confusion[item.industry] = row;
  }

  const tallies = new Map<
    string,
    {
      runs: number;
      first: number;
      final: number;
      byIndustry: Map<string, { runs: number; first: number; final: number }>;
    }
  >();
  for (const item of cases) {
    for (const [ruleId, outcome] of Object.entries(item.rules)) {
      const tally = tallies.get(ruleId) ?? { runs: 0, first: 0, final: 0, byIndustry: new Map() };
      const industry = tally.byIndustry.get(item.industry) ?? { runs: 0, first: 0, final: 0 };
      for (const target of [tally, industry]) {
        target.runs += outcome.runs;
        target.first += outcome.first;
        target.final += outcome.final;
      }
      tally.byIndustry.set(item.industry, industry);
      tallies.set(ruleId, tally);
    }
  }
  const rules: Record<string, RuleSummary> = {};
  for (const [ruleId, tally] of [...tallies].sort(([left], [right]) => (left < right ? -1 : 1))) {
    rules[ruleId] = {
      runs: tally.runs,
      first: tally.first / tally.runs,
      final: tally.final / tally.runs,
      byIndustry: Object.fromEntries(
        [...tally.byIndustry]
          .sort(([left], [right]) => (left < right ? -1 : 1))
          .map(([industry, value]) => [
            industry,
            { runs: value.runs, first: value.first / value.runs, final: value.final / value.runs },
          ]),
      ),
    };
  }

  const runs = cases.reduce((sum, item) => sum + item.runs, 0);
  return {
    cases: cases.length,
    runs,
    errors: cases.reduce((sum, item) => sum + item.errors.length, 0),
    aggregates: aggregate(cases, scorers),
    passAll: share(cases),
    passRate: runs === 0 ? 0 : cases.reduce((sum, item) => sum + item.passes, 0) / runs,
    byIndustry,
    confusion,
    rules,
  };
}
