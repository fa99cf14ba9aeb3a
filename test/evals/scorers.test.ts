import { beforeAll, describe, expect, it } from 'vitest';
import type { EvalCase, Label } from '../../src/evals/dataset.js';
import type { ScorerContext } from '../../src/evals/scorer.js';
import { normalizeName } from '../../src/evals/scorer.js';
import { scorers } from '../../src/evals/scorers/index.js';
import type { PipelineResult } from '../../src/pipeline/run-pipeline.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { attempt, finding, pipelineResult } from './support/pipeline-result.js';

const postingText =
  'Birch Bank is a regional bank. We are building an explainable small-business credit model. Python, Postgres and k8s.';

function evalCase(label: Partial<Label> = {}): EvalCase {
  return {
    id: 'finance/engineer',
    postingId: 'birch-bank',
    profileId: 'engineer',
    posting: { source: 'birch-bank.txt', text: postingText },
    profile: {
      name: 'Robin',
      contact: { links: [] },
      level: 'experienced',
      achievements: [],
      projects: [],
      skills: [],
      education: [],
      certifications: [],
      awards: [],
      comparableTools: {},
    },
    label: {
      industry: 'finance',
      company: 'Birch Bank',
      aliases: [],
      hookKeywords: ['credit model'],
      requiredTools: [],
      traits: [],
      ...label,
    },
  };
}

let context: ScorerContext;
beforeAll(async () => {
  context = { playbooks: await loadPlaybooks() };
});

function score(name: string, result: PipelineResult, label: Partial<Label> = {}): number | null {
  const scorer = scorers.find((item) => item.name === name);
  if (scorer === undefined) throw new Error(`no scorer ${name}`);
  return scorer.score(evalCase(label), result, context);
}

const analysis = (changes: Partial<PipelineResult['analysis']>): PipelineResult['analysis'] => ({
  company: null,
  role: null,
  hiringManager: null,
  hook: null,
  requiredTools: [],
  ...changes,
});

describe('the scorer registry', () => {
  it('names each scorer once, describes each, and keeps rates between 0 and 1 with tolerances that make sense', () => {
    const names = scorers.map((scorer) => scorer.name);
    expect(new Set(names).size).toBe(names.length);
    for (const scorer of scorers) {
      expect(scorer.description.length).toBeGreaterThan(20);
      if (scorer.kind === 'rate') expect([scorer.name, scorer.better]).toEqual([scorer.name, 'higher']);
    }
    expect(scorers.filter((scorer) => scorer.tolerance === null).map((scorer) => scorer.name)).toEqual([
      'wall-ms-per-letter',
    ]);
  });
});

describe('industry-accuracy', () => {
  it('is 1 when the classifier names the labelled industry and 0 otherwise', () => {
    expect(
      score(
        'industry-accuracy',
        pipelineResult({ industry: { industry: 'finance', confidence: 1, signals: [] } }),
      ),
    ).toBe(1);
    expect(
      score(
        'industry-accuracy',
        pipelineResult({ industry: { industry: 'tech', confidence: 1, signals: [] } }),
      ),
    ).toBe(0);
  });
});

describe('company-match', () => {
  it('ignores case, "&" versus "and", a leading "the" and legal suffixes, and accepts aliases', () => {
    expect(score('company-match', pipelineResult({ analysis: analysis({ company: 'BIRCH BANK' }) }))).toBe(1);
    expect(
      score('company-match', pipelineResult({ analysis: analysis({ company: 'Birch Bank, N.A.' }) })),
    ).toBe(1);
    expect(
      score('company-match', pipelineResult({ analysis: analysis({ company: 'Birch' }) }), {
        aliases: ['Birch'],
      }),
    ).toBe(1);
    expect(
      score('company-match', pipelineResult({ analysis: analysis({ company: 'Birch Bank Technology' }) })),
    ).toBe(0);
    expect(normalizeName('The Thread & Tailor, Inc.')).toBe('thread and tailor');
  });

  it('wants no company for an agency posting, and a company when the label has one', () => {
    expect(score('company-match', pipelineResult(), { company: null })).toBe(1);
    expect(
      score('company-match', pipelineResult({ analysis: analysis({ company: 'Permanent' }) }), {
        company: null,
      }),
    ).toBe(0);
    expect(score('company-match', pipelineResult())).toBe(0);
  });
});

describe('hook-hit and hook-grounded', () => {
  const hook = {
    text: 'the explainable credit model',
    evidence: 'We are building an explainable small-business credit model.',
  };

  it('hits when the hook text or evidence holds a labelled keyword, or when both say there is none', () => {
    expect(score('hook-hit', pipelineResult({ analysis: analysis({ hook }) }))).toBe(1);
    expect(
      score('hook-hit', pipelineResult({ analysis: analysis({ hook }) }), {
        hookKeywords: ['small-business'],
      }),
    ).toBe(1);
    expect(
      score('hook-hit', pipelineResult({ analysis: analysis({ hook }) }), { hookKeywords: ['fraud'] }),
    ).toBe(0);
    expect(score('hook-hit', pipelineResult(), { hookKeywords: [] })).toBe(1);
    expect(score('hook-hit', pipelineResult({ analysis: analysis({ hook }) }), { hookKeywords: [] })).toBe(0);
    expect(score('hook-hit', pipelineResult())).toBe(0);
  });

  it('grounds a hook whose evidence is a quote from the posting, and skips a case without a hook', () => {
    expect(score('hook-grounded', pipelineResult({ analysis: analysis({ hook }) }))).toBe(1);
    expect(
      score(
        'hook-grounded',
        pipelineResult({ analysis: analysis({ hook: { ...hook, evidence: 'We love credit.' } }) }),
      ),
    ).toBe(0);
    expect(score('hook-grounded', pipelineResult())).toBeNull();
  });
});

describe('tools-recall', () => {
  it('counts a tool found under one of its aliases, and skips a posting that names no tool', () => {
    const result = pipelineResult({ analysis: analysis({ requiredTools: ['python', 'PostgreSQL'] }) });
    expect(
      score('tools-recall', result, { requiredTools: ['Python', 'Postgres', 'Kubernetes', 'SQL'] }),
    ).toBe(0.5);
    expect(
      score('tools-recall', pipelineResult({ analysis: analysis({ requiredTools: ['k8s'] }) }), {
        requiredTools: ['Kubernetes'],
      }),
    ).toBe(1);
    expect(score('tools-recall', result, { requiredTools: [] })).toBeNull();
  });
});

describe('critic pass scorers', () => {
  const revised = pipelineResult({
    attempts: [attempt(1, [finding('no-bracket')]), attempt(2)],
    bestAttempt: 2,
    status: 'passed-after-revision',
  });
  const failed = pipelineResult({ attempts: [attempt(1, [finding('no-bracket')])], status: 'failed' });

  it('tells a first-draft pass from a pass after revision and from a failure', () => {
    expect([revised, failed, pipelineResult()].map((result) => score('critic-pass-first', result))).toEqual([
      0, 0, 1,
    ]);
    expect([revised, failed, pipelineResult()].map((result) => score('critic-pass-final', result))).toEqual([
      1, 0, 1,
    ]);
    expect([revised, failed].map((result) => score('attempts-per-letter', result))).toEqual([2, 1]);
  });

  it('counts grounded-* findings in the letter handed over, not in discarded drafts', () => {
    const result = pipelineResult({
      attempts: [
        attempt(1, [finding('grounded-claims'), finding('grounded-claims')]),
        attempt(2, [finding('grounded-claims', 'warning'), finding('no-bracket', 'warning')]),
      ],
      bestAttempt: 2,
    });
    expect(score('grounding-violations', result)).toBe(1);
  });
});

describe('cost and size measures', () => {
  it('reports words as the word-limit rule counts them, calls, tokens and wall time', () => {
    const result = pipelineResult({
      letter: 'Dear Ana,\n\nI cut cloud costs by 10% with Spark.\n\nBest,\nRobin',
      usage: { calls: 4, promptTokens: 900, completionTokens: 300, cachedCalls: 1 },
      timings: { analyzeMs: 2, draftMs: 5, reviseMs: 0, totalMs: 7 },
    });
    expect(
      ['words-per-letter', 'llm-calls-per-letter', 'tokens-per-letter', 'wall-ms-per-letter'].map((name) =>
        score(name, result),
      ),
    ).toEqual([8, 4, 1200, 7]);
  });
});
