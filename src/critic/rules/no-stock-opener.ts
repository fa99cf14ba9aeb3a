import type { CommonVocabulary } from '../../playbooks/playbook-schema.js';
import { memoOn } from '../../text/memo.js';
import { escapeRegExp } from '../../text/vocabulary-matcher.js';
import { firstSentence } from '../first-sentence.js';
import { profileIndex, resultExample } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { excerpt, quote } from '../spans.js';
import { matchOpenerFamily } from '../stock-opener-family.js';

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

/** The stock phrases as written, then the family by structure (templates/common.yaml holds both). */
function openerSpan(sentence: string, common: CommonVocabulary): { start: number; end: number } | null {
  const phrase = openerPattern(common.stockOpeners).exec(sentence);
  if (phrase !== null) return { start: 0, end: phrase[0].length };
  return common.openerFamily === undefined ? null : matchOpenerFamily(sentence, common.openerFamily);
}

export const noStockOpenerRule: Rule = {
  id: 'no-stock-opener',
  industries: 'all',
  severity: 'error',
  requires: [],
  description:
    'The first sentence of the body (after the greeting and any header, subject or "Re:" lines) is not a stock opener: its main clause, after any lead-in such as "As a data engineer,", is not about the writer\'s feelings, wish or application ("I am thrilled to express my keen interest", "I would like to apply"), the letter itself ("With this letter ..."), a self-introduction ("My name is", "I am Priya, a ...") or a pleasantry ("I hope this letter finds you well"), and it does not make the writer\'s interest its point ("... is very appealing to me"). The phrases and word lists live in templates/common.yaml.',
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
  family: {
    fails: [
      'I am interested in applying for the Machine Learning Engineer role.',
      'With this letter I would like to express my interest in the role.',
      'I am writing to show my keen interest in the position.',
      'I was pleased to learn of the opening on your ranking team.',
      'I am submitting my resume for the analyst opening.',
      'When I learned of the opening, I felt compelled to apply.',
      'I am writing this letter to express my strong interest in the role.',
      "I'm excited about the opportunity to apply.",
      'I am thrilled to express my keen interest in the Data Engineer role.',
      'I hope you are doing well.',
      'As a skilled and experienced data engineer, I am writing to express my interest.',
      'I believe I am one of the best candidates for this position.',
      'The Data Engineer position at Fernway resonates strongly with my background.',
      'It was so nice to meet you on Wednesday.',
      'Re: Machine Learning Engineer\n\nI am writing to apply for the role.',
    ],
    passes: [
      'I cut inference latency by 40% at Streamline by moving scoring to real-time feature serving.',
      'Last spring our fraud model flagged 10,000 good transactions in a night, and I rebuilt its features that week.',
      'Maria Chen, who leads your ranking team, suggested I write to you about the search rebuild.',
      'Re: Machine Learning Engineer\n\nI cut inference latency by 40% at Streamline.',
    ],
  },
  repair: 'rewrite-opening',
  check(letter, context) {
    const sentence = firstSentence(letter);
    if (sentence === null) return [];
    const span = openerSpan(sentence.text, context.common);
    if (span === null) return [];
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
        message: `Delete the stock opener '${sentence.text.slice(span.start, span.end)}' and open with ${instead}.`,
        evidence: quote(letter.text, sentence.start + span.start, sentence.start + span.end),
      },
    ];
  },
};
