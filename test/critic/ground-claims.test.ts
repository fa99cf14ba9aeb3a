import { beforeAll, describe, expect, it } from 'vitest';
import { groundClaims } from '../../src/critic/ground-claims.js';
import { groundedClaimsRule } from '../../src/critic/rules/grounded-claims.js';
import { type CriticFixture, checkRule, contextFor, letterOf, loadCriticFixture } from './critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const realtime =
  'Streamline: moved the recommendation engine from nightly batch scoring to real-time feature serving; cut inference latency by 40% and opened personalized feeds to 2M+ users';

describe('groundClaims', () => {
  it('links each credential to the profile field that states it, and leaves an invented one without a source', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'As a Senior ML Engineer at Streamline, I drew on my M.S. in Computer Science from the University of Washington.',
      'I also hold a PhD from Stanford.',
    ]);
    const claims = groundClaims(letter, contextFor(fixture, 'tech')).filter(
      (claim) => claim.kind !== 'employer' && claim.kind !== 'tool',
    );
    expect(
      claims.map(({ kind, text, source }) => ({
        kind,
        text,
        field: source === null ? null : source.from === 'profile' ? source.field : 'posting',
      })),
    ).toEqual([
      { kind: 'title', text: 'Senior ML Engineer', field: 'achievements[0].role' },
      { kind: 'degree', text: 'M.S. in Computer Science', field: 'education[0].degree' },
      { kind: 'school', text: 'University of Washington', field: 'education[0].school' },
      { kind: 'degree', text: 'PhD', field: null },
      { kind: 'school', text: 'Stanford', field: null },
    ]);
  });

  it('links each number, employer and tool to the profile field that states it', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'At Streamline, I cut inference latency by 40% for 2M+ users with Redis and Python.',
    ]);
    const claims = groundClaims(letter, contextFor(fixture, 'tech'), ['realtime-serving']);
    expect(claims.map(({ kind, text, source }) => ({ kind, text, source }))).toEqual([
      {
        kind: 'employer',
        text: 'Streamline',
        source: {
          from: 'profile',
          factId: 'realtime-serving',
          field: 'achievements[0].employer',
          says: realtime,
        },
      },
      {
        kind: 'number',
        text: '40%',
        source: {
          from: 'profile',
          factId: 'realtime-serving',
          field: 'achievements[0].metrics[0]',
          says: realtime,
        },
      },
      {
        kind: 'number',
        text: '2M+',
        source: {
          from: 'profile',
          factId: 'realtime-serving',
          field: 'achievements[0].metrics[1]',
          says: realtime,
        },
      },
      {
        kind: 'tool',
        text: 'Redis',
        source: {
          from: 'profile',
          factId: 'realtime-serving',
          field: 'achievements[0].tools[0]',
          says: realtime,
        },
      },
      {
        kind: 'tool',
        text: 'Python',
        source: { from: 'profile', factId: null, field: 'skills[0]', says: 'Python' },
      },
    ]);
    for (const claim of claims) expect(letter.slice(claim.start, claim.end)).toBe(claim.text);
  });

  it('prefers the facts the letter was drafted from when two facts share a word', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['At Streamline, I ran our pipelines on Airflow.']);
    const context = contextFor(fixture, 'tech');
    const tool = (used: string[]) =>
      groundClaims(letter, context, used).find((claim) => claim.kind === 'tool');
    expect(tool(['churn-model'])?.source).toMatchObject({
      factId: 'churn-model',
      field: 'achievements[1].tools[3]',
    });
    expect(tool(['credit-explainability'])?.source).toMatchObject({
      factId: 'credit-explainability',
      field: 'achievements[2].tools[2]',
    });
  });

  it('credits the hiring company and figures to the posting, and leaves what nothing backs without a source', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'Fernway serves 30 million home cooks, and I would love to work at Fernway.',
      'At Globex, I cut latency by 65% with Kubeflow.',
    ]);
    const claims = groundClaims(letter, contextFor(fixture, 'tech'));
    expect(claims.map(({ kind, text, source }) => ({ kind, text, source: source?.from ?? null }))).toEqual([
      { kind: 'number', text: '30 million', source: 'posting' },
      { kind: 'employer', text: 'Fernway', source: 'posting' },
      { kind: 'employer', text: 'Globex', source: null },
      { kind: 'number', text: '65%', source: null },
      { kind: 'tool', text: 'Kubeflow', source: null },
    ]);
  });

  it('finds no claim in a tool the letter says it has not used, as grounded-claims does not', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      "I haven't used Kubeflow yet, but I run training on Airflow.",
    ]);
    const context = contextFor(fixture, 'tech');
    expect(groundClaims(letter, context).map((claim) => claim.text)).toEqual(['Airflow']);
    expect(checkRule(groundedClaimsRule, letter, context)).toEqual([]);
  });

  it('has nothing to link without a profile', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['At Streamline, I cut latency by 40%.']);
    expect(groundClaims(letter, contextFor(fixture, 'tech', { profile: null }))).toEqual([]);
  });
});
