import { describe, expect, it } from 'vitest';
import { rankFactRelevance, sharedTerms } from '../../src/pipeline/fact-relevance.js';
import type { ProfileFact } from '../../src/profile/profile-schema.js';

function fact(id: string, did: string, extra: Partial<ProfileFact> = {}): ProfileFact {
  return { id, did, metrics: [], tools: [], methods: [], tags: [], ...extra } as ProfileFact;
}

const serving = fact(
  'realtime-serving',
  'moved the recommendation engine from nightly batch scoring to real-time serving',
  {
    result: 'cut inference latency by 40%',
    tools: ['Redis', 'Kubernetes'],
  },
);
const churn = fact('churn-model', 'built the churn prediction model with Spark feature pipelines', {
  result: 'raised retention by 6%',
  tools: ['Spark', 'MLflow'],
  methods: ['gradient boosting'],
});
const credit = fact(
  'credit-explainability',
  'rebuilt the credit model with SHAP reason codes for every decision',
  {
    tools: ['XGBoost', 'SHAP'],
    tags: ['explainability', 'model-risk'],
  },
);

describe('rankFactRelevance', () => {
  it('puts first the fact that shares the posting’s problem, and quotes the posting’s own words as the reason', () => {
    const ranked = rankFactRelevance([churn, credit, serving], {
      sentences: ['Project Relay will replace our nightly batch scoring with real-time inference.'],
      hookText: null,
      requiredTools: [],
    });
    expect(ranked.map((entry) => entry.factId)).toEqual([
      'realtime-serving',
      'churn-model',
      'credit-explainability',
    ]);
    expect(ranked[0]?.matched).toEqual(expect.arrayContaining(['nightly batch', 'batch scoring']));
    expect(ranked[0]?.matched.length).toBeLessThanOrEqual(4);
    expect(ranked[2]).toMatchObject({ score: 0, matched: [] });
  });

  it('matches word forms through the stemmer and counts a tool the posting asks for once, by its name', () => {
    const ranked = rankFactRelevance([serving, churn, credit], {
      sentences: ['You will explain credit decisions to regulators.'],
      hookText: null,
      requiredTools: ['XGBoost'],
    });
    expect(ranked[0]?.factId).toBe('credit-explainability');
    expect(ranked[0]?.matched).toContain('XGBoost');
    expect(ranked[0]?.matched.filter((word) => word.toLowerCase() === 'xgboost')).toHaveLength(1);
  });

  it('weighs the hook above a word said once elsewhere', () => {
    const query = { sentences: ['We use Spark and care about latency.'], requiredTools: [] };
    expect(rankFactRelevance([churn, serving], { ...query, hookText: null })[0]?.factId).toBe('churn-model');
    expect(
      rankFactRelevance([churn, serving], { ...query, hookText: 'the Recommendation Latency program' })[0]
        ?.factId,
    ).toBe('realtime-serving');
  });

  it('keeps profile order among facts the posting does not touch, and has nothing to rank in an empty profile', () => {
    const query = { sentences: ['Lorem ipsum dolor.'], hookText: null, requiredTools: [] };
    expect(rankFactRelevance([credit, churn], query).map((entry) => entry.factId)).toEqual([
      'credit-explainability',
      'churn-model',
    ]);
    expect(rankFactRelevance([], query)).toEqual([]);
  });
});

describe('sharedTerms', () => {
  const hook = 'Project Relay, from the posting: "Project Relay will replace our nightly batch scoring."';

  it('gives the passage’s own words that a fact also holds, for a sentence that ties the two together', () => {
    expect(sharedTerms([churn, credit, serving], serving, hook)).toContain('nightly batch');
  });

  it('gives nothing for a fact that shares no word with the passage, or for an empty passage', () => {
    expect(sharedTerms([churn, credit, serving], credit, hook)).toEqual([]);
    expect(sharedTerms([churn, credit, serving], serving, '')).toEqual([]);
  });
});
