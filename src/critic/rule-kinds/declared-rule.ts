import type { RuleDeclaration } from '../../playbooks/rule-declaration-schema.js';
import type { Rule } from '../rule.js';

/** Everything a declared rule is besides its check: what the playbook says about it, for its industry only. */
export function declaredRule(declaration: RuleDeclaration, industry: string): Omit<Rule, 'check'> {
  return {
    id: declaration.id,
    industries: [industry],
    severity: declaration.severity,
    requires: [],
    description: declaration.description,
    why: declaration.why,
    examples: {
      pass: { letter: declaration.examples.pass, industry },
      fail: { letter: declaration.examples.fail, industry },
    },
    repair: declaration.repair,
  };
}
