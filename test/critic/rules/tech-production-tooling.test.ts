import { beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/critic/rule.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  ruleById,
} from '../critic-fixture.js';

let fixture: CriticFixture;
let techProductionToolingRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  techProductionToolingRule = ruleById(fixture, 'tech-production-tooling');
});

describe('tech-production-tooling', () => {
  it.each([
    'I served the model with TensorFlow Serving.',
    'Retraining ran nightly in Airflow and every run was tracked in MLflow.',
    'Features came from a feature store we built on Redis.',
  ])('passes when production tooling is named: "%s"', (sentence) => {
    const letter = letterOf('Dear Dana Ortiz,', [sentence]);
    expect(checkRule(techProductionToolingRule, letter, contextFor(fixture, 'tech'))).toEqual([]);
  });

  it('is not met by tools the letter says the candidate has not used', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I rewrote the recommender in PyTorch and cut latency by 40%.',
      'I am new to Kafka and Flink, and ready to pick them up quickly.',
    ]);
    expect(
      checkRule(techProductionToolingRule, letter, contextFor(fixture, 'tech')).map(
        (finding) => finding.ruleId,
      ),
    ).toEqual(['tech-production-tooling']);
  });

  it('does not take the verb "spark" for Apache Spark', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['Ranking work can spark real growth.']);
    expect(
      checkRule(techProductionToolingRule, letter, contextFor(fixture, 'tech', { profile: null })),
    ).toEqual([
      {
        ruleId: 'tech-production-tooling',
        severity: 'error',
        message:
          'Name the production tooling that carried your model to users (e.g. Kubernetes, MLflow, Airflow, a feature store or a model server) in the sentence about how it shipped.',
        evidence: null,
      },
    ]);
  });

  it('suggests the production tools the profile holds', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I rewrote the recommender in PyTorch and cut latency by 40%.',
    ]);
    expect(checkRule(techProductionToolingRule, letter, contextFor(fixture, 'tech'))).toEqual([
      {
        ruleId: 'tech-production-tooling',
        severity: 'error',
        message:
          'Name the production tooling that carried your model to users (e.g. Kubernetes, Docker, MLflow from your profile) in the sentence about how it shipped.',
        evidence: null,
      },
    ]);
  });

  it('tells a candidate whose profile holds no production tooling to add it there, not to claim it', () => {
    const letter = letterOf(
      'Dear Dana Ortiz,',
      ['I trained a bird song classifier with PyTorch.'],
      'Best,\nAlex Moreno',
    );
    expect(
      checkRule(
        techProductionToolingRule,
        letter,
        contextFor(fixture, 'tech', { profile: fixture.noMetrics }),
      ),
    ).toEqual([
      {
        ruleId: 'tech-production-tooling',
        severity: 'error',
        message:
          'Name the production tooling that carried your work to users (orchestration, experiment tracking, schedulers, feature stores, model serving). Your profile lists none: if you have used any, add it to an achievement’s tools in your profile; lede will not claim it for you.',
        evidence: null,
        needsProfile: true,
      },
    ]);
  });
});
