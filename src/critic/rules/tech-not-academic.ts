import { findInBody } from '../../text/vocabulary-matcher.js';
import type { Span } from '../letter-anatomy.js';
import type { Rule } from '../rule.js';
import { quoteSpan, spanAt } from '../spans.js';

/** Share of the body's words in sentences about research and theory above which they take over the letter. */
const academicShare = 0.35;

export const techNotAcademicRule: Rule = {
  id: 'tech-not-academic',
  industries: ['tech'],
  severity: 'warning',
  requires: [],
  description:
    'Research and theory do not take over the letter: when two or more sentences use the tech playbook’s `academic` terms, they hold at most 35% of the body’s words.',
  why: 'A tech team wants to see what you shipped; a letter that reads like a thesis abstract suggests you have not.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline with real-time feature serving on Redis and TensorFlow Serving. My thesis on ranking fairness taught me to measure before I optimize.\n\nBest,\nPriya Raman',
      industry: 'tech',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nMy research focuses on the theory of ranking under uncertainty, and my thesis proved new regret bounds. I published two papers on it at a top conference.\n\nBest,\nPriya Raman',
      industry: 'tech',
    },
  },
  check(letter, context) {
    const terms = context.playbook.vocabulary.academic ?? [];
    if (terms.length === 0 || letter.wordCount === 0) return [];
    const sentences: Span[] = [];
    for (const match of findInBody(letter, terms)) {
      const sentence = spanAt(letter.sentences, match.start);
      if (sentence !== null && sentences[sentences.length - 1] !== sentence) sentences.push(sentence);
    }
    if (sentences.length < 2) return [];
    const words = sentences.reduce(
      (total, sentence) => total + (sentence.text.match(/\S+/g)?.length ?? 0),
      0,
    );
    if (words / letter.wordCount <= academicShare) return [];
    const first = sentences[0] as Span;
    return [
      {
        ruleId: 'tech-not-academic',
        severity: 'warning',
        message: `Cut the research and theory (${sentences.length} of ${letter.sentences.length} sentences) to one sentence, and use the space for something you shipped: what it did for users, with its number and the tools.`,
        evidence: quoteSpan(first),
      },
    ];
  },
};
