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

  describe('the family by structure, not by phrase', () => {
    it.each([
      ['I am thrilled to express my keen interest in the Data Engineer role.', 'I am thrilled to'],
      ['I am very excited about the opportunity to apply.', 'I am very excited about'],
      ['I was pleased to learn of the opening on your team.', 'I was pleased to'],
      ['I am submitting my resume for the analyst opening.', 'I am submitting'],
      ['With this letter I would like to express my interest.', 'With this letter'],
      ['I would like to formally share why this role fits me.', 'I would like to formally share'],
      ['As a skilled and experienced data engineer, I am writing to express my interest.', 'I am writing to'],
      ['When I learned of the opening, I felt compelled to apply.', 'I felt compelled to'],
      [
        'I believe I am one of the best candidates for the Machine Learning Engineer position.',
        'I believe I am one of the best candidates',
      ],
      [
        'The Database Administrator position at DataVault resonates strongly with my background.',
        'The Database Administrator position at DataVault resonates',
      ],
      ['It was so nice to meet you on Wednesday.', 'It was so nice'],
      ['Since school, I have known I want to work in medicine.', 'I have known I want to'],
      ['I am Chord, a systems architect who loves latency budgets.', 'I am Chord, a'],
      ['Hope you are doing well!', 'Hope you are'],
      [
        'As a student, the space of developing software is extremely appealing to me.',
        'As a student, the space of developing software is extremely appealing to me',
      ],
    ])('catches "%s"', (sentence, opener) => {
      const letter = letterOf('Dear Dana Ortiz,', [sentence]);
      expect(check(letter, false).map((finding) => finding.evidence?.text)).toEqual([opener]);
    });

    it.each([
      'I, Priya Raman, recently finished my degree in statistics at Galway.',
      'The hardest conversation I had as a tech lead was pausing feature work for a month.',
      'Dana Ortiz, an engineer on your ranking team, encouraged me to apply for this role.',
      'As a data engineer at Streamline, I cut nightly load time from 6 hours to 40 minutes.',
      'I am confident the fraud work below is what your team needs next.',
    ])('passes a first sentence that states a fact, tells a story or names a referral: "%s"', (sentence) => {
      expect(check(letterOf('Dear Dana Ortiz,', [sentence]), false)).toEqual([]);
    });

    it('reads the body from where the eye starts: past a Markdown title block, a date and a Re: line', () => {
      const letter = [
        '# Cover Letter',
        '',
        '**Priya Raman**',
        'Seattle, WA',
        'priya@example.com',
        '+1-206-555-0404',
        '',
        '---',
        '',
        'January 15, 2024',
        '',
        'Hiring Manager',
        'Fernway',
        'San Francisco, CA',
        '',
        '---',
        '',
        '**Re: Machine Learning Engineer Position**',
        '',
        'Dear Hiring Manager,',
        '',
        'I am excited to apply for the Machine Learning Engineer position at Fernway.',
        '',
        'Best,',
        'Priya Raman',
      ].join('\n');
      expect(check(letter, false).map((finding) => finding.evidence?.text)).toEqual([
        'I am excited to apply',
      ]);
    });

    it('skips a subject line even when the body has no greeting', () => {
      const letter = 'Subject: Application for the analyst role\n\nI am writing in response to your posting.';
      expect(check(letter, false).map((finding) => finding.evidence?.text)).toEqual([
        'I am writing in response',
      ]);
    });
  });
});
