import { profileFacts } from '../../profile/profile-schema.js';
import { aboutTheCompany } from '../../text/tokenize.js';
import { findInBody } from '../../text/vocabulary-matcher.js';
import { clauseAt, isNotAClaim, mentionsMachineLearning } from '../find-claims.js';
import type { Finding } from '../finding.js';
import { companyNames } from '../posting-index.js';
import { profileIndex } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { excerpt, quote, spanAt } from '../spans.js';

export const noFalseExperienceRule: Rule = {
  id: 'no-false-experience',
  industries: 'all',
  severity: 'error',
  requires: ['profile'],
  levels: ['early-career', 'career-changer'],
  description:
    'For early-career and career-changer profiles: no claim of production ML experience (common.yaml `productionClaims` in a clause about models or ML) unless a profile fact that ran in production was ML work. Production software experience may be claimed.',
  why: 'A claim of production ML you have not done falls apart in the first technical interview; a project you really built, carefully evaluated, is worth more.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI shipped payment services to production for five years, and my capstone model cut false alarms by 30% on a held-out set.\n\nBest,\nSam Okafor',
      note: 'written by a career changer, Sam Okafor, whose production work is backend software',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI have deployed machine learning models to production that served millions of users.\n\nBest,\nSam Okafor',
      note: 'written by a career changer, Sam Okafor, whose production work is backend software',
    },
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const profile = context.profile;
    if (profile === null) return [];
    if (profileIndex(profile, context.common).hasProductionMachineLearning) return [];
    const claims = context.common.productionClaims;
    const findings: Finding[] = [];
    const reported = new Set<unknown>();
    const project = profileFacts(profile).find(
      (fact) => !fact.production && mentionsMachineLearning(fact.did),
    );
    const instead =
      project === undefined
        ? 'what you did build and how you evaluated it'
        : `what you did build, e.g. '${excerpt(project.did, 90)}', and how you evaluated it`;
    for (const match of findInBody(letter, claims)) {
      const sentence = spanAt(letter.sentences, match.start);
      if (sentence === null || reported.has(sentence)) continue;
      // Production software work is not production ML: the claim's own clause must be about models.
      const clause = clauseAt(letter, match.start);
      const machineLearning =
        mentionsMachineLearning(match.text) || mentionsMachineLearning(clause?.text ?? '');
      if (!machineLearning || isNotAClaim(letter, match.start)) continue;
      // "Acme's research-to-production platform", "your models in production": the company's work, not a claim.
      if (clause !== null && aboutTheCompany(letter, clause, companyNames(context.analysis))) continue;
      reported.add(sentence);
      findings.push({
        ruleId: 'no-false-experience',
        severity: 'error',
        message: `Remove the claim '${match.text}': your profile has no production ML work. Describe ${instead}.`,
        evidence: quote(letter.text, match.start, match.end),
      });
    }
    return findings;
  },
};
