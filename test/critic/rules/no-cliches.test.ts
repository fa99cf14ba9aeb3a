import { beforeAll, describe, expect, it } from 'vitest';
import { noClichesRule } from '../../../src/critic/rules/no-cliches.js';
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

const check = (letter: string) =>
  checkRule(noClichesRule, letter, contextFor(fixture, 'tech', { profile: null }));

describe('no-cliches', () => {
  it('warns once per stock phrase, longest first, saying what to show instead', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I am a passionate and results-driven engineer and a team player.',
      'As a team player and fast learner, I thrive on hard problems.',
      'Thank you for your time and consideration.',
    ]);
    expect(check(letter)).toEqual([
      {
        ruleId: 'no-cliches',
        severity: 'warning',
        message: "Replace 'passionate and results-driven' with one result with its number; it shows both.",
        evidence: quoteOf(letter, 'passionate and results-driven'),
      },
      {
        ruleId: 'no-cliches',
        severity: 'warning',
        message:
          "Replace 'team player' with a time you made a teammate's work easier: a review, a shared tool, a handover.",
        evidence: quoteOf(letter, 'team player'),
      },
      expect.objectContaining({ evidence: quoteOf(letter, 'fast learner') }),
      expect.objectContaining({ evidence: quoteOf(letter, 'Thank you for your time and consideration') }),
    ]);
  });

  it('passes a letter that shows instead of claiming', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I cut inference latency by 40% at Streamline with Redis, and I reviewed every change to the ranking service.',
    ]);
    expect(check(letter)).toEqual([]);
  });
});
