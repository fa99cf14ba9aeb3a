import { profileFacts } from '../../profile/profile-schema.js';
import { tokenize } from '../../text/tokenize.js';
import { termMatcher } from '../../text/vocabulary-matcher.js';
import { claimedInBody } from '../find-claims.js';
import type { Rule } from '../rule.js';
import { excerpt } from '../spans.js';

export const beyondModelingRule: Rule = {
  id: 'beyond-modeling',
  industries: 'all',
  severity: 'warning',
  requires: [],
  description:
    'The letter shows the non-modelling parts of the job: data pipelines, testing, deployment, monitoring or code review (common.yaml `beyondModeling`).',
  why: 'Most of an ML engineer’s week is data and software work; a letter only about algorithms suggests you have not done the job.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI raised 90-day retention by 6% at Streamline with a churn model I owned from Spark feature pipelines to Datadog monitoring.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI raised 90-day retention by 6% at Streamline with a gradient boosting churn model.\n\nBest,\nPriya Raman',
    },
  },
  repair: 'add-fact',
  check(letter, context) {
    const matcher = termMatcher(context.common.beyondModeling);
    if (claimedInBody(letter, context.common.beyondModeling).length > 0) return [];
    const fact =
      context.profile === null
        ? undefined
        : profileFacts(context.profile).find(
            (candidate) => matcher.find(candidate.did, tokenize(candidate.did)).length > 0,
          );
    const example =
      fact === undefined
        ? "e.g. 'I owned the feature pipeline, the tests and the monitoring after launch'"
        : `e.g. from your profile: '${excerpt(fact.did, 110)}'`;
    return [
      {
        ruleId: 'beyond-modeling',
        severity: 'warning',
        message: `Show the work around the model: a data pipeline, tests, deployment or monitoring you owned, ${example}.`,
        evidence: null,
      },
    ];
  },
};
