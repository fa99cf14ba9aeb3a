import { beforeAll, describe, expect, it } from 'vitest';
import { companyHookRule } from '../../../src/critic/rules/company-hook.js';
import type { PostingAnalysis } from '../../../src/posting/posting-analysis.js';
import { type CriticFixture, checkRule, contextFor, letterOf, loadCriticFixture } from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const opening = 'At Streamline, I cut inference latency by 40% with real-time feature serving on Redis.';
const hookMessage =
  "Refer to what the posting says Fernway is doing, the real-time ranking platform behind the Fernway home feed (\"we are rebuilding the real-time ranking platform behind the Fernway home feed\"), and say how your experience fits it, e.g. 'Fernway's work on the real-time ranking platform behind the Fernway home feed is close to what I have built.'";

describe('company-hook', () => {
  const check = (letter: string) => checkRule(companyHookRule, letter, contextFor(fixture, 'tech'));

  it('passes a letter that names the company and paraphrases the hook', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      opening,
      'I would love to help Fernway scale the ranking platform behind its home feed.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('accepts the hook in a paragraph that speaks to the reader as "you"', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      opening,
      'Your rebuild of the home feed ranking is the work I want next; Fernway is where I want to do it.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('fails a generic letter twice: no company name, no hook', () => {
    const letter = letterOf('Dear Hiring Manager,', [
      opening,
      'I would love to join a fast-growing company like yours.',
    ]);
    expect(check(letter)).toEqual([
      {
        ruleId: 'company-hook',
        severity: 'error',
        message: 'Name Fernway in the letter, in the paragraph that says why you want to work there.',
        evidence: null,
      },
      { ruleId: 'company-hook', severity: 'error', message: hookMessage, evidence: null },
    ]);
  });

  it('does not take hook words in the candidate’s own story ("real-time feature platform") for a reference', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'At Streamline, I built a real-time feature platform that cut latency by 40%.',
      'I would be glad to bring that to Fernway.',
    ]);
    expect(check(letter)).toEqual([
      { ruleId: 'company-hook', severity: 'error', message: hookMessage, evidence: null },
    ]);
  });

  describe('when the posting has no hook', () => {
    const analysis: PostingAnalysis = {
      company: 'Fernway',
      role: 'Machine Learning Engineer',
      hiringManager: null,
      hook: null,
      requiredTools: [],
    };
    const posting = {
      source: 'no-hook',
      text: 'Fernway is hiring a Machine Learning Engineer.\nYou will build grocery demand forecasts for our warehouse planners.\nWe offer great benefits and equal opportunity.',
    };
    const checkNoHook = (letter: string) =>
      checkRule(companyHookRule, letter, contextFor(fixture, 'tech', { analysis, posting }));

    it('passes when the letter mentions something specific the posting says the team does', () => {
      const letter = letterOf('Dear Hiring Manager,', [
        opening,
        'Fernway’s demand forecasts for warehouse planners are the kind of work I do best.',
      ]);
      expect(checkNoHook(letter)).toEqual([]);
    });

    it('matches other forms of the posting’s words ("deploying" for "deploy")', () => {
      const letter = letterOf('Dear Hiring Manager,', [
        opening,
        'At Fernway I would love to be building forecasts for warehouse planning.',
      ]);
      expect(checkNoHook(letter)).toEqual([]);
    });

    it('suggests a sentence about the work rather than one about the company', () => {
      const sized = {
        source: 'sized',
        text: 'Fernway has 450 employees, three offices, a profitable subscription business and customers in twelve countries.\nYou will build grocery demand forecasts.',
      };
      const letter = letterOf('Dear Hiring Manager,', [opening, 'I would love to join Fernway.']);
      expect(
        checkRule(companyHookRule, letter, contextFor(fixture, 'tech', { analysis, posting: sized })),
      ).toEqual([
        {
          ruleId: 'company-hook',
          severity: 'error',
          message:
            'Tie the letter to something specific the posting says the team does, such as "You will build grocery demand forecasts.", and say how your experience fits it.',
          evidence: null,
        },
      ]);
    });

    it('fails when the letter only repeats the company and the role title, and names the specific sentence', () => {
      const letter = letterOf('Dear Hiring Manager,', [
        opening,
        'I am applying to be a Machine Learning Engineer at Fernway.',
      ]);
      expect(checkNoHook(letter)).toEqual([
        {
          ruleId: 'company-hook',
          severity: 'error',
          message:
            'Tie the letter to something specific the posting says the team does, such as "You will build grocery demand forecasts for our warehouse planners.", and say how your experience fits it.',
          evidence: null,
        },
      ]);
    });
  });

  it('for an agency posting without a company name, only checks the reference to the work', () => {
    const analysis: PostingAnalysis = {
      company: null,
      role: 'Machine Learning Engineer',
      hiringManager: null,
      hook: {
        text: 'a fraud detection platform for card payments',
        evidence: 'building a fraud detection platform for card payments',
      },
      requiredTools: [],
    };
    const posting = {
      source: 'agency',
      text: 'Our client is building a fraud detection platform for card payments.',
    };
    const context = contextFor(fixture, 'finance', { analysis, posting });
    expect(
      checkRule(
        companyHookRule,
        letterOf('Dear Hiring Manager,', [opening, 'Your fraud detection platform is where I fit.']),
        context,
      ),
    ).toEqual([]);
    expect(checkRule(companyHookRule, letterOf('Dear Hiring Manager,', [opening]), context)).toEqual([
      {
        ruleId: 'company-hook',
        severity: 'error',
        message:
          "Refer to what the posting says the team is doing, a fraud detection platform for card payments (\"building a fraud detection platform for card payments\"), and say how your experience fits it, e.g. 'The team's work on a fraud detection platform for card payments is close to what I have built.'",
        evidence: null,
      },
    ]);
  });
});
