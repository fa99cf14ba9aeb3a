import type { NeedsCompanionDeclaration } from '../../playbooks/rule-declaration-schema.js';
import { findInBody } from '../../text/vocabulary-matcher.js';
import type { Finding } from '../finding.js';
import type { Span } from '../letter-anatomy.js';
import type { Rule } from '../rule.js';
import { quote, spanAt } from '../spans.js';
import { declaredRule } from './declared-rule.js';
import { fillSlots } from './fill-slots.js';

// "replacing a black-box deep learning model with ..." argues against the term rather than pitching it.
const turnedAway =
  /\b(?:replac(?:e|ed|ing)|instead of|rather than|away from|retir(?:e|ed|ing)|swapped out|phased out|over a)\b/iu;

/**
 * Passes when every paragraph that pitches a term of `vocabulary` also holds a term of `companion`. One finding per
 * paragraph, quoting the first term pitched there.
 */
export function needsCompanionRule(declaration: NeedsCompanionDeclaration, industry: string): Rule {
  return {
    ...declaredRule(declaration, industry),
    check(letter, context) {
      const terms = context.playbook.vocabulary[declaration.vocabulary] ?? [];
      const companions = context.playbook.vocabulary[declaration.companion] ?? [];
      if (terms.length === 0) return [];
      const accompanied = new Set<Span | null>(
        findInBody(letter, companions).map((match) => spanAt(letter.paragraphs, match.start)),
      );
      const findings: Finding[] = [];
      const reported = new Set<Span | null>();
      for (const match of findInBody(letter, terms)) {
        const paragraph = spanAt(letter.paragraphs, match.start);
        if (accompanied.has(paragraph) || reported.has(paragraph)) continue;
        const sentence = spanAt(letter.sentences, match.start);
        const before = sentence === null ? '' : letter.text.slice(sentence.start, match.start);
        if (turnedAway.test(before)) continue;
        reported.add(paragraph);
        findings.push({
          ruleId: declaration.id,
          severity: declaration.severity,
          message: fillSlots(declaration.message, { match: match.text }),
          evidence: quote(letter.text, match.start, match.end),
        });
      }
      return findings;
    },
  };
}
