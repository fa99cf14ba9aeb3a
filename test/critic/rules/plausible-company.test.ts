import { beforeAll, describe, expect, it } from 'vitest';
import { plausibleCompanyRule } from '../../../src/critic/rules/plausible-company.js';
import { type CriticFixture, checkRule, contextFor, letterOf, loadCriticFixture } from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const greatnessPosting = {
  source: 'greatness.txt',
  text: 'Greatness\nWe pursue greatness in everything. Join our ML team to build ranking models at Lumen Pay.',
};

describe('plausible-company', () => {
  it('passes a letter that names a real company, and one that names none', () => {
    const context = contextFor(fixture, 'tech');
    expect(
      checkRule(plausibleCompanyRule, letterOf('Dear Dana,', ['I want to do that at Orbitly.']), context),
    ).toEqual([]);
    expect(
      checkRule(plausibleCompanyRule, letterOf('Dear Dana,', ['I want to do that on your team.']), context),
    ).toEqual([]);
  });

  it('fails a letter addressed to a common word the posting read as its company', () => {
    const base = contextFor(fixture, 'tech');
    const context = {
      ...base,
      posting: greatnessPosting,
      analysis: {
        ...(base.analysis ?? { role: null, hiringManager: null, hook: null, requiredTools: [] }),
        company: 'Greatness',
      },
    };
    const letter = letterOf('Dear Hiring Manager,', [
      'That is the kind of result I want to deliver at Greatness.',
    ]);
    expect(checkRule(plausibleCompanyRule, letter, context).map((finding) => finding.evidence?.text)).toEqual(
      ['Greatness'],
    );
  });

  it('fails a section heading or a date where the employer belongs, with or without a posting', () => {
    const context = contextFor(fixture, 'tech', { posting: null, analysis: null });
    const letter = letterOf('Dear Hiring Manager,', [
      'I want to bring that to Description & Requirements, and to start at 04-Feb-2020.',
    ]);
    const findings = checkRule(plausibleCompanyRule, letter, context);
    expect(findings.map((finding) => finding.evidence?.text)).toEqual([
      'Description & Requirements',
      '04-Feb-2020',
    ]);
    expect(findings[0]?.message).toContain('--company');
  });
});
