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
let financeExplainabilityRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  financeExplainabilityRule = ruleById(fixture, 'finance-explainability');
});

describe('finance-explainability', () => {
  it.each([
    'Every decision came with SHAP reason codes.',
    'I wrote model cards for each release.',
    'We used LIME and feature importance to explain declines.',
    'The scorecard stayed interpretable for reviewers.',
  ])('passes when an explainability technique is named: "%s"', (sentence) => {
    const letter = letterOf('Dear Hiring Manager,', [sentence]);
    expect(checkRule(financeExplainabilityRule, letter, contextFor(fixture, 'finance'))).toEqual([]);
  });

  it.each([
    'I am new to SHAP, and ready to pick it up quickly.',
    "I haven't used model cards yet, but I document every model I ship.",
  ])('is not met by owning up to a technique the candidate lacks: "%s"', (sentence) => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I lifted AUC from 0.71 to 0.78 on a credit model with XGBoost.',
      sentence,
    ]);
    expect(
      checkRule(financeExplainabilityRule, letter, contextFor(fixture, 'finance')).map(
        (finding) => finding.ruleId,
      ),
    ).toEqual(['finance-explainability']);
  });

  it('fails a credit model letter without one, suggesting the profile’s techniques', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I lifted AUC from 0.71 to 0.78 on a credit model with XGBoost.',
    ]);
    expect(checkRule(financeExplainabilityRule, letter, contextFor(fixture, 'finance'))).toEqual([
      {
        ruleId: 'finance-explainability',
        severity: 'error',
        message:
          'Name the explainability technique you used and who relied on it (e.g. SHAP or reason codes, which your profile lists), next to the model it explained.',
        evidence: null,
      },
    ]);
    expect(
      checkRule(financeExplainabilityRule, letter, contextFor(fixture, 'finance', { profile: null })),
    ).toEqual([
      {
        ruleId: 'finance-explainability',
        severity: 'error',
        message:
          'Name the explainability technique you used and who relied on it (e.g. SHAP values, reason codes or model cards), next to the model it explained.',
        evidence: null,
      },
    ]);
  });

  it('tells a candidate whose profile holds no explainability technique to add it there, not to claim it', () => {
    const letter = letterOf(
      'Dear Hiring Manager,',
      ['I trained a fraud classifier with XGBoost.'],
      'Best,\nSam Okafor',
    );
    expect(
      checkRule(
        financeExplainabilityRule,
        letter,
        contextFor(fixture, 'finance', { profile: fixture.careerChanger }),
      ),
    ).toEqual([
      {
        ruleId: 'finance-explainability',
        severity: 'error',
        message:
          'Name the explainability technique behind your model (SHAP, LIME, reason codes, model cards, ...). Your profile lists none: if you have used one, add it to that achievement’s methods in your profile; lede will not claim it for you.',
        evidence: null,
        needsProfile: true,
      },
    ]);
  });
});
