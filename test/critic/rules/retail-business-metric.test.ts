import { beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/critic/rule.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  quoteOf,
  ruleById,
} from '../critic-fixture.js';

let fixture: CriticFixture;
let retailBusinessMetricRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  retailBusinessMetricRule = ruleById(fixture, 'retail-business-metric');
});

describe('retail-business-metric', () => {
  it.each([
    'My markdown model lifted gross margin by 4% across 50+ stores.',
    'The recommender raised average order value by 7%.',
    'Forecasts cut overstock by 22%, saving $1.2M a year.',
  ])('passes a model tied to money with a number: "%s"', (sentence) => {
    const letter = letterOf('Dear Hiring Manager,', [sentence]);
    expect(checkRule(retailBusinessMetricRule, letter, contextFor(fixture, 'retail'))).toEqual([]);
  });

  it('fails a result not tied to money, quoting that result and citing the profile’s first revenue result', () => {
    const sentence = 'The model reached 94% accuracy.';
    const letter = letterOf('Dear Hiring Manager,', [
      'My forecasts helped merchants plan inventory.',
      sentence,
    ]);
    expect(checkRule(retailBusinessMetricRule, letter, contextFor(fixture, 'retail'))).toEqual([
      {
        ruleId: 'retail-business-metric',
        severity: 'error',
        message:
          "Tie a model to money with its number: revenue, margin, basket size, markdowns, inventory or cost, e.g. from your profile: 'I raised 90-day retention by 6% across the subscriber base at Streamline'.",
        evidence: quoteOf(letter, sentence),
      },
    ]);
  });

  it('quotes a business metric without a number when the letter states no result', () => {
    const sentence = 'My forecasts helped merchants plan inventory.';
    const letter = letterOf('Dear Hiring Manager,', [sentence]);
    expect(checkRule(retailBusinessMetricRule, letter, contextFor(fixture, 'retail'))[0]?.evidence).toEqual(
      quoteOf(letter, sentence),
    );
  });

  it('never quotes a sentence about the company as the one to fix', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'Bramble Market is rebuilding its inventory allocation.',
      'I built a demand model in Python.',
    ]);
    const context = contextFor(fixture, 'retail', { profile: null });
    const withCompany = {
      ...context,
      analysis: context.analysis === null ? null : { ...context.analysis, company: 'Bramble Market' },
    };
    expect(checkRule(retailBusinessMetricRule, letter, withCompany)[0]?.evidence).toBeNull();
  });

  it('counts hours of manual work saved as a cost result, as its message says', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'My validation checks cut manual data fixes from about 6 hours a week to under 1.',
    ]);
    expect(checkRule(retailBusinessMetricRule, letter, contextFor(fixture, 'retail'))).toEqual([]);
  });

  it('without a profile, gives generic examples and quotes the result to tie to money', () => {
    const letter = letterOf('Dear Hiring Manager,', ['The model reached 94% accuracy.']);
    expect(
      checkRule(retailBusinessMetricRule, letter, contextFor(fixture, 'retail', { profile: null })),
    ).toEqual([
      {
        ruleId: 'retail-business-metric',
        severity: 'error',
        message:
          "Tie a model to money with its number: revenue, margin, basket size, markdowns, inventory or cost, e.g. 'lifted average order value by 8%' or 'cut markdown losses by $1.2M'.",
        evidence: quoteOf(letter, 'The model reached 94% accuracy.'),
      },
    ]);
  });

  it('asks for the figure in the profile, never offers one, when the profile states no money result', () => {
    const letter = letterOf(
      'Dear Hiring Manager,',
      ['My fraud model cut false alarms by 30%.'],
      'Best,\nSam Okafor',
    );
    expect(
      checkRule(
        retailBusinessMetricRule,
        letter,
        contextFor(fixture, 'retail', { profile: fixture.careerChanger }),
      ),
    ).toEqual([
      {
        ruleId: 'retail-business-metric',
        severity: 'error',
        message:
          'Tie a model to money with its number: revenue, margin, basket size, markdowns, inventory or cost, but your profile states no result in those terms: if your work moved sales or cost (hours saved count), add that figure to the achievement in your profile; lede will not invent one.',
        evidence: quoteOf(letter, 'My fraud model cut false alarms by 30%.'),
        needsProfile: true,
      },
    ]);
  });
});
