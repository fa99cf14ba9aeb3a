import type { CapsShareDeclaration } from '../../playbooks/rule-declaration-schema.js';
import { findInBody } from '../../text/vocabulary-matcher.js';
import type { Span } from '../letter-anatomy.js';
import type { Rule } from '../rule.js';
import { quoteSpan, spanAt } from '../spans.js';
import { declaredRule } from './declared-rule.js';
import { fillSlots } from './fill-slots.js';

/**
 * Passes unless `minSentences` or more sentences use a vocabulary's terms and hold more than `maxShare` of the
 * body's words. The finding quotes the first of them.
 */
export function capsShareRule(declaration: CapsShareDeclaration, industry: string): Rule {
  return {
    ...declaredRule(declaration, industry),
    check(letter, context) {
      const terms = context.playbook.vocabulary[declaration.vocabulary] ?? [];
      if (terms.length === 0 || letter.wordCount === 0) return [];
      const sentences: Span[] = [];
      for (const match of findInBody(letter, terms)) {
        const sentence = spanAt(letter.sentences, match.start);
        if (sentence !== null && sentences[sentences.length - 1] !== sentence) sentences.push(sentence);
      }
      if (sentences.length < declaration.minSentences) return [];
      const words = sentences.reduce(
        (total, sentence) => total + (sentence.text.match(/\S+/g)?.length ?? 0),
        0,
      );
      if (words / letter.wordCount <= declaration.maxShare) return [];
      const first = sentences[0] as Span;
      return [
        {
          ruleId: declaration.id,
          severity: declaration.severity,
          message: fillSlots(declaration.message, {
            sentences: String(sentences.length),
            total: String(letter.sentences.length),
          }),
          evidence: quoteSpan(first),
        },
      ];
    },
  };
}
