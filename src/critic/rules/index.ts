import type { Playbook, PlaybookSet } from '../../playbooks/playbook-schema.js';
import { memoOn } from '../../text/memo.js';
import type { Rule } from '../rule.js';
import { industryRule } from '../rule-kinds/industry-rule.js';
import { beyondModelingRule } from './beyond-modeling.js';
import { companyHookRule } from './company-hook.js';
import { groundedClaimsRule } from './grounded-claims.js';
import { groundedCredentialsRule } from './grounded-credentials.js';
import { honestGapsRule } from './honest-gaps.js';
import { namesToolsRule } from './names-tools.js';
import { noClichesRule } from './no-cliches.js';
import { noFalseExperienceRule } from './no-false-experience.js';
import { noFrameworkListRule } from './no-framework-list.js';
import { noInjectedContentRule } from './no-injected-content.js';
import { noModelSelfTalkRule } from './no-model-self-talk.js';
import { noPlaceholderRule } from './no-placeholder.js';
import { noStockOpenerRule } from './no-stock-opener.js';
import { opensWithOutcomeRule } from './opens-with-outcome.js';
import { plausibleCompanyRule } from './plausible-company.js';
import { salutationSignoffRule } from './salutation-signoff.js';
import { wordLimitRule } from './word-limit.js';

/** The rules of a letter's craft, every industry's: reported first. */
const craftRules: readonly Rule[] = [
  noModelSelfTalkRule,
  noPlaceholderRule,
  plausibleCompanyRule,
  noStockOpenerRule,
  opensWithOutcomeRule,
  namesToolsRule,
  companyHookRule,
  wordLimitRule,
  noFrameworkListRule,
  beyondModelingRule,
  groundedClaimsRule,
  groundedCredentialsRule,
  salutationSignoffRule,
  noClichesRule,
];

/** The rules of honesty and safety, every industry's: reported after the industry's own. */
const honestyRules: readonly Rule[] = [honestGapsRule, noFalseExperienceRule, noInjectedContentRule];

const industryRulesKey = Symbol('industry rules');
const rulesKey = Symbol('rules');

/** The rules a playbook declares, built once per playbook object. */
function industryRules(playbook: Playbook): readonly Rule[] {
  return memoOn(playbook, industryRulesKey, () =>
    playbook.rules.map((declaration) => industryRule(declaration, playbook.industry)),
  );
}

/**
 * The rules that apply under a playbook, in the order findings are reported: the craft rules, the playbook's own
 * rules (declared in its YAML), then the honesty rules. Ids are stable: never rename one.
 */
export function rulesFor(playbook: Playbook): readonly Rule[] {
  return memoOn(playbook, rulesKey, () => [...craftRules, ...industryRules(playbook), ...honestyRules]);
}

/** Every rule of a playbook set: the rules in code and each playbook's own. For docs/rules.md and the tests. */
export function ruleRegistry(playbooks: PlaybookSet): readonly Rule[] {
  return [...craftRules, ...[...playbooks.playbooks.values()].flatMap(industryRules), ...honestyRules];
}
