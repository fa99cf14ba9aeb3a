import { isResultQuantity, quantitiesOf } from '../find-quantities.js';
import { firstSentence } from '../first-sentence.js';
import { profileIndex, resultExample } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { excerpt, quoteSpan } from '../spans.js';

export const opensWithOutcomeRule: Rule = {
  id: 'opens-with-outcome',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    'The first sentence after the greeting states a concrete, quantified result (a number, percentage, money, multiple or scale; not a year or years of experience). When the profile holds no quantified result at all, this is a warning asking for a metric.',
  why: 'A number in the first line is what makes a reader believe the rest; lede never invents one, so a profile without metrics is asked for one.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% for 2M+ users at Streamline by moving our recommender to real-time feature serving.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI have spent my career building recommendation systems that people enjoy using.\n\nBest,\nPriya Raman',
    },
  },
  family: {
    fails: [
      'In my 2nd year at Streamline I moved to the ranking team.',
      'Over the past 5 years I have built recommenders.',
      'With 10+ years of experience, I build machine learning systems.',
      'From 2011 to 2018 I worked on search at Streamline.',
      'Seven semesters of statistics taught me to distrust a single metric.',
      'I have used Office 365 and Llama 3 every day.',
      'Call me at (555) 123-4567 to talk about ranking.',
    ],
    passes: [
      'I cut inference latency by 40% for 2M+ users at Streamline.',
      'I cut the nightly scoring run from 6 hours to 40 minutes at Streamline.',
      'I saved Northwind Lending $1.2M a year by retiring a batch pipeline.',
    ],
  },
  repair: 'rewrite-opening',
  check(letter, context) {
    const sentence = firstSentence(letter);
    if (sentence !== null) {
      const quantified = quantitiesOf(letter).some(
        (quantity) =>
          quantity.start >= sentence.start && quantity.end <= sentence.end && isResultQuantity(quantity),
      );
      if (quantified) return [];
    }
    const evidence = sentence === null ? null : quoteSpan(sentence);
    if (context.profile !== null) {
      const fact = profileIndex(context.profile, context.common).quantifiedFacts[0];
      if (fact === undefined) {
        return [
          {
            ruleId: 'opens-with-outcome',
            severity: 'warning',
            message:
              "Your profile has no quantified result, so the letter cannot open with one. Add a metric to an achievement in your profile (e.g. metrics: ['cut review time by 30%']) and run lede again; lede never invents a number.",
            evidence,
            needsProfile: true,
          },
        ];
      }
      return [
        {
          ruleId: 'opens-with-outcome',
          severity: 'error',
          message: `Open with a quantified result from your profile, e.g. 'I ${excerpt(resultExample(fact), 110)}'.`,
          evidence,
        },
      ];
    }
    return [
      {
        ruleId: 'opens-with-outcome',
        severity: 'error',
        message:
          "Open with a concrete result and its number (a percentage, money, a multiple or a scale), e.g. 'I cut inference latency by 40% for 2M users'.",
        evidence,
      },
    ];
  },
};
