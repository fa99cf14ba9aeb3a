import { beforeAll, describe, expect, it } from 'vitest';
import { groundedClaimsRule } from '../../../src/critic/rules/grounded-claims.js';
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

const check = (letter: string, industry = 'tech') =>
  checkRule(groundedClaimsRule, letter, contextFor(fixture, industry));
const figures = '(40%, 2M+ users, 6%, 0.71)';

describe('grounded-claims', () => {
  it('passes numbers, employers and tools written as the profile has them, in other spellings too', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'At Streamline, I cut inference latency by 40 percent for 2 million users with Redis and TF Serving on k8s.',
      'At Northwind Lending I lifted AUC from 0.71 to 0.78, passed two model risk audits and cut overtime costs by 12%.',
      'I studied at the University of Washington until 2017 and track experiments in W&B.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('allows the company and facts quoted from the posting', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'Fernway serves 30 million home cooks, and I would love to work at Fernway on your Kubeflow pipelines.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('allows a regulation whose name holds a number', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'My credit model passed SR 11-7 review at Northwind Lending.',
    ]);
    expect(check(letter, 'finance')).toEqual([]);
  });

  it('does not count a tool the letter says the candidate has not used', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      "I haven't used Kubeflow in production, but I run our training pipelines on Airflow.",
      'I am eager to learn Vertex AI.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('reports every invented number, employer and tool, in letter order', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'At Globex, I cut inference latency by 65% for 10M users with Kubeflow, saving $1.2M.',
      'Since 2015 I have run 120 experiments a quarter.',
    ]);
    expect(check(letter)).toEqual([
      {
        ruleId: 'grounded-claims',
        severity: 'error',
        message:
          "Remove the employer 'Globex' or add that work to your profile (your profile lists Streamline, Northwind Lending); a letter names only employers from your profile.",
        evidence: quoteOf(letter, 'Globex'),
      },
      {
        ruleId: 'grounded-claims',
        severity: 'error',
        message: `Remove '65%' or replace it with a figure your profile states ${figures}; if it is true, add it to the achievement's metrics in your profile first.`,
        evidence: quoteOf(letter, '65%'),
      },
      {
        ruleId: 'grounded-claims',
        severity: 'error',
        message: `Remove '10M' or replace it with a figure your profile states ${figures}; if it is true, add it to the achievement's metrics in your profile first.`,
        evidence: quoteOf(letter, '10M'),
      },
      {
        ruleId: 'grounded-claims',
        severity: 'error',
        message:
          "Remove the claim to Kubeflow: your profile does not list it. If you have used it, add it to your profile's skills; if the posting asks for it, say so honestly, e.g. 'I haven't used Kubeflow, but I have done the same work with Airflow'.",
        evidence: quoteOf(letter, 'Kubeflow'),
      },
      {
        ruleId: 'grounded-claims',
        severity: 'error',
        message: `Remove '$1.2M' or replace it with a figure your profile states ${figures}; if it is true, add it to the achievement's metrics in your profile first.`,
        evidence: quoteOf(letter, '$1.2M'),
      },
      {
        ruleId: 'grounded-claims',
        severity: 'error',
        message: `Remove '2015' or replace it with a figure your profile states ${figures}; if it is true, add it to the achievement's metrics in your profile first.`,
        evidence: quoteOf(letter, '2015'),
      },
      {
        ruleId: 'grounded-claims',
        severity: 'error',
        message: `Remove '120' or replace it with a figure your profile states ${figures}; if it is true, add it to the achievement's metrics in your profile first.`,
        evidence: quoteOf(letter, '120'),
      },
    ]);
  });

  it('leaves small counts and spelled numbers alone', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I led 3 engineers through two launches at Streamline.']);
    expect(check(letter)).toEqual([]);
  });

  it('finds an employer however the letter introduces it: joined, worked for, at', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I joined Shopify and later worked for Globex, after my years at Streamline.',
      'I work for the mission, and I joined the ranking team.',
    ]);
    expect(check(letter).map((finding) => finding.evidence?.text)).toEqual(['Shopify', 'Globex']);
  });

  it('does not read "looking at Kubernetes" as an employer', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I am good at Kubernetes and SQL.']);
    expect(check(letter)).toEqual([]);
  });
});
