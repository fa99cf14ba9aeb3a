import { findInBody } from '../../text/vocabulary-matcher.js';
import { isResultQuantity, quantitiesOf } from '../find-quantities.js';
import { quantifiedFactIn, resultExample } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { excerpt, quoteSpan, spanAt } from '../spans.js';

export const retailBusinessMetricRule: Rule = {
  id: 'retail-business-metric',
  industries: ['retail'],
  severity: 'error',
  requires: [],
  description:
    'Ties a model to a revenue or cost metric with a number: one sentence holds both a quantified result and a term from the retail playbook’s `businessMetrics` (revenue, margin, LTV, basket size, AOV, markdowns, inventory, sell-through, conversion, ...).',
  why: 'Retail judges a model by the money it moved; an accuracy figure alone does not tell a merchant whether it paid off.',
  examples: {
    pass: {
      letter:
        'Dear Hiring Manager,\n\nAt Northwind Lending I forecast weekly loan demand for branch staffing and cut overtime costs by 12% in the first quarter.\n\nBest,\nPriya Raman',
      industry: 'retail',
    },
    fail: {
      letter:
        'Dear Hiring Manager,\n\nI built a demand forecasting model with 94% accuracy using Prophet and Snowflake.\n\nBest,\nPriya Raman',
      industry: 'retail',
    },
  },
  check(letter, context) {
    const terms = context.playbook.vocabulary.businessMetrics ?? [];
    if (terms.length === 0) return [];
    const mentions = findInBody(letter, terms);
    const quantities = quantitiesOf(letter).filter(isResultQuantity);
    for (const mention of mentions) {
      const sentence = spanAt(letter.sentences, mention.start);
      if (
        sentence !== null &&
        quantities.some((quantity) => spanAt(letter.sentences, quantity.start) === sentence)
      )
        return [];
    }
    const fact = context.profile === null ? undefined : quantifiedFactIn(context.profile, terms);
    const example =
      context.profile === null
        ? "e.g. 'lifted average order value by 8%' or 'cut markdown losses by $1.2M'"
        : fact === undefined
          ? 'but your profile states no result in those terms: if your work moved sales or cost (hours saved count), add that figure to the achievement in your profile; lede will not invent one'
          : `e.g. from your profile: 'I ${excerpt(resultExample(fact), 100)}'`;
    const first = mentions[0];
    const sentence = first === undefined ? null : spanAt(letter.sentences, first.start);
    return [
      {
        ruleId: 'retail-business-metric',
        severity: 'error',
        message: `Tie a model to money with its number: revenue, margin, basket size, markdowns, inventory or cost, ${example}.`,
        evidence: sentence === null ? null : quoteSpan(sentence),
        ...(context.profile !== null && fact === undefined ? { needsProfile: true } : {}),
      },
    ];
  },
};
