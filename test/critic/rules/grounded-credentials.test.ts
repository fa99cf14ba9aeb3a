import { beforeAll, describe, expect, it } from 'vitest';
import { groundedCredentialsRule } from '../../../src/critic/rules/grounded-credentials.js';
import { ProfileSchema } from '../../../src/profile/profile-schema.js';
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

// Priya Raman: M.S. Computer Science, University of Washington; Senior Machine Learning Engineer at Streamline and
// Machine Learning Engineer at Northwind Lending; no certifications, awards or years stated.
const check = (letter: string, profile = fixture.experienced) =>
  checkRule(groundedCredentialsRule, letter, contextFor(fixture, 'tech', { profile }));

describe('grounded-credentials', () => {
  it('passes the degree, school and titles the profile holds, said in fewer words', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'As a Senior ML Engineer at Streamline, I cut inference latency by 40%.',
      'Before that I served as Machine Learning Engineer at Northwind Lending, after an M.S. in Computer Science from the University of Washington.',
      'I also earned an MS from UW.',
    ]);
    expect(check(letter)).toEqual([]);
  });

  it('flags a degree, school, award and years the profile does not hold, quoting each', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I hold a PhD in machine learning from Stanford and won the Kaggle Grandmaster award.',
      'With over 7 years of experience, I build ranking systems.',
    ]);
    expect(check(letter)).toEqual([
      {
        ruleId: 'grounded-credentials',
        severity: 'error',
        message:
          "Remove 'PhD in machine learning' or add that degree to education in your profile; your profile lists M.S. Computer Science. A letter states only the degrees you hold.",
        evidence: quoteOf(letter, 'PhD in machine learning'),
      },
      {
        ruleId: 'grounded-credentials',
        severity: 'error',
        message:
          "Remove the school 'Stanford' or add it to education in your profile (it lists University of Washington).",
        evidence: quoteOf(letter, 'Stanford'),
      },
      {
        ruleId: 'grounded-credentials',
        severity: 'error',
        message:
          "Remove the award claim 'won the Kaggle Grandmaster' or, if you hold it, add it to awards in your profile (your profile lists no awards).",
        evidence: quoteOf(letter, 'won the Kaggle Grandmaster'),
      },
      {
        ruleId: 'grounded-credentials',
        severity: 'error',
        message:
          "Remove 'over 7 years of experience': your profile states no years of experience. If it is true, add yearsOfExperience to your profile.",
        evidence: quoteOf(letter, 'over 7 years of experience'),
      },
    ]);
  });

  it('flags a master’s from another school and an inflated title, however the title is introduced', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I earned an MS from CMU.',
      'As Head of Machine Learning at Streamline, I led the ranking team.',
      'I served as Head of Machine Learning there and was promoted to Staff Engineer.',
    ]);
    expect(check(letter).map((finding) => finding.evidence?.text)).toEqual([
      'CMU',
      'Head of Machine Learning',
      'Head of Machine Learning',
      'Staff Engineer',
    ]);
  });

  it('reads certifications, awards and years against the profile fields that hold them', () => {
    const profile = ProfileSchema.parse({
      ...fixture.experienced,
      certifications: ['AWS Certified Machine Learning - Specialty'],
      awards: ['Kaggle Competitions Expert'],
      yearsOfExperience: 6,
    });
    const letter = letterOf('Dear Dana Ortiz,', [
      'I am AWS Certified in Machine Learning, a Kaggle Competitions Expert award holder, with 6 years of experience.',
      'I also hold the CKA certification and 8 years of experience in ranking.',
    ]);
    expect(check(letter, profile).map((finding) => finding.evidence?.text)).toEqual([
      'CKA certification',
      '8 years of experience',
    ]);
  });

  it('is no claim when the writer plans it, denies it, or speaks of someone else', () => {
    const letter = letterOf('Dear Dana Ortiz,', [
      'I am studying for the AWS Certified Machine Learning exam and would love to join as a Staff Engineer.',
      'Your PhD students and Head of Research inspired me; I have not won a Kaggle medal.',
    ]);
    expect(check(letter)).toEqual([]);
  });
});
