import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { critiqueLetter } from '../../src/critic/critique-letter.js';
import { packageRoot } from '../../src/package-root.js';
import { type CriticFixture, contextFor, loadCriticFixture } from './critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

const letterFile = (name: string): string =>
  readFileSync(join(packageRoot(), 'test/fixtures/letters', name), 'utf8');
const errorRules = (letter: string, industry: string, withProfile: boolean): string[] => {
  const critique = critiqueLetter(
    letter,
    contextFor(fixture, industry, withProfile ? {} : { profile: null }),
  );
  return [
    ...new Set(
      critique.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId),
    ),
  ];
};

describe('critiqueLetter on the guide’s three templates', () => {
  it.each([
    ['tech', 'guide-tech-template.txt'],
    ['finance', 'guide-finance-template.txt'],
    ['retail', 'guide-retail-template.txt'],
  ])('fails the %s template as published, brackets and all, on no-placeholder', (industry, file) => {
    const letter = letterFile(file);
    const critique = critiqueLetter(letter, contextFor(fixture, industry, { profile: null }));
    expect(critique.passed).toBe(false);
    const slots = critique.findings.filter((finding) => finding.ruleId === 'no-placeholder');
    expect(slots.map((finding) => finding.evidence?.text)).toEqual(letter.match(/\[[^\]]+\]/g));
  });

  it.each([
    ['tech', 'guide-tech-filled.txt', 'tech-production-tooling'],
    ['finance', 'guide-finance-filled.txt', 'finance-explainability'],
    ['retail', 'guide-retail-filled.txt', 'retail-business-metric'],
  ])(
    'passes every error-level rule of %s once the brackets hold real values (no profile given)',
    (industry, file, industryRule) => {
      const critique = critiqueLetter(letterFile(file), contextFor(fixture, industry, { profile: null }));
      expect(critique.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
      expect(critique.passed).toBe(true);
      expect(critique.skipped).toEqual([
        { ruleId: 'grounded-claims', reason: 'needs the profile (pass --profile)' },
        { ruleId: 'grounded-credentials', reason: 'needs the profile (pass --profile)' },
        { ruleId: 'honest-gaps', reason: 'needs the profile (pass --profile)' },
        { ruleId: 'no-false-experience', reason: 'needs the profile (pass --profile)' },
      ]);
      expect(critique.checked).toContain(industryRule);
    },
  );
});

describe('critiqueLetter on letters people write', () => {
  it('passes a strong Markdown letter with every rule and no warning', () => {
    const critique = critiqueLetter(letterFile('strong.md'), contextFor(fixture, 'tech'));
    expect(critique).toEqual({
      passed: true,
      industry: 'tech',
      findings: [],
      skipped: [],
      checked: [
        'no-model-self-talk',
        'no-placeholder',
        'plausible-company',
        'no-stock-opener',
        'opens-with-outcome',
        'names-tools',
        'company-hook',
        'word-limit',
        'no-framework-list',
        'beyond-modeling',
        'grounded-claims',
        'grounded-credentials',
        'salutation-signoff',
        'no-cliches',
        'tech-production-tooling',
        'tech-velocity',
        'tech-not-academic',
        'honest-gaps',
        'no-injected-content',
      ],
    });
  });

  it('fails the clichéd letter on the opener, the missing number, tools and hook, and the framework list', () => {
    expect(errorRules(letterFile('cliched.txt'), 'tech', true)).toEqual([
      'no-stock-opener',
      'opens-with-outcome',
      'names-tools',
      'company-hook',
      'no-framework-list',
      'grounded-claims',
      'salutation-signoff',
      'tech-production-tooling',
    ]);
  });

  it('fails the 400-word letter on the word limit alone', () => {
    const critique = critiqueLetter(letterFile('too-long.txt'), contextFor(fixture, 'tech'));
    expect(critique.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['word-limit', 'error'],
    ]);
  });

  it('fails the framework-list letter on each list, and on the tools the profile lacks', () => {
    const critique = critiqueLetter(letterFile('framework-list.txt'), contextFor(fixture, 'tech'));
    expect(critique.findings.map((finding) => [finding.ruleId, finding.evidence?.text])).toEqual([
      [
        'no-framework-list',
        'Python, PyTorch, TensorFlow, scikit-learn, XGBoost, Spark, Airflow, Kubernetes and Docker',
      ],
      ['no-framework-list', 'pandas, NumPy and SciPy'],
      ['grounded-claims', 'TensorFlow'],
      ['grounded-claims', 'pandas'],
      ['grounded-claims', 'NumPy'],
      ['grounded-claims', 'SciPy'],
      ['honest-gaps', undefined],
    ]);
  });

  it('is deterministic', () => {
    const context = contextFor(fixture, 'tech');
    const letter = letterFile('cliched.txt');
    expect(critiqueLetter(letter, context)).toEqual(critiqueLetter(letter, context));
  });
});

describe('critiqueLetter on a letter under a letterhead', () => {
  it('reads the letterhead as header wherever the greeting is: no date, phone or role line is a claim or an opener', async () => {
    const fixture = await loadCriticFixture();
    const letterhead =
      'Priya Raman\npriya.raman@example.com · +1 206 555 0143 · Seattle, WA\nDecember 7, 2026\n\nFernway\nMachine Learning Engineer';
    const body =
      'I cut inference latency by 40% at Streamline by moving the recommender to real-time feature serving with Redis.';
    for (const letter of [
      `${letterhead}\n\nDear Dana Ortiz,\n\n${body}\n\nBest,\nPriya Raman`,
      `${letterhead}\n\n${body}\n\nBest,\nPriya Raman`,
    ]) {
      const critique = critiqueLetter(letter, contextFor(fixture, 'tech'));
      const quoted = critique.findings.map((finding) => [finding.ruleId, finding.evidence?.text ?? null]);
      expect(quoted.filter(([rule]) => rule === 'no-stock-opener' || rule === 'opens-with-outcome')).toEqual(
        [],
      );
      expect(
        quoted.filter(([rule]) => rule === 'grounded-claims' || rule === 'grounded-credentials'),
      ).toEqual([]);
    }
  });
});
