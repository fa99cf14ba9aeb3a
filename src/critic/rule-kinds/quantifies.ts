import type { QuantifiesDeclaration } from '../../playbooks/rule-declaration-schema.js';
import { aboutTheCompany } from '../../text/tokenize.js';
import { findInBody } from '../../text/vocabulary-matcher.js';
import { isResultQuantity, quantitiesOf } from '../find-quantities.js';
import { companyNames } from '../posting-index.js';
import type { Rule } from '../rule.js';
import { quoteSpan, spanAt } from '../spans.js';
import { askForMissing } from './ask-for-missing.js';
import { declaredRule } from './declared-rule.js';

/** Passes when one sentence holds both a result with a number and one of a vocabulary's terms. */
export function quantifiesRule(declaration: QuantifiesDeclaration, industry: string): Rule {
  return {
    ...declaredRule(declaration, industry),
    check(letter, context) {
      const terms = context.playbook.vocabulary[declaration.vocabulary] ?? [];
      if (terms.length === 0) return [];
      const mentions = findInBody(letter, terms);
      const quantities = quantitiesOf(letter).filter(isResultQuantity);
      for (const mention of mentions) {
        const sentence = spanAt(letter.sentences, mention.start);
        if (
          sentence !== null &&
          quantities.some((quantity) => spanAt(letter.sentences, quantity.start) === sentence)
        )
          return [];
      }
      // The sentence the finding is about: the writer's first result, which is to be tied to the terms; failing
      // that, the first sentence that names a term without a number. Never a sentence about the company.
      const companies = companyNames(context.analysis);
      const result = quantities
        .map((quantity) => spanAt(letter.sentences, quantity.start))
        .find((sentence) => sentence !== null && !aboutTheCompany(letter, sentence, companies));
      const bare = mentions
        .map((mention) => spanAt(letter.sentences, mention.start))
        .find((sentence) => sentence !== null && !aboutTheCompany(letter, sentence, companies));
      const sentence = declaration.evidence === 'none' ? null : (result ?? bare ?? null);
      return [askForMissing(declaration, terms, context, sentence === null ? null : quoteSpan(sentence))];
    },
  };
}
