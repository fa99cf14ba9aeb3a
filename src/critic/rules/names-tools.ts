import { bodyMatches, termMatcher, toolMatcher } from '../../text/vocabulary-matcher.js';
import { isResultQuantity, quantitiesOf } from '../find-quantities.js';
import type { Span } from '../letter-anatomy.js';
import { profileIndex } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { excerpt, quoteSpan, spanAt } from '../spans.js';

export const namesToolsRule: Rule = {
  id: 'names-tools',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    "A tool or method is named in the same paragraph as a quantified result; with a profile, only the profile's tools, methods and skills count. When the profile holds no number at all, naming one of its tools anywhere is enough, and a miss is a warning.",
  why: 'A number without the how reads as a boast; naming the tool or method that produced it shows you can do it again.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving with Redis and TensorFlow Serving.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline and opened personalized feeds to 2M+ users.\n\nBest,\nPriya Raman',
    },
  },
  repair: 'rewrite-opening',
  check(letter, context) {
    const index = context.profile === null ? null : profileIndex(context.profile, context.common);
    const matchers =
      index === null
        ? [toolMatcher(context.common.tools), termMatcher(context.common.methods)]
        : [index.toolMatcher];
    // A profile without a single number cannot back a quantified result: ask only for a tool, as a warning.
    if (index !== null && index.quantifiedFacts.length === 0) {
      if (bodyMatches(letter, index.toolMatcher).length > 0) return [];
      const owned = index.tools.slice(0, 2).join(' or ');
      return [
        {
          ruleId: 'names-tools',
          severity: 'warning',
          message: `Name a tool or method from your profile${owned === '' ? '' : ` (such as ${owned})`} in the sentence about what you built, and add a metric to that achievement in your profile so the letter can state its result.`,
          evidence: null,
        },
      ];
    }
    const quantified: Span[] = [];
    for (const quantity of quantitiesOf(letter)) {
      if (!isResultQuantity(quantity)) continue;
      const paragraph = spanAt(letter.paragraphs, quantity.start);
      if (paragraph !== null && quantified[quantified.length - 1] !== paragraph) quantified.push(paragraph);
    }
    for (const paragraph of quantified) {
      const named = matchers.some((matcher) =>
        bodyMatches(letter, matcher).some(
          (match) => match.start >= paragraph.start && match.end <= paragraph.end,
        ),
      );
      if (named) return [];
    }
    const fact = index?.quantifiedFacts.find(
      (candidate) => candidate.tools.length + candidate.methods.length > 0,
    );
    const example =
      fact === undefined
        ? "e.g. 'by moving scoring to real-time feature serving with Redis'"
        : `e.g. from your profile: '${excerpt(fact.did, 90)}' with ${[...fact.tools, ...fact.methods].slice(0, 2).join(' and ')}`;
    const first = quantified[0];
    if (first === undefined) {
      return [
        {
          ruleId: 'names-tools',
          severity: 'error',
          message: `State a quantified result and, in the same paragraph, the tool or method that produced it, ${example}.`,
          evidence: null,
        },
      ];
    }
    return [
      {
        ruleId: 'names-tools',
        severity: 'error',
        message: `Name the tool or method behind this result in the same paragraph, ${example}.`,
        evidence: quoteSpan(first),
      },
    ];
  },
};
