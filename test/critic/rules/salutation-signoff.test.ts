import { beforeAll, describe, expect, it } from 'vitest';
import { salutationSignoffRule } from '../../../src/critic/rules/salutation-signoff.js';
import { type CriticFixture, checkRule, contextFor, loadCriticFixture, quoteOf } from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const check = (letter: string, profile = true) =>
  checkRule(salutationSignoffRule, letter, contextFor(fixture, 'tech', profile ? {} : { profile: null }));

describe('salutation-signoff', () => {
  it.each([
    'Dear Dana Ortiz,\n\nI cut latency by 40%.\n\nBest,\nPriya Raman',
    'Hi Dana,\n\nI cut latency by 40%.\n\nBest, Priya',
    '**Dear Dana Ortiz,**\r\n\r\nI cut latency by 40%.\r\n\r\nKind regards,\r\nPriya Raman\r\npriya.raman@example.com',
  ])('passes a greeting and a sign-off with the candidate’s name (%#)', (letter) => {
    expect(check(letter)).toEqual([]);
  });

  it('asks for a greeting naming the posting’s hiring manager, and for a sign-off with the name', () => {
    expect(check('I cut latency by 40% at Streamline.')).toEqual([
      {
        ruleId: 'salutation-signoff',
        severity: 'error',
        message: "Start with a greeting line on its own, e.g. 'Dear Dana Ortiz,'.",
        evidence: null,
      },
      {
        ruleId: 'salutation-signoff',
        severity: 'error',
        message:
          "End with a sign-off line such as 'Best,' followed by your name, 'Priya Raman' on the next line.",
        evidence: null,
      },
    ]);
  });

  it('asks for the name under a sign-off that has none', () => {
    const letter = 'Dear Dana Ortiz,\n\nI cut latency by 40%.\n\nThanks!';
    expect(check(letter)).toEqual([
      {
        ruleId: 'salutation-signoff',
        severity: 'error',
        message: "Sign the letter: put your name, 'Priya Raman' on the line after 'Thanks!'.",
        evidence: quoteOf(letter, 'Thanks!'),
      },
    ]);
  });

  it('flags a signature that is someone else’s name', () => {
    const letter = 'Dear Dana Ortiz,\n\nI cut latency by 40%.\n\nSincerely,\nJordan Lee';
    expect(check(letter)).toEqual([
      {
        ruleId: 'salutation-signoff',
        severity: 'error',
        message: "Sign with your own name, 'Priya Raman', under 'Sincerely,'.",
        evidence: quoteOf(letter, 'Jordan Lee'),
      },
    ]);
    expect(check(letter, false)).toEqual([]);
  });
});
