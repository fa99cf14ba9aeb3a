import { beforeAll, describe, expect, it } from 'vitest';
import { noStockOpenerRule } from '../../../src/critic/rules/no-stock-opener.js';
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

const check = (letter: string, profile = true) =>
  checkRule(noStockOpenerRule, letter, contextFor(fixture, 'tech', profile ? {} : { profile: null }));

describe('no-stock-opener', () => {
  it('passes a letter that opens with a result, even when a stock phrase comes later', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I cut inference latency by 40% at Streamline. I am writing to apply because of that work.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('flags the opener and offers the profile’s strongest result instead', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      'I am writing to express my interest in the Machine Learning Engineer role at Fernway.',
    ]);
    expect(check(letter)).toEqual([
      {
        ruleId: 'no-stock-opener',
        severity: 'error',
        message:
          "Delete the stock opener 'I am writing to express my interest' and open with your strongest result, e.g. 'I cut inference latency by 40% and opened personalized feeds to 2M+ users at Streamline'.",
        evidence: quoteOf(letter, 'I am writing to express my interest'),
      },
    ]);
  });

  it.each([
    [
      "I'm writing to formally express my strong interest in this role.",
      "I'm writing to formally express my strong interest",
    ],
    ['I’m excited to apply for the ML Engineer opening.', 'I’m excited to apply'],
    ['Please accept my application for the role.', 'Please accept'],
    ['My name is Priya and I build recommenders.', 'My name is'],
    ['**I am writing to apply** for the role.', 'I am writing to apply'],
    ['I hope this letter finds you well.', 'I hope this letter finds you well'],
    ["I'm reaching out about the ranking role.", "I'm reaching out"],
  ])('catches the variant "%s"', (sentence, opener) => {
    const letter = letterOf('Dear Dana Ortiz,', [sentence]);
    expect(check(letter, false)).toEqual([
      {
        ruleId: 'no-stock-opener',
        severity: 'error',
        message: `Delete the stock opener '${opener}' and open with your strongest concrete result, with its number.`,
        evidence: quoteOf(letter, opener),
      },
    ]);
  });

  it('checks the first sentence of a letter without a greeting', () => {
    const letter = 'My name is Priya Raman.\n\nI cut latency by 40%.';
    expect(check(letter, false).map((finding) => finding.evidence)).toEqual([quoteOf(letter, 'My name is')]);
  });
});
