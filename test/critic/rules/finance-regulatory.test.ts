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
let financeRegulatoryRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  financeRegulatoryRule = ruleById(fixture, 'finance-regulatory');
});

describe('finance-regulatory', () => {
  it.each([
    'The model passed SR 11-7 validation.',
    'I kept the pipeline GDPR compliant.',
    'It cleared two audits with zero findings.',
    'I worked with the model risk team on fair lending tests.',
  ])('passes when governance or regulation is acknowledged: "%s"', (sentence) => {
    const letter = letterOf('Dear Hiring Manager,', [sentence]);
    expect(checkRule(financeRegulatoryRule, letter, contextFor(fixture, 'finance'))).toEqual([]);
  });

  it('warns when the letter never mentions the rules models live under', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I rebuilt the credit model with SHAP reason codes and lifted AUC to 0.78.',
    ]);
    expect(checkRule(financeRegulatoryRule, letter, contextFor(fixture, 'finance'))).toEqual([
      {
        ruleId: 'finance-regulatory',
        severity: 'warning',
        message:
          'Acknowledge the governance your models worked under (e.g. the model risk and audit your profile mentions), in the sentence about how the model was reviewed.',
        evidence: null,
      },
    ]);
  });
});
