import { describe, expect, it } from 'vitest';
import type { BaselineRun } from '../../src/evals/baseline.js';
import { compareWithBaseline } from '../../src/evals/compare-baseline.js';
import type { ScoredCase } from '../../src/evals/score-outcomes.js';
import { createScorer } from '../../src/evals/scorer.js';

const passRate = createScorer({
  name: 'pass',
  description: 'a pass/fail rate for the tests',
  score: () => 1,
});
const words = createScorer({
  name: 'words',
  description: 'a measure where lower is better, 10% tolerance',
  kind: 'measure',
  better: 'lower',
  unit: 'words',
  binary: false,
  tolerance: { relative: 0.1 },
  score: () => 1,
});
const scorers = [passRate, words];

function scored(id: string, pass: number, wordCount: number): ScoredCase {
  return {
    id,
    postingId: id,
    profileId: 'p',
    industry: 'tech',
    traits: [],
    runs: 1,
    passes: pass,
    passed: pass === 1,
    scores: { pass, words: wordCount },
    predicted: ['tech'],
    rules: {},
    errors: [],
    first: { status: 'passed', company: null, hook: null, attempts: 1, failedRules: [], letter: null },
  };
}

function baseline(cases: Record<string, [number, number]>): BaselineRun {
  return {
    engine: 'offline',
    model: 'offline',
    repeat: 1,
    aggregates: {},
    cases: Object.fromEntries(
      Object.entries(cases).map(([id, [pass, count]]) => [
        id,
        { passed: pass === 1, scores: { pass, words: count } },
      ]),
    ),
  };
}

const before = baseline(
  Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`c${index}`, [1, 200]])),
);

describe('compareWithBaseline', () => {
  it('passes an identical run with zero deltas', () => {
    const cases = Array.from({ length: 50 }, (_, index) => scored(`c${index}`, 1, 200));
    const comparison = compareWithBaseline(cases, scorers, before, 'offline');
    expect(comparison.rows).toEqual([
      {
        scorer: 'pass',
        kind: 'rate',
        unit: 'rate',
        value: 1,
        baseline: 1,
        delta: 0,
        allowed: 0.02,
        status: 'ok',
      },
      {
        scorer: 'words',
        kind: 'measure',
        unit: 'words',
        value: 200,
        baseline: 200,
        delta: 0,
        allowed: 20,
        status: 'ok',
      },
    ]);
    expect(comparison.regressions).toEqual([]);
  });

  it('fails one case flipping from pass to fail even when the aggregate stays inside its tolerance', () => {
    const cases = Array.from({ length: 50 }, (_, index) => scored(`c${index}`, index === 7 ? 0 : 1, 200));
    const comparison = compareWithBaseline(cases, scorers, before, 'offline');
    expect(comparison.rows[0]?.status).toBe('ok');
    expect(comparison.flips).toEqual([{ scorer: 'pass', cases: ['c7'] }]);
    expect(comparison.regressions).toEqual(['pass: 1 case(s) flipped from pass to fail: c7']);
  });

  it('fails a measure that worsens by more than its tolerance, naming the cases that got worse', () => {
    const cases = Array.from({ length: 50 }, (_, index) => scored(`c${index}`, 1, index < 25 ? 250 : 200));
    const comparison = compareWithBaseline(cases, scorers, before, 'offline');
    expect(comparison.rows[1]).toMatchObject({ value: 225, baseline: 200, delta: 25, status: 'regressed' });
    expect(comparison.regressions).toEqual([
      'words regressed: 200.0 words -> 225.0 words (tolerance 20.0 words); worse in 25 case(s): c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11 and 13 more',
    ]);
  });

  it('reports an improvement without failing, and a worsening inside tolerance as ok', () => {
    const cases = Array.from({ length: 50 }, (_, index) => scored(`c${index}`, 1, index < 10 ? 150 : 215));
    const comparison = compareWithBaseline(cases, scorers, before, 'offline');
    expect(comparison.rows[1]).toMatchObject({ value: 202, status: 'ok' });
    const better = compareWithBaseline(
      Array.from({ length: 50 }, (_, index) => scored(`c${index}`, 1, 180)),
      scorers,
      before,
      'offline',
    );
    expect(better.rows[1]?.status).toBe('improved');
    expect(better.regressions).toEqual([]);
  });

  it('gates a stable measure both ways: letters that shrink by more than the tolerance fail too', () => {
    const length = createScorer({
      ...words,
      name: 'words',
      description: 'letter length, gated both ways',
      better: 'stable',
    });
    const shorter = compareWithBaseline(
      Array.from({ length: 50 }, (_, index) => scored(`c${index}`, 1, 150)),
      [length],
      before,
      'offline',
    );
    expect(shorter.rows[0]?.status).toBe('regressed');
    expect(shorter.regressions[0]).toMatch(
      /^words moved: 200\.0 words -> 150\.0 words \(tolerance 20\.0 words\); changed in 50 case/,
    );
  });

  it('compares only the cases both runs hold, and lists new cases without gating them', () => {
    const cases = [scored('c1', 1, 200), scored('c2', 1, 200), scored('brand-new', 0, 900)];
    const comparison = compareWithBaseline(cases, scorers, before, 'offline');
    expect(comparison.newCases).toEqual(['brand-new']);
    expect(comparison.regressions).toEqual([]);
    expect(comparison.rows[1]).toMatchObject({ value: 1300 / 3, baseline: 200, delta: 0 });
  });

  it('marks every row as having no baseline when the engine and model have none', () => {
    const comparison = compareWithBaseline([scored('c1', 1, 200)], scorers, undefined, 'openai:gpt-test');
    expect({
      against: comparison.against,
      statuses: comparison.rows.map((row) => row.status),
      regressions: comparison.regressions,
    }).toEqual({
      against: null,
      statuses: ['no-baseline', 'no-baseline'],
      regressions: [],
    });
  });
});
