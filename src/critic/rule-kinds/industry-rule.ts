import type { RuleDeclaration } from '../../playbooks/rule-declaration-schema.js';
import type { Rule } from '../rule.js';
import { avoidsRule } from './avoids.js';
import { capsShareRule } from './caps-share.js';
import { mentionsRule } from './mentions.js';
import { needsCompanionRule } from './needs-companion.js';
import { quantifiesRule } from './quantifies.js';

/** The rule a playbook declares, built from its kind; it applies to that playbook's industry only. */
export function industryRule(declaration: RuleDeclaration, industry: string): Rule {
  switch (declaration.kind) {
    case 'mentions':
      return mentionsRule(declaration, industry);
    case 'avoids':
      return avoidsRule(declaration, industry);
    case 'quantifies':
      return quantifiesRule(declaration, industry);
    case 'needs-companion':
      return needsCompanionRule(declaration, industry);
    case 'caps-share':
      return capsShareRule(declaration, industry);
  }
}
