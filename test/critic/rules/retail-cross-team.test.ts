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
let retailCrossTeamRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  retailCrossTeamRule = ruleById(fixture, 'retail-cross-team');
});

describe('retail-cross-team', () => {
  it.each([
    'I set markdown rules with the merchandising team.',
    'Store managers reviewed every forecast with me.',
    'I worked with marketing on the loyalty model.',
  ])('passes when a non-technical team is named: "%s"', (sentence) => {
    const letter = letterOf('Dear Hiring Manager,', [sentence]);
    expect(checkRule(retailCrossTeamRule, letter, contextFor(fixture, 'retail'))).toEqual([]);
  });

  it('does not take unnamed "cross-functional stakeholders" for a team outside engineering', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I presented the forecast to cross-functional stakeholders every week.',
    ]);
    expect(
      checkRule(retailCrossTeamRule, letter, contextFor(fixture, 'retail')).map((f) => f.ruleId),
    ).toEqual(['retail-cross-team']);
  });

  it('warns when only engineers appear, citing the profile’s work with operations and finance', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I forecast weekly demand with Prophet and cut overtime costs by 12%.',
    ]);
    expect(checkRule(retailCrossTeamRule, letter, contextFor(fixture, 'retail'))).toEqual([
      {
        ruleId: 'retail-cross-team',
        severity: 'warning',
        message:
          "Say who outside engineering you worked with (merchandising, operations, marketing, store or category teams), e.g. from your profile: 'worked with the operations and finance teams to forecast weekly loan demand for branch staffing'.",
        evidence: null,
      },
    ]);
  });
});
