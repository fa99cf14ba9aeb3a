import { findInBody } from '../../text/vocabulary-matcher.js';
import type { Rule } from '../rule.js';
import { quote } from '../spans.js';

export const retailNoNoveltyRule: Rule = {
  id: 'retail-no-novelty',
  industries: ['retail'],
  severity: 'warning',
  requires: [],
  description:
    'Does not sell algorithmic novelty ("novel architecture", "state of the art", "cutting-edge": the retail playbook’s `novelty`) over return on investment.',
  why: 'A retailer pays for models that move sales or cost soon; novelty for its own sake reads as risk.',
  examples: {
    pass: {
      letter:
        'Dear Hiring Manager,\n\nI forecast weekly demand at Northwind Lending and cut overtime costs by 12% in the first quarter.\n\nBest,\nPriya Raman',
      industry: 'retail',
    },
    fail: {
      letter:
        'Dear Hiring Manager,\n\nI build state-of-the-art forecasting models with a novel architecture of my own design.\n\nBest,\nPriya Raman',
      industry: 'retail',
    },
  },
  check(letter, context) {
    const terms = context.playbook.vocabulary.novelty ?? [];
    if (terms.length === 0) return [];
    return findInBody(letter, terms).map((match) => ({
      ruleId: 'retail-no-novelty',
      severity: 'warning' as const,
      message: `Replace '${match.text}' with what the model returned: the sales, margin or cost it moved and how fast it paid off.`,
      evidence: quote(letter.text, match.start, match.end),
    }));
  },
};
