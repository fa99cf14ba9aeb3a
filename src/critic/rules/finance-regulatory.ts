import { claimedInBody } from '../find-claims.js';
import { profileIndex, profileTermsIn } from '../profile-index.js';
import type { Rule } from '../rule.js';

export const financeRegulatoryRule: Rule = {
  id: 'finance-regulatory',
  industries: ['finance'],
  severity: 'warning',
  requires: [],
  description:
    'Acknowledges governance or regulation (SR 11-7, Basel III, GDPR, model risk, audit, fair lending, ...: the finance playbook’s `regulatory`).',
  why: 'Finance hiring managers want to know a model will pass review; naming the rules you worked under shows you know it has to.',
  examples: {
    pass: {
      letter:
        'Dear Hiring Manager,\n\nAt Northwind Lending I rebuilt the small-business credit model with SHAP reason codes, and it passed two model risk audits with zero findings.\n\nBest,\nPriya Raman',
      industry: 'finance',
    },
    fail: {
      letter:
        'Dear Hiring Manager,\n\nAt Northwind Lending I rebuilt the small-business credit model with SHAP reason codes and lifted AUC from 0.71 to 0.78.\n\nBest,\nPriya Raman',
      industry: 'finance',
    },
  },
  check(letter, context) {
    const terms = context.playbook.vocabulary.regulatory ?? [];
    if (terms.length === 0 || claimedInBody(letter, terms).length > 0) return [];
    const owned =
      context.profile === null ? [] : profileTermsIn(profileIndex(context.profile, context.common), terms);
    const example =
      owned.length === 0
        ? 'e.g. the model risk review (SR 11-7), fair lending or GDPR work it had to pass'
        : `e.g. the ${owned.slice(0, 2).join(' and ')} your profile mentions`;
    return [
      {
        ruleId: 'finance-regulatory',
        severity: 'warning',
        message: `Acknowledge the governance your models worked under (${example}), in the sentence about how the model was reviewed.`,
        evidence: null,
      },
    ];
  },
};
