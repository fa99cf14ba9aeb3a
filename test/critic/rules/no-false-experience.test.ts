import { beforeAll, describe, expect, it } from 'vitest';
import { critiqueLetter } from '../../../src/critic/critique-letter.js';
import { noFalseExperienceRule } from '../../../src/critic/rules/no-false-experience.js';
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

const capstone =
  "describe what you did build, e.g. 'trained a gradient boosting fraud classifier on 280,000 card transactions', and how you evaluated it";

describe('no-false-experience', () => {
  const check = (letter: string) =>
    checkRule(noFalseExperienceRule, letter, contextFor(fixture, 'tech', { profile: fixture.careerChanger }));

  it('lets a career changer claim the production software they ran', () => {
    const letter = letterOf(
      'Dear Dana Ortiz,',
      [
        'I ran payment services in production for five years, and my capstone model cut false alarms by 30% on a held-out set.',
        'My services handled live traffic for 4M monthly payments.',
      ],
      'Best,\nSam Okafor',
    );
    expect(check(letter)).toEqual([]);
  });

  it('lets the candidate say what they have not done yet', () => {
    const letter = letterOf(
      'Dear Dana Ortiz,',
      ["I haven't deployed a model to production yet."],
      'Best,\nSam Okafor',
    );
    expect(check(letter)).toEqual([]);
  });

  it('flags each claim of production ML the profile does not hold', () => {
    const letter = letterOf(
      'Dear Dana Ortiz,',
      [
        'I have deployed machine learning models to production that served millions of users.',
        'My fraud model handles live traffic every day.',
      ],
      'Best,\nSam Okafor',
    );
    expect(check(letter)).toEqual([
      {
        ruleId: 'no-false-experience',
        severity: 'error',
        message: `Remove the claim 'to production': your profile has no production ML work. Describe ${capstone.replace('describe ', '')}.`,
        evidence: quoteOf(letter, 'to production'),
      },
      {
        ruleId: 'no-false-experience',
        severity: 'error',
        message: `Remove the claim 'live traffic': your profile has no production ML work. Describe ${capstone.replace('describe ', '')}.`,
        evidence: quoteOf(letter, 'live traffic'),
      },
    ]);
  });

  it('runs only for early-career and career-changer profiles', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I have deployed machine learning models to production.']);
    const ran = (profile: CriticFixture['experienced']) =>
      critiqueLetter(letter, contextFor(fixture, 'tech', { profile })).checked.includes(
        'no-false-experience',
      );
    expect(ran(fixture.experienced)).toBe(false);
    expect(ran(fixture.careerChanger)).toBe(true);
    expect(critiqueLetter(letter, contextFor(fixture, 'tech', { profile: null })).skipped).toContainEqual({
      ruleId: 'no-false-experience',
      reason: 'needs the profile (pass --profile)',
    });
  });

  it('passes a profile whose production work was machine learning', () => {
    const profile = {
      ...fixture.careerChanger,
      projects: fixture.careerChanger.projects.map((project) => ({ ...project, production: true })),
    };
    const letter = letterOf('Dear Dana Ortiz,', ['My fraud model runs in production.']);
    expect(checkRule(noFalseExperienceRule, letter, contextFor(fixture, 'tech', { profile }))).toEqual([]);
  });

  it('does not read the company’s own work as the candidate’s claim', () => {
    const letter = letterOf(
      'Dear Dana Ortiz,',
      [
        "Fernway's research-to-production platform for ranking models is where I want to grow, and your models in production are what I want to learn from.",
      ],
      'Best,\nSam Okafor',
    );
    expect(check(letter)).toEqual([]);
  });
});
