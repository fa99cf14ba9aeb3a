import { beforeAll, describe, expect, it } from 'vitest';
import { noPlaceholderRule } from '../../../src/critic/rules/no-placeholder.js';
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
  checkRule(noPlaceholderRule, letter, contextFor(fixture, 'tech', profile ? {} : { profile: null }));

describe('no-placeholder', () => {
  it('passes a letter with every slot filled, a Markdown link and ordinary capitals', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I cut inference latency by 40% at Streamline (see [the write-up](https://example.com/latency)).',
      'XGBoost and the SR 11-7 review were part of it; my X handle is not.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('reports each bracketed slot with the value to put there, taken from the posting and profile', () => {
    const letter = letterOf(
      'Dear [Hiring Manager Name],',
      [
        'I cut latency by [X]% at [Previous Company]. I am drawn to [Company Name] because of [specific project].',
      ],
      'Best,\n[Your Name]',
    );
    expect(check(letter)).toEqual([
      {
        ruleId: 'no-placeholder',
        severity: 'error',
        message: "Replace '[Hiring Manager Name]' with 'Dana Ortiz', the hiring manager the posting names.",
        evidence: quoteOf(letter, '[Hiring Manager Name]'),
      },
      {
        ruleId: 'no-placeholder',
        severity: 'error',
        message:
          "Replace '[X]' with the real figure from your profile, or drop the claim; never guess a number.",
        evidence: quoteOf(letter, '[X]'),
      },
      {
        ruleId: 'no-placeholder',
        severity: 'error',
        message:
          "Replace '[Previous Company]' with the employer where you did this work (your profile lists Streamline, Northwind Lending).",
        evidence: quoteOf(letter, '[Previous Company]'),
      },
      {
        ruleId: 'no-placeholder',
        severity: 'error',
        message: "Replace '[Company Name]' with 'Fernway'.",
        evidence: quoteOf(letter, '[Company Name]'),
      },
      {
        ruleId: 'no-placeholder',
        severity: 'error',
        message:
          "Replace '[specific project]' with concrete words from the posting or your profile, or delete it.",
        evidence: quoteOf(letter, '[specific project]'),
      },
      {
        ruleId: 'no-placeholder',
        severity: 'error',
        message: "Replace '[Your Name]' with your name, 'Priya Raman'.",
        evidence: quoteOf(letter, '[Your Name]'),
      },
    ]);
  });

  it('finds template slots in other syntaxes: {{name}}, {company}, <Your Name>, XX, X%, TBD and blanks', () => {
    const letter = letterOf(
      'Dear {{hiring_manager}},',
      ['At {company} I cut costs by X% and saved $XX. Start date: TBD. Team size: ____.'],
      'Best,\n<Your Name>',
    );
    expect(check(letter, false).map((finding) => finding.evidence?.text)).toEqual([
      '{{hiring_manager}}',
      '{company}',
      'X%',
      'XX',
      'TBD',
      '____',
      '<Your Name>',
    ]);
  });

  it('without a profile, asks for your name rather than naming one', () => {
    const letter = letterOf('Dear Dana Ortiz,', ['I cut latency by 40%.'], 'Best,\n[Your Name]');
    expect(check(letter, false)).toEqual([
      {
        ruleId: 'no-placeholder',
        severity: 'error',
        message: "Replace '[Your Name]' with your name.",
        evidence: quoteOf(letter, '[Your Name]'),
      },
    ]);
  });

  it.each([
    ['Dear #Address:\n\nI apply for the #Position at #School.', ['#Address', '#Position', '#School']],
    ['I would like to intern in ***, from April to August.', ['***']],
    ['Dear HIRING_MANAGER,\n\nI admire COMPANY_NAME and its mission.', ['HIRING_MANAGER', 'COMPANY_NAME']],
    ['I would love to join Unknown Company, or XYZ Corp.', ['Unknown Company', 'XYZ Corp']],
  ])('finds slots people leave in other shapes: %j', (letter, slots) => {
    expect(check(letter, false).map((finding) => finding.evidence?.text)).toEqual(slots);
  });

  it('passes C#, #1, ***emphasis***, a horizontal rule and "your company" in prose', () => {
    const letter =
      'Dear Dana,\n\nI ranked #1 in a C# contest and ***really*** enjoyed it.\n\n***\n\nI can help your company grow.\n\nBest,\nPriya';
    expect(check(letter, false)).toEqual([]);
  });
});
