import type { MentionsDeclaration } from '../../playbooks/rule-declaration-schema.js';
import { claimedInBody } from '../find-claims.js';
import type { Rule } from '../rule.js';
import { askForMissing } from './ask-for-missing.js';
import { declaredRule } from './declared-rule.js';

/** Passes when the body names one of a vocabulary's terms as the candidate's own ("I am new to SHAP" does not). */
export function mentionsRule(declaration: MentionsDeclaration, industry: string): Rule {
  return {
    ...declaredRule(declaration, industry),
    check(letter, context) {
      const terms = context.playbook.vocabulary[declaration.vocabulary] ?? [];
      if (terms.length === 0 || claimedInBody(letter, terms).length > 0) return [];
      return [askForMissing(declaration, terms, context, null)];
    },
  };
}
