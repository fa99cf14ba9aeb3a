import { describe, expect, it } from 'vitest';
import {
  factShape,
  openingPlansFor,
  openingSentences,
  supportSentences,
  wordFact,
} from '../../../src/engines/offline/fact-sentences.js';
import type { ProfileFact } from '../../../src/profile/profile-schema.js';

function fact(extra: Partial<ProfileFact>): ProfileFact {
  return { id: 'f', did: 'did it', metrics: [], tools: [], methods: [], tags: [], ...extra } as ProfileFact;
}

const credit = wordFact(
  fact({
    employer: 'Northwind Lending',
    role: 'Machine Learning Engineer',
    did: 'rebuilt the small-business credit model with gradient boosting and SHAP reason codes',
    result: 'lifted AUC from 0.71 to 0.78 and passed two model risk audits with zero findings',
  }),
  new Set(['northwind', 'shap', 'auc']),
);

describe('sentence plans', () => {
  it('reads what a fact holds: a before and after, a governance outcome', () => {
    expect(factShape(credit)).toEqual({ beforeAfter: true, cost: false, governance: true, scale: false });
  });

  it('offers several openings for a fact with a result and a role, each with the number in the first sentence', () => {
    const plans = openingPlansFor(credit);
    expect(plans).toEqual(['result-when', 'result-then-how', 'role-result']);
    for (const plan of plans) {
      const [first] = openingSentences(credit, ['XGBoost'], plan);
      expect(first).toContain('lifted AUC from 0.71 to 0.78');
    }
    expect(new Set(plans.map((plan) => openingSentences(credit, ['XGBoost'], plan).join(' '))).size).toBe(3);
  });

  it('weaves the tool in before the verb it did the work for, never tacked on as ", using X"', () => {
    for (const plan of openingPlansFor(credit)) {
      const text = openingSentences(credit, ['XGBoost'], plan).join(' ');
      expect(text).toMatch(/[Uu]sing XGBoost, I rebuilt/);
      expect(text).not.toMatch(/, using XGBoost\./);
    }
    expect(supportSentences(credit, ['XGBoost'], false, 'how-then-outcome')).toEqual([
      'At Northwind Lending, using XGBoost, I rebuilt the small-business credit model with gradient boosting and SHAP reason codes.',
      'That model lifted AUC from 0.71 to 0.78 and passed two model risk audits with zero findings.',
    ]);
  });

  it('says "There I also" for a second fact at the same employer', () => {
    expect(supportSentences(credit, [], true, 'result-then-how')[0]).toBe(
      'There I also lifted AUC from 0.71 to 0.78 and passed two model risk audits with zero findings.',
    );
  });
});
