import { findInBody } from '../../text/vocabulary-matcher.js';
import type { Finding } from '../finding.js';
import type { Span } from '../letter-anatomy.js';
import type { Rule } from '../rule.js';
import { quote, spanAt } from '../spans.js';

// "replacing a black-box deep learning model with ..." argues against the architecture rather than pitching it.
const turnedAway =
  /\b(?:replac(?:e|ed|ing)|instead of|rather than|away from|retir(?:e|ed|ing)|swapped out|phased out|over a)\b/iu;

export const financeValidatedArchitectureRule: Rule = {
  id: 'finance-validated-architecture',
  industries: ['finance'],
  severity: 'error',
  requires: [],
  description:
    'Any experimental architecture it pitches (deep learning, transformers, LLMs: the finance playbook’s `experimentalArchitecture`) comes, in the same paragraph, with how it was validated, audited or monitored (`validation`). Replacing one ("replacing a deep learning model with ...") is not pitching it.',
  why: 'To a bank a new architecture is a risk until someone shows how it was checked; the validation is what gets it approved.',
  examples: {
    pass: {
      letter:
        'Dear Hiring Manager,\n\nAt Northwind Lending I tested a transformer for transaction fraud, validated it out-of-time against the gradient boosting champion, and monitored it for drift.\n\nBest,\nPriya Raman',
      industry: 'finance',
    },
    fail: {
      letter:
        'Dear Hiring Manager,\n\nI am excited to bring large language models and deep learning to your underwriting decisions.\n\nBest,\nPriya Raman',
      industry: 'finance',
    },
  },
  check(letter, context) {
    const architectures = context.playbook.vocabulary.experimentalArchitecture ?? [];
    const validation = context.playbook.vocabulary.validation ?? [];
    if (architectures.length === 0) return [];
    const validated = new Set<Span | null>(
      findInBody(letter, validation).map((match) => spanAt(letter.paragraphs, match.start)),
    );
    const findings: Finding[] = [];
    const reported = new Set<Span | null>();
    for (const match of findInBody(letter, architectures)) {
      const paragraph = spanAt(letter.paragraphs, match.start);
      if (validated.has(paragraph) || reported.has(paragraph)) continue;
      const sentence = spanAt(letter.sentences, match.start);
      const before = sentence === null ? '' : letter.text.slice(sentence.start, match.start);
      if (turnedAway.test(before)) continue;
      reported.add(paragraph);
      findings.push({
        ruleId: 'finance-validated-architecture',
        severity: 'error',
        message: `Say how the ${match.text} work was validated, audited or monitored (e.g. 'validated out-of-time against the champion model and monitored for drift'), in the same paragraph, or leave it out.`,
        evidence: quote(letter.text, match.start, match.end),
      });
    }
    return findings;
  },
};
