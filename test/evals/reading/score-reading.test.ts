import { describe, expect, it } from 'vitest';
import type { ReadingLabel } from '../../../src/evals/reading/reading-label.js';
import { type PostingReading, scoreReading } from '../../../src/evals/reading/score-reading.js';

const label: ReadingLabel = {
  id: 'finance-a008-paypay-mle-credit-modeling',
  source: { repo: 'owner/name', commit: 'a'.repeat(40), path: 'jobs.csv', row: 3, license: 'MIT' },
  industry: 'finance',
  company: 'PayPay Corporation',
  company_aliases: ['PayPay'],
  hook: 'credit modeling and default risk prediction',
  hook_alternatives: ['PayPay Card'],
  role: 'Machine Learning Engineer, Credit Modeling',
  hiring_manager: null,
  ml_role: true,
  year: 2024,
  split: 'dev',
  sha256: 'b'.repeat(64),
};

function reading(analysis: Partial<PostingReading['analysis']>, industry = 'finance'): PostingReading {
  return {
    industry: { industry, confidence: 0.8, signals: [] },
    analysis: { company: null, role: null, hiringManager: null, hook: null, requiredTools: [], ...analysis },
  };
}

describe('scoreReading', () => {
  it('reads a title the same with or without spaces around a slash or an ampersand', () => {
    const titled = { ...label, role: 'Data Analyst / Modeler' };
    expect(scoreReading(titled, reading({ role: 'Data Analyst/Modeler' })).role).toBe(true);
    expect(scoreReading(titled, reading({ role: 'Data Modeler' })).role).toBe(false);
  });

  it('passes a reading that names the company by an alias, the hook by an alternative and the role without its team', () => {
    expect(
      scoreReading(
        label,
        reading({
          company: 'PayPay',
          role: 'Machine Learning Engineer',
          hook: { text: 'the PayPay Card', evidence: 'we are growing the PayPay Card business' },
        }),
      ),
    ).toEqual({
      industry: true,
      company: true,
      'hook-named': true,
      'hook-none': null,
      role: true,
      'hiring-manager': null,
      'hiring-manager-none': true,
    });
  });

  it('fails a heading taken for the company, a filler hook, a role with its lead-in, and an invented manager', () => {
    expect(
      scoreReading(
        label,
        reading(
          {
            company: 'Description',
            role: 'As a Machine Learning Engineer',
            hook: { text: 'growing every day', evidence: 'we are growing every day' },
            hiringManager: 'Dana Whitfield',
          },
          'tech',
        ),
      ),
    ).toEqual({
      industry: false,
      company: false,
      'hook-named': false,
      'hook-none': null,
      role: false,
      'hiring-manager': null,
      'hiring-manager-none': false,
    });
  });

  it('wants no company and no hook where the label has none, and the named person where there is one', () => {
    const hidden = { ...label, company: null, hook: null, hiring_manager: 'Dana Whitfield' };
    expect(scoreReading(hidden, reading({ hiringManager: 'Dana Whitfield' }))).toMatchObject({
      company: true,
      'hook-named': null,
      'hook-none': true,
      'hiring-manager': true,
      'hiring-manager-none': null,
    });
    expect(
      scoreReading(
        hidden,
        reading({ company: 'Kforce', hook: { text: 'our client', evidence: 'our client' } }),
      ),
    ).toMatchObject({ company: false, 'hook-none': false, 'hiring-manager': false });
  });
});
