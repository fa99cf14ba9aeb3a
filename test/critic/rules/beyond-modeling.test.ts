import { beforeAll, describe, expect, it } from 'vitest';
import { beyondModelingRule } from '../../../src/critic/rules/beyond-modeling.js';
import { type CriticFixture, checkRule, contextFor, letterOf, loadCriticFixture } from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

describe('beyond-modeling', () => {
  it.each([
    'I wrote the unit tests and the CI/CD that retrained the model weekly.',
    'I deployed the churn model and set up drift alerting.',
    'I owned the data pipelines that fed the ranking model.',
    'I trained a claims triage model and packaged it as a Docker service the claims system calls.',
  ])('passes a letter showing work around the model: "%s"', (sentence) => {
    expect(
      checkRule(beyondModelingRule, letterOf('Dear Dana Ortiz,', [sentence]), contextFor(fixture, 'tech')),
    ).toEqual([]);
  });

  it('warns about a letter only about algorithms, citing the profile’s pipeline work', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I raised 90-day retention by 6% with a gradient boosting churn model.',
    ]);
    expect(checkRule(beyondModelingRule, letter, contextFor(fixture, 'tech'))).toEqual([
      {
        ruleId: 'beyond-modeling',
        severity: 'warning',
        message:
          "Show the work around the model: a data pipeline, tests, deployment or monitoring you owned, e.g. from your profile: 'moved the recommendation engine from nightly batch scoring to real-time feature serving'.",
        evidence: null,
      },
    ]);
  });

  it('without a profile, gives a generic example', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I tuned a transformer to 94% accuracy.']);
    expect(checkRule(beyondModelingRule, letter, contextFor(fixture, 'tech', { profile: null }))).toEqual([
      {
        ruleId: 'beyond-modeling',
        severity: 'warning',
        message:
          "Show the work around the model: a data pipeline, tests, deployment or monitoring you owned, e.g. 'I owned the feature pipeline, the tests and the monitoring after launch'.",
        evidence: null,
      },
    ]);
  });
});
