import type { AvoidsDeclaration } from '../../playbooks/rule-declaration-schema.js';
import { findInBody } from '../../text/vocabulary-matcher.js';
import type { Rule } from '../rule.js';
import { quote } from '../spans.js';
import { declaredRule } from './declared-rule.js';
import { fillSlots } from './fill-slots.js';

/** Passes when the body uses none of a vocabulary's terms; each one found is a finding quoting it. */
export function avoidsRule(declaration: AvoidsDeclaration, industry: string): Rule {
  return {
    ...declaredRule(declaration, industry),
    check(letter, context) {
      const terms = context.playbook.vocabulary[declaration.vocabulary] ?? [];
      if (terms.length === 0) return [];
      return findInBody(letter, terms).map((match) => ({
        ruleId: declaration.id,
        severity: declaration.severity,
        message: fillSlots(declaration.message, { match: match.text }),
        evidence: quote(letter.text, match.start, match.end),
      }));
    },
  };
}
