import type { Critique, Finding, SkippedRule } from './finding.js';
import { analyzeLetter } from './letter-anatomy.js';
import type { CriticContext, Rule } from './rule.js';
import { rulesFor } from './rules/index.js';

function appliesToIndustry(rule: Rule, industry: string): boolean {
  return rule.industries === 'all' || rule.industries.includes(industry);
}

/**
 * Runs every rule that applies to the context's industry (by default the rules in code and the playbook's own) and
 * reports findings, skipped rules and the verdict.
 * Pure and deterministic: the same letter and context always give the same critique.
 */
export function critiqueLetter(
  letter: string,
  context: CriticContext,
  rules: readonly Rule[] = rulesFor(context.playbook),
): Critique {
  const anatomy = analyzeLetter(letter, context.common);
  const findings: Finding[] = [];
  const skipped: SkippedRule[] = [];
  const checked: string[] = [];
  for (const rule of rules) {
    if (!appliesToIndustry(rule, context.industry)) continue;
    if (context.language !== undefined && rule.anyLanguage !== true) {
      skipped.push({ ruleId: rule.id, reason: `reads English only; the letter is in ${context.language}` });
      continue;
    }
    if (rule.requires.includes('posting') && context.posting === null) {
      skipped.push({ ruleId: rule.id, reason: 'needs the posting (pass --posting)' });
      continue;
    }
    if (rule.requires.includes('profile') && context.profile === null) {
      skipped.push({ ruleId: rule.id, reason: 'needs the profile (pass --profile)' });
      continue;
    }
    if (rule.levels !== undefined) {
      if (context.profile === null) {
        skipped.push({ ruleId: rule.id, reason: 'needs the profile (pass --profile)' });
        continue;
      }
      if (!rule.levels.includes(context.profile.level)) continue;
    }
    checked.push(rule.id);
    findings.push(...rule.check(anatomy, context));
  }
  return {
    passed: !findings.some((finding) => finding.severity === 'error'),
    industry: context.industry,
    findings,
    skipped,
    checked,
  };
}

/** Errors first, then warnings; the fewer the better. Used to pick the best of several attempts. */
export function critiqueScore(critique: Critique): [errors: number, warnings: number] {
  let errors = 0;
  let warnings = 0;
  for (const finding of critique.findings) {
    if (finding.severity === 'error') errors++;
    else warnings++;
  }
  return [errors, warnings];
}
