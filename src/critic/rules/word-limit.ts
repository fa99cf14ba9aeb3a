import type { Rule } from '../rule.js';
import { quote } from '../spans.js';

// The same word shape letter-anatomy counts.
const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’.%$&+/-]*/gu;

export const wordLimitRule: Rule = {
  id: 'word-limit',
  anyLanguage: true,
  industries: 'all',
  severity: 'error',
  requires: [],
  description: 'The body (greeting to sign-off) has at most 250 words; `--max-words` changes the limit.',
  why: 'A letter longer than half a page gets skimmed, and the words past the limit are the ones nobody reads.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline with real-time feature serving on Redis.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter: `Dear Dana Ortiz,\n\n${'I cut inference latency by 40% at Streamline with real-time feature serving on Redis. '.repeat(18).trim()}\n\nBest,\nPriya Raman`,
      note: 'The same sentence 18 times: 252 words.',
    },
  },
  repair: 'trim',
  check(letter, context) {
    if (letter.wordCount <= context.maxWords) return [];
    let seen = 0;
    let overflowStart = letter.body.end;
    for (const match of letter.body.text.matchAll(wordPattern)) {
      seen++;
      if (seen === context.maxWords + 1) {
        overflowStart = letter.body.start + match.index;
        break;
      }
    }
    const extra = letter.wordCount - context.maxWords;
    return [
      {
        ruleId: 'word-limit',
        severity: 'error',
        message: `Cut ${extra} word${extra === 1 ? '' : 's'}: the body has ${letter.wordCount} words and the limit is ${context.maxWords}. Shorten the longest paragraph or drop the weakest example; everything quoted here is past the limit.`,
        evidence: quote(letter.text, overflowStart, letter.body.end),
      },
    ];
  },
};
