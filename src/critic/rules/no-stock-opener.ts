import { memoOn } from '../../text/memo.js';
import { escapeRegExp } from '../../text/vocabulary-matcher.js';
import { firstSentence } from '../first-sentence.js';
import { profileIndex, resultExample } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { excerpt, quote } from '../spans.js';

const openerPatternKey = Symbol('stock-opener-pattern');

// "I am writing to express my interest" also catches "I'm writing to formally express my strong interest":
// "I am" and "I'm" are one, curly apostrophes are straight, and one extra word may sit in each gap. Compiled once per
// list of openers, and kept on the list itself.
function openerPattern(openers: readonly string[]): RegExp {
  return memoOn(openers, openerPatternKey, () => {
    const alternatives = openers.map((opener) =>
      opener
        .toLowerCase()
        .replace(/’/g, "'")
        .trim()
        .split(/\s+/)
        .map((word) => (word === "i'm" ? "i(?:'|’| a)m" : escapeRegExp(word).replace(/'/g, "['’]")))
        .join("\\s+(?:[A-Za-zÀ-ÿ'’-]+\\s+)?"),
    );
    // ASCII-only classes and no u flag: this runs on every letter.
    return new RegExp(`^(?:${alternatives.join('|')})(?![A-Za-zÀ-ÿ])`, 'i');
  });
}

export const noStockOpenerRule: Rule = {
  id: 'no-stock-opener',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    'The first sentence after the greeting is not a stock opener ("I am writing to express my interest", "Please accept", "My name is", ...).',
  why: 'Every other letter in the pile opens the same way; the first line is the one place a reader decides to keep going.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving our recommender to real-time feature serving.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI am writing to express my interest in the Machine Learning Engineer role at Fernway.\n\nBest,\nPriya Raman',
    },
  },
  repair: 'rewrite-opening',
  check(letter, context) {
    const sentence = firstSentence(letter);
    if (sentence === null) return [];
    const match = openerPattern(context.common.stockOpeners).exec(sentence.text);
    if (match === null) return [];
    const fact =
      context.profile === null ? undefined : profileIndex(context.profile, context.common).quantifiedFacts[0];
    const instead =
      fact === undefined
        ? 'your strongest concrete result, with its number'
        : `your strongest result, e.g. 'I ${excerpt(resultExample(fact), 100)}'`;
    return [
      {
        ruleId: 'no-stock-opener',
        severity: 'error',
        message: `Delete the stock opener '${match[0]}' and open with ${instead}.`,
        evidence: quote(letter.text, sentence.start, sentence.start + match[0].length),
      },
    ];
  },
};
