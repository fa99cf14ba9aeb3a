import { claimedInBody } from '../find-claims.js';
import { profileIndex, profileTermsIn } from '../profile-index.js';
import type { Rule } from '../rule.js';

export const financeExplainabilityRule: Rule = {
  id: 'finance-explainability',
  industries: ['finance'],
  severity: 'error',
  requires: [],
  description:
    'Names an explainability technique (SHAP, LIME, feature importance, model cards, reason codes, ...: the finance playbook’s `explainability`).',
  why: 'In finance a model nobody can explain does not get approved; the technique by name shows you have built ones that were.',
  examples: {
    pass: {
      letter:
        'Dear Hiring Manager,\n\nAt Northwind Lending I lifted AUC from 0.71 to 0.78 on the small-business credit model, with SHAP reason codes for every decision.\n\nBest,\nPriya Raman',
      industry: 'finance',
    },
    fail: {
      letter:
        'Dear Hiring Manager,\n\nAt Northwind Lending I lifted AUC from 0.71 to 0.78 on the small-business credit model with XGBoost.\n\nBest,\nPriya Raman',
      industry: 'finance',
    },
  },
  check(letter, context) {
    const terms = context.playbook.vocabulary.explainability ?? [];
    if (terms.length === 0 || claimedInBody(letter, terms).length > 0) return [];
    const owned =
      context.profile === null ? [] : profileTermsIn(profileIndex(context.profile, context.common), terms);
    if (context.profile !== null && owned.length === 0) {
      return [
        {
          ruleId: 'finance-explainability',
          severity: 'error',
          message:
            'Name the explainability technique behind your model (SHAP, LIME, reason codes, model cards, ...). Your profile lists none: if you have used one, add it to that achievement’s methods in your profile; lede will not claim it for you.',
          evidence: null,
          needsProfile: true,
        },
      ];
    }
    const example =
      owned.length === 0
        ? 'e.g. SHAP values, reason codes or model cards'
        : `e.g. ${owned.slice(0, 2).join(' or ')}, which your profile lists`;
    return [
      {
        ruleId: 'finance-explainability',
        severity: 'error',
        message: `Name the explainability technique you used and who relied on it (${example}), next to the model it explained.`,
        evidence: null,
      },
    ];
  },
};
