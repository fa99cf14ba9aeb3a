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

  it('fails a business metric without a number, quoting it and citing the profile’s first revenue result', () => {
    const sentence = 'My forecasts helped merchants plan inventory.';
    const letter = letterOf('Dear Hiring Manager,', [sentence, 'The model reached 94% accuracy.']);
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

  it('without a profile, gives generic examples and no evidence when no metric is named', () => {
    const letter = letterOf('Dear Hiring Manager,', ['The model reached 94% accuracy.']);
    expect(
      checkRule(retailBusinessMetricRule, letter, contextFor(fixture, 'retail', { profile: null })),
    ).toEqual([
      {
        ruleId: 'retail-business-metric',
        severity: 'error',
        message:
          "Tie a model to money with its number: revenue, margin, basket size, markdowns, inventory or cost, e.g. 'lifted average order value by 8%' or 'cut markdown losses by $1.2M'.",
        evidence: null,
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
        evidence: null,
        needsProfile: true,
      },
    ]);
  });
});
