import { findInBody } from '../../text/vocabulary-matcher.js';
import { isResultQuantity, quantitiesOf } from '../find-quantities.js';
import { quantifiedFactIn, resultExample } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { excerpt, spanAt } from '../spans.js';

export const techVelocityRule: Rule = {
  id: 'tech-velocity',
  industries: ['tech'],
  severity: 'warning',
  requires: [],
  description:
    'Quantifies shipping speed, latency, experiment throughput or scale (a number in the same sentence as a term from the tech playbook’s `velocity`), not only model accuracy.',
  why: 'Tech hiring managers weigh how fast and how widely a model shipped more than a point of accuracy.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% for 2M+ users at Streamline with real-time feature serving on Redis.\n\nBest,\nPriya Raman',
      industry: 'tech',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI improved the accuracy of our churn model by 6% at Streamline using gradient boosting.\n\nBest,\nPriya Raman',
      industry: 'tech',
    },
  },
  check(letter, context) {
    const terms = context.playbook.vocabulary.velocity ?? [];
    if (terms.length === 0) return [];
    const velocitySentences = new Set(
      findInBody(letter, terms).map((match) => spanAt(letter.sentences, match.start)),
    );
    const quantified = quantitiesOf(letter).some(
      (quantity) =>
        isResultQuantity(quantity) && velocitySentences.has(spanAt(letter.sentences, quantity.start)),
    );
    if (quantified) return [];
    const fact = context.profile === null ? undefined : quantifiedFactIn(context.profile, terms);
    const example =
      context.profile === null
        ? "e.g. 'cut p99 latency from 180 ms to 40 ms' or 'ran 30 experiments a week'"
        : fact === undefined
          ? 'but your profile states none: if you have such a figure, add it to the achievement in your profile; lede will not invent one'
          : `e.g. from your profile: 'I ${excerpt(resultExample(fact), 100)}'`;
    return [
      {
        ruleId: 'tech-velocity',
        severity: 'warning',
        message: `Put a number on speed or scale, not only accuracy: latency, deploy frequency, experiment throughput or users served, ${example}.`,
        evidence: null,
      },
    ];
  },
};
