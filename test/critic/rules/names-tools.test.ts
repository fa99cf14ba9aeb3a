import { beforeAll, describe, expect, it } from 'vitest';
import { namesToolsRule } from '../../../src/critic/rules/names-tools.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  letterOf,
  loadCriticFixture,
  quoteOf,
} from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const profileExample =
  "e.g. from your profile: 'moved the recommendation engine from nightly batch scoring to real-time feature serving' with Redis and TensorFlow Serving";

describe('names-tools', () => {
  it('passes when a profile tool sits in the same paragraph as the result', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I cut inference latency by 40% at Streamline.\nThe serving layer ran on Redis.',
    ]);
    expect(checkRule(namesToolsRule, letter, contextFor(fixture, 'tech'))).toEqual([]);
  });

  it('counts a method from the profile as well as a tool', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I raised 90-day retention by 6% with gradient boosting.']);
    expect(checkRule(namesToolsRule, letter, contextFor(fixture, 'tech'))).toEqual([]);
  });

  it('fails when the tools are in another paragraph than the result', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I cut inference latency by 40% at Streamline.',
      'I like Redis and TensorFlow Serving.',
    ]);
    expect(checkRule(namesToolsRule, letter, contextFor(fixture, 'tech'))).toEqual([
      {
        ruleId: 'names-tools',
        severity: 'error',
        message: `Name the tool or method behind this result in the same paragraph, ${profileExample}.`,
        evidence: quoteOf(letter, 'I cut inference latency by 40% at Streamline.'),
      },
    ]);
  });

  it('with a profile, does not count a tool the profile does not hold', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I cut inference latency by 40% with Kubeflow.']);
    expect(checkRule(namesToolsRule, letter, contextFor(fixture, 'tech'))).toEqual([
      expect.objectContaining({
        ruleId: 'names-tools',
        evidence: quoteOf(letter, 'I cut inference latency by 40% with Kubeflow.'),
      }),
    ]);
    expect(checkRule(namesToolsRule, letter, contextFor(fixture, 'tech', { profile: null }))).toEqual([]);
  });

  it('asks for a result and its tool when the letter has no number at all', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I build recommenders with Redis.']);
    expect(checkRule(namesToolsRule, letter, contextFor(fixture, 'tech', { profile: null }))).toEqual([
      {
        ruleId: 'names-tools',
        severity: 'error',
        message:
          "State a quantified result and, in the same paragraph, the tool or method that produced it, e.g. 'by moving scoring to real-time feature serving with Redis'.",
        evidence: null,
      },
    ]);
  });

  it('for a profile without a single number, asks only for one of its tools, as a warning', () => {
    const context = contextFor(fixture, 'tech', { profile: fixture.noMetrics });
    const named = letterOf(
      'Dear Dana Ortiz,',
      ['I trained a bird song classifier with PyTorch.'],
      'Best,\nAlex Moreno',
    );
    expect(checkRule(namesToolsRule, named, context)).toEqual([]);
    const unnamed = letterOf('Dear Dana Ortiz,', ['I trained a bird song classifier.'], 'Best,\nAlex Moreno');
    expect(checkRule(namesToolsRule, unnamed, context)).toEqual([
      {
        ruleId: 'names-tools',
        severity: 'warning',
        message:
          'Name a tool or method from your profile (such as PyTorch or transfer learning) in the sentence about what you built, and add a metric to that achievement in your profile so the letter can state its result.',
        evidence: null,
      },
    ]);
  });
});
