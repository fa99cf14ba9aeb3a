import { beforeAll, describe, expect, it } from 'vitest';
import { opensWithOutcomeRule } from '../../../src/critic/rules/opens-with-outcome.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  quoteOf,
} from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

describe('opens-with-outcome', () => {
  const check = (letter: string) => checkRule(opensWithOutcomeRule, letter, contextFor(fixture, 'tech'));

  it.each([
    'I cut inference latency by 40% at Streamline.',
    'I saved the fraud team $1.2M a year in manual review.',
    'I made our ranking service 3x faster.',
    'My forecasts now steer inventory across 50+ stores.',
    'I lifted AUC from 0.71 to 0.78 on the credit model.',
    'I doubled experiment throughput for the search team.',
  ])('passes an opening with a quantified result: "%s"', (sentence) => {
    expect(check(letterOf('Dear Dana Ortiz,', [sentence]))).toEqual([]);
  });

  it.each([
    'I have 5 years of experience building recommendation systems.',
    'In 2019, I joined Streamline as its first ML hire.',
    'I love building systems that people enjoy using.',
  ])('fails an opening without a result (years of experience and dates do not count): "%s"', (sentence) => {
    const letter = letterOf('Dear Dana Ortiz,', [sentence, 'Later I cut latency by 40%.']);
    expect(check(letter)).toEqual([
      {
        ruleId: 'opens-with-outcome',
        severity: 'error',
        message:
          "Open with a quantified result from your profile, e.g. 'I cut inference latency by 40% and opened personalized feeds to 2M+ users at Streamline'.",
        evidence: quoteOf(letter, sentence),
      },
    ]);
  });

  it('without a profile, asks for a result with its number', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I love building recommendation systems.']);
    expect(checkRule(opensWithOutcomeRule, letter, contextFor(fixture, 'tech', { profile: null }))).toEqual([
      {
        ruleId: 'opens-with-outcome',
        severity: 'error',
        message:
          "Open with a concrete result and its number (a percentage, money, a multiple or a scale), e.g. 'I cut inference latency by 40% for 2M users'.",
        evidence: quoteOf(letter, 'I love building recommendation systems.'),
      },
    ]);
  });

  it('drops to a warning that asks for a metric when the profile holds no number at all', () => {
    const letter = letterOf(
      'Dear Dana Ortiz,',
      ['I trained a bird song classifier for my thesis.'],
      'Best,\nAlex Moreno',
    );
    expect(
      checkRule(opensWithOutcomeRule, letter, contextFor(fixture, 'tech', { profile: fixture.noMetrics })),
    ).toEqual([
      {
        ruleId: 'opens-with-outcome',
        severity: 'warning',
        message:
          "Your profile has no quantified result, so the letter cannot open with one. Add a metric to an achievement in your profile (e.g. metrics: ['cut review time by 30%']) and run lede again; lede never invents a number.",
        evidence: quoteOf(letter, 'I trained a bird song classifier for my thesis.'),
        needsProfile: true,
      },
    ]);
  });

  it('reports an empty body as an absence', () => {
    expect(check('Dear Dana Ortiz,\n\nBest,\nPriya Raman')).toEqual([
      expect.objectContaining({ ruleId: 'opens-with-outcome', evidence: null }),
    ]);
  });
});
