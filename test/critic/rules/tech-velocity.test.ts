import { beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/critic/rule.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  ruleById,
} from '../critic-fixture.js';

let fixture: CriticFixture;
let techVelocityRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  techVelocityRule = ruleById(fixture, 'tech-velocity');
});

describe('tech-velocity', () => {
  it.each([
    'I cut p99 latency by 40% on the ranking service.',
    'We shipped 12 model releases a quarter.',
    'The feed now serves 2M+ users.',
  ])('passes a number on speed or scale: "%s"', (sentence) => {
    expect(
      checkRule(techVelocityRule, letterOf('Dear Dana Ortiz,', [sentence]), contextFor(fixture, 'tech')),
    ).toEqual([]);
  });

  it('warns when the only numbers are about accuracy, citing the profile’s speed result', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I improved our churn model’s accuracy by 6%.',
      'Latency matters to me.',
    ]);
    expect(checkRule(techVelocityRule, letter, contextFor(fixture, 'tech'))).toEqual([
      {
        ruleId: 'tech-velocity',
        severity: 'warning',
        message:
          "Put a number on speed or scale, not only accuracy: latency, deploy frequency, experiment throughput or users served, e.g. from your profile: 'I cut inference latency by 40% and opened personalized feeds to 2M+ users at Streamline'.",
        evidence: null,
      },
    ]);
  });

  it('asks for the figure in the profile, never offers one, when the profile states none', () => {
    const letter = letterOf(
      'Dear Dana Ortiz,',
      ['I trained a bird song classifier with PyTorch.'],
      'Best,\nAlex Moreno',
    );
    expect(
      checkRule(techVelocityRule, letter, contextFor(fixture, 'tech', { profile: fixture.noMetrics })),
    ).toEqual([
      {
        ruleId: 'tech-velocity',
        severity: 'warning',
        message:
          'Put a number on speed or scale, not only accuracy: latency, deploy frequency, experiment throughput or users served, but your profile states none: if you have such a figure, add it to the achievement in your profile; lede will not invent one.',
        evidence: null,
      },
    ]);
  });
});
