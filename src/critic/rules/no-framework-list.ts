import { bodyMatches, type TermMatch, toolMatcher } from '../../text/vocabulary-matcher.js';
import { isResultQuantity, quantitiesOf } from '../find-quantities.js';
import type { Finding } from '../finding.js';
import { profileIndex } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { quote, spanAt } from '../spans.js';

// What may sit between two names of a list: commas, slashes, "and", "or", "as well as".
const listGap = /^[\s,;/&]*(?:(?:and|or|as well as|plus|&)[\s,]*)?$/iu;

export const noFrameworkListRule: Rule = {
  id: 'no-framework-list',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    'No run of three or more tool, framework or library names strung together without what was done with them: a run of four or more always fails, a run of three fails unless its sentence states a quantified result.',
  why: 'A row of library names belongs on a resume; one tool and the problem it solved shows how you work.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving with Redis and TensorFlow Serving.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline. I am fluent in Keras, JAX, XGBoost and LightGBM.\n\nBest,\nPriya Raman',
    },
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const matches = bodyMatches(letter, toolMatcher(context.common.tools));
    const runs: TermMatch[][] = [];
    let run: TermMatch[] = [];
    for (const match of matches) {
      const previous = run[run.length - 1];
      if (previous !== undefined && listGap.test(letter.text.slice(previous.end, match.start)))
        run.push(match);
      else {
        if (run.length >= 3) runs.push(run);
        run = [match];
      }
    }
    if (run.length >= 3) runs.push(run);
    const findings: Finding[] = [];
    const quantities = quantitiesOf(letter).filter(isResultQuantity);
    const index = context.profile === null ? null : profileIndex(context.profile, context.common);
    for (const list of runs) {
      const first = list[0] as TermMatch;
      const last = list[list.length - 1] as TermMatch;
      const sentence = spanAt(letter.sentences, first.start);
      const hasResult =
        sentence !== null &&
        quantities.some((quantity) => quantity.start >= sentence.start && quantity.end <= sentence.end);
      if (list.length === 3 && hasResult) continue;
      const owned = index === null ? [] : list.filter((match) => index.knownTools.has(match.term));
      const pick = (owned[0] ?? first).term;
      findings.push({
        ruleId: 'no-framework-list',
        severity: 'error',
        message: `Replace the list '${letter.text.slice(first.start, last.end)}' with one tool and what you did with it, e.g. 'I built ... with ${pick}, which cut ...'.`,
        evidence: quote(letter.text, first.start, last.end),
      });
    }
    return findings;
  },
};
