import { profileFacts } from '../../profile/profile-schema.js';
import { tokenize } from '../../text/tokenize.js';
import { termMatcher } from '../../text/vocabulary-matcher.js';
import { claimedInBody } from '../find-claims.js';
import type { Rule } from '../rule.js';
import { excerpt } from '../spans.js';

export const retailCrossTeamRule: Rule = {
  id: 'retail-cross-team',
  industries: ['retail'],
  severity: 'warning',
  requires: [],
  description:
    'Mentions work with non-technical teams (merchandising, operations, marketing, store or category teams: the retail playbook’s `nonTechnicalTeams`).',
  why: 'Retail models live or die with the merchants and store teams who use them; showing you worked with them is half the job.',
  examples: {
    pass: {
      letter:
        'Dear Hiring Manager,\n\nI worked with the operations and finance teams at Northwind Lending to forecast weekly demand, and cut overtime costs by 12%.\n\nBest,\nPriya Raman',
      industry: 'retail',
    },
    fail: {
      letter:
        'Dear Hiring Manager,\n\nI forecast weekly demand at Northwind Lending with Prophet and cut overtime costs by 12%.\n\nBest,\nPriya Raman',
      industry: 'retail',
    },
  },
  check(letter, context) {
    const terms = context.playbook.vocabulary.nonTechnicalTeams ?? [];
    if (terms.length === 0 || claimedInBody(letter, terms).length > 0) return [];
    const matcher = termMatcher(terms);
    const fact =
      context.profile === null
        ? undefined
        : profileFacts(context.profile).find(
            (candidate) => matcher.find(candidate.did, tokenize(candidate.did)).length > 0,
          );
    const example =
      fact === undefined
        ? "e.g. 'I worked with the merchandising team to set markdown rules'"
        : `e.g. from your profile: '${excerpt(fact.did, 100)}'`;
    return [
      {
        ruleId: 'retail-cross-team',
        severity: 'warning',
        message: `Say who outside engineering you worked with (merchandising, operations, marketing, store or category teams), ${example}.`,
        evidence: null,
      },
    ];
  },
};
