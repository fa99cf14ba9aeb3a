import type { Rule } from '../rule.js';
import { beyondModelingRule } from './beyond-modeling.js';
import { companyHookRule } from './company-hook.js';
import { financeExplainabilityRule } from './finance-explainability.js';
import { financeRegulatoryRule } from './finance-regulatory.js';
import { financeValidatedArchitectureRule } from './finance-validated-architecture.js';
import { groundedClaimsRule } from './grounded-claims.js';
import { honestGapsRule } from './honest-gaps.js';
import { namesToolsRule } from './names-tools.js';
import { noFalseExperienceRule } from './no-false-experience.js';
import { noFrameworkListRule } from './no-framework-list.js';
import { noInjectedContentRule } from './no-injected-content.js';
import { noPlaceholderRule } from './no-placeholder.js';
import { noStockOpenerRule } from './no-stock-opener.js';
import { opensWithOutcomeRule } from './opens-with-outcome.js';
import { retailBusinessMetricRule } from './retail-business-metric.js';
import { retailCrossTeamRule } from './retail-cross-team.js';
import { retailNoNoveltyRule } from './retail-no-novelty.js';
import { salutationSignoffRule } from './salutation-signoff.js';
import { techNotAcademicRule } from './tech-not-academic.js';
import { techProductionToolingRule } from './tech-production-tooling.js';
import { techVelocityRule } from './tech-velocity.js';
import { wordLimitRule } from './word-limit.js';

/** Every rule, in the order findings are reported. Ids are stable: never rename one. */
export const rules: readonly Rule[] = [
  noPlaceholderRule,
  noStockOpenerRule,
  opensWithOutcomeRule,
  namesToolsRule,
  companyHookRule,
  wordLimitRule,
  noFrameworkListRule,
  beyondModelingRule,
  groundedClaimsRule,
  salutationSignoffRule,
  techProductionToolingRule,
  techVelocityRule,
  techNotAcademicRule,
  financeExplainabilityRule,
  financeRegulatoryRule,
  financeValidatedArchitectureRule,
  retailBusinessMetricRule,
  retailCrossTeamRule,
  retailNoNoveltyRule,
  honestGapsRule,
  noFalseExperienceRule,
  noInjectedContentRule,
];
