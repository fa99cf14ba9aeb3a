import { beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/critic/rule.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  quoteOf,
  ruleById,
} from '../critic-fixture.js';

let fixture: CriticFixture;
let techNotAcademicRule: Rule;
beforeAll(async () => {
  fixture = await loadCriticFixture();
  techNotAcademicRule = ruleById(fixture, 'tech-not-academic');
});

const shipped =
  'At Streamline I cut inference latency by 40% for 2M+ users with Redis and TensorFlow Serving on Kubernetes.';

describe('tech-not-academic', () => {
  it('passes one sentence of research among shipped work', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      shipped,
      'My thesis on ranking fairness still shapes how I evaluate models.',
      'I also built the churn model from Spark pipelines to Datadog monitoring and raised retention by 6%.',
    ]);
    expect(checkRule(techNotAcademicRule, letter, contextFor(fixture, 'tech'))).toEqual([]);
  });

  it('warns when theory and research fill most of the letter', () => {
    const first =
      'My research focuses on the theory of ranking under uncertainty, where my thesis proved new regret bounds.';
    const letter = letterOf('Dear Dana Ortiz,', [
      first,
      'I published two papers on it at a top conference and reviewed for several journals in the field.',
      shipped,
    ]);
    expect(checkRule(techNotAcademicRule, letter, contextFor(fixture, 'tech'))).toEqual([
      {
        ruleId: 'tech-not-academic',
        severity: 'warning',
        message:
          'Cut the research and theory (2 of 3 sentences) to one sentence, and use the space for something you shipped: what it did for users, with its number and the tools.',
        evidence: quoteOf(letter, first),
      },
    ]);
  });
});
