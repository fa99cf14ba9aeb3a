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
let financeValidatedArchitectureRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  financeValidatedArchitectureRule = ruleById(fixture, 'finance-validated-architecture');
});

const check = (letter: string) =>
  checkRule(financeValidatedArchitectureRule, letter, contextFor(fixture, 'finance'));

describe('finance-validated-architecture', () => {
  it('passes a letter without experimental architectures', () => {
    expect(
      check(
        letterOf('Dear Hiring Manager,', [
          'I built a gradient boosting credit model with SHAP reason codes.',
        ]),
      ),
    ).toEqual([]);
  });

  it('passes deep learning that comes with its validation in the same paragraph', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I tested a transformer on card fraud. We validated it out-of-time against the champion and monitored drift weekly.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('passes a letter that replaces a black-box model (the guide’s own finance template does)', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I replaced a black-box deep learning model with an ensemble that reviewers could follow.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('fails each paragraph that pitches an architecture without saying how it was checked', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I want to bring large language models and deep learning to your underwriting.',
      'The model was validated by the model risk team.',
      'A graph neural network could find fraud rings too.',
    ]);
    expect(check(letter)).toEqual([
      {
        ruleId: 'finance-validated-architecture',
        severity: 'error',
        message:
          "Say how the large language models work was validated, audited or monitored (e.g. 'validated out-of-time against the champion model and monitored for drift'), in the same paragraph, or leave it out.",
        evidence: quoteOf(letter, 'large language models'),
      },
      {
        ruleId: 'finance-validated-architecture',
        severity: 'error',
        message:
          "Say how the graph neural network work was validated, audited or monitored (e.g. 'validated out-of-time against the champion model and monitored for drift'), in the same paragraph, or leave it out.",
        evidence: quoteOf(letter, 'graph neural network'),
      },
    ]);
  });
});
