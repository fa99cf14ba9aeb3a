import type { CommonVocabulary } from '../../playbooks/playbook-schema.js';
import { memoWeak } from '../../text/memo.js';
import { findInBody } from '../../text/vocabulary-matcher.js';
import type { Finding } from '../finding.js';
import type { Rule } from '../rule.js';
import { quote } from '../spans.js';

type Cliches = CommonVocabulary['cliches'];

/** The phrases of the list, and what to show instead of each, built once per list. */
const phrasesOf = memoWeak((cliches: Cliches) => ({
  phrases: cliches.map((cliche) => cliche.phrase),
  instead: new Map(cliches.map((cliche) => [cliche.phrase, cliche.instead])),
}));

export const noClichesRule: Rule = {
  id: 'no-cliches',
  industries: 'all',
  severity: 'warning',
  requires: [],
  description:
    'The body uses none of the stock phrases that claim a quality instead of showing it ("passionate and results-driven", "fast learner", "team player", "proven track record", "proficient in", "Thank you for your time and consideration"). The list, with what to show instead of each, lives in templates/common.yaml (cliches); one warning per phrase.',
  why: 'Every reader has seen these words in hundreds of letters and skips them; the evidence they stand in for is what gets read.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving with Redis, and I owned its monitoring after launch.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI am a passionate and results-driven team player, proficient in TensorFlow, PyTorch, scikit-learn and Keras.\n\nThank you for your time and consideration.\n\nBest,\nPriya Raman',
      note: "the guide's common mistakes: claims of passion and fit with no result, and a framework list with no story",
    },
  },
  family: {
    fails: [
      'I am a passionate and results-driven engineer.',
      'I am a fast learner and a team player.',
      'I have a proven track record in machine learning.',
      'I am proficient in TensorFlow.',
      'Thank you for your time and consideration.',
    ],
    passes: [
      'I cut inference latency by 40% at Streamline with Redis, and I reviewed every change to the ranking service.',
      'I learned Rust in a month to rewrite our feature server, which halved its p99 latency.',
    ],
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const { phrases, instead } = phrasesOf(context.common.cliches);
    if (phrases.length === 0) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    let covered = -1;
    for (const match of findInBody(letter, phrases)) {
      // "passionate and results-driven" is one cliché, not also "results-driven".
      if (seen.has(match.term) || match.start < covered) continue;
      seen.add(match.term);
      covered = match.end;
      findings.push({
        ruleId: 'no-cliches',
        severity: 'warning',
        message: `Replace '${match.text}' with ${instead.get(match.term) ?? 'the evidence it stands for'}.`,
        evidence: quote(letter.text, match.start, match.end),
      });
    }
    return findings;
  },
};
