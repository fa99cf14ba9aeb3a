import { claimedInBody } from '../find-claims.js';
import { profileIndex, profileTermsIn } from '../profile-index.js';
import type { Rule } from '../rule.js';

export const techProductionToolingRule: Rule = {
  id: 'tech-production-tooling',
  industries: ['tech'],
  severity: 'error',
  requires: [],
  description:
    'Names production tooling: orchestration, experiment tracking, workflow schedulers, feature stores or model serving (the tech playbook’s `productionTooling`).',
  why: 'Tech teams hire people who ship; the production stack by name is the quickest proof that models reached users.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by serving the recommender on Kubernetes with TensorFlow Serving.\n\nBest,\nPriya Raman',
      industry: 'tech',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by rewriting the recommender in PyTorch.\n\nBest,\nPriya Raman',
      industry: 'tech',
    },
  },
  check(letter, context) {
    const terms = context.playbook.vocabulary.productionTooling ?? [];
    if (terms.length === 0 || claimedInBody(letter, terms).length > 0) return [];
    const owned =
      context.profile === null ? [] : profileTermsIn(profileIndex(context.profile, context.common), terms);
    if (context.profile !== null && owned.length === 0) {
      return [
        {
          ruleId: 'tech-production-tooling',
          severity: 'error',
          message:
            'Name the production tooling that carried your work to users (orchestration, experiment tracking, schedulers, feature stores, model serving). Your profile lists none: if you have used any, add it to an achievement’s tools in your profile; lede will not claim it for you.',
          evidence: null,
          needsProfile: true,
        },
      ];
    }
    const example =
      owned.length === 0
        ? 'e.g. Kubernetes, MLflow, Airflow, a feature store or a model server'
        : `e.g. ${owned.slice(0, 3).join(', ')} from your profile`;
    return [
      {
        ruleId: 'tech-production-tooling',
        severity: 'error',
        message: `Name the production tooling that carried your model to users (${example}) in the sentence about how it shipped.`,
        evidence: null,
      },
    ];
  },
};
