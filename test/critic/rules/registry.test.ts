import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../../src/critic/rules/index.js';
import {
  type CriticFixture,
  checkRule,
  contextFor,
  exampleIndustry,
  exampleProfile,
  loadCriticFixture,
} from '../critic-fixture.js';

let fixture: CriticFixture;
beforeAll(async () => {
  fixture = await loadCriticFixture();
});

describe('the rule registry', () => {
  it('lists every rule of issue 3 and the injected-content rule, each once, with kebab-case ids', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
    expect([...ids].sort()).toEqual(
      [
        'beyond-modeling',
        'company-hook',
        'finance-explainability',
        'finance-regulatory',
        'finance-validated-architecture',
        'grounded-claims',
        'honest-gaps',
        'names-tools',
        'no-false-experience',
        'no-framework-list',
        'no-injected-content',
        'no-placeholder',
        'no-stock-opener',
        'opens-with-outcome',
        'retail-business-metric',
        'retail-cross-team',
        'retail-no-novelty',
        'salutation-signoff',
        'tech-not-academic',
        'tech-production-tooling',
        'tech-velocity',
        'word-limit',
      ].sort(),
    );
  });

  it('keeps the severities, industries and requirements issue 3 sets', () => {
    const table = Object.fromEntries(
      rules.map((rule) => [
        rule.id,
        [rule.severity, rule.industries, rule.requires, rule.levels ?? 'all levels'],
      ]),
    );
    expect(table).toEqual({
      'no-placeholder': ['error', 'all', [], 'all levels'],
      'no-stock-opener': ['error', 'all', [], 'all levels'],
      'opens-with-outcome': ['error', 'all', [], 'all levels'],
      'names-tools': ['error', 'all', [], 'all levels'],
      'company-hook': ['error', 'all', ['posting'], 'all levels'],
      'word-limit': ['error', 'all', [], 'all levels'],
      'no-framework-list': ['error', 'all', [], 'all levels'],
      'beyond-modeling': ['warning', 'all', [], 'all levels'],
      'grounded-claims': ['error', 'all', ['profile'], 'all levels'],
      'salutation-signoff': ['error', 'all', [], 'all levels'],
      'tech-production-tooling': ['error', ['tech'], [], 'all levels'],
      'tech-velocity': ['warning', ['tech'], [], 'all levels'],
      'tech-not-academic': ['warning', ['tech'], [], 'all levels'],
      'finance-explainability': ['error', ['finance'], [], 'all levels'],
      'finance-regulatory': ['warning', ['finance'], [], 'all levels'],
      'finance-validated-architecture': ['error', ['finance'], [], 'all levels'],
      'retail-business-metric': ['error', ['retail'], [], 'all levels'],
      'retail-cross-team': ['warning', ['retail'], [], 'all levels'],
      'retail-no-novelty': ['warning', ['retail'], [], 'all levels'],
      'honest-gaps': ['warning', 'all', ['profile', 'posting'], 'all levels'],
      'no-false-experience': ['error', 'all', ['profile'], ['early-career', 'career-changer']],
      'no-injected-content': ['error', 'all', [], 'all levels'],
    });
  });

  describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
    it('documents when it passes and why it matters', () => {
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.why.length).toBeGreaterThan(20);
    });

    it('passes its own passing example', () => {
      const { letter, industry } = rule.examples.pass;
      const context = contextFor(fixture, exampleIndustry(rule, industry), {
        profile: exampleProfile(rule, fixture),
      });
      expect(checkRule(rule, letter, context)).toEqual([]);
    });

    it('fails its own failing example with findings of its own id and severity', () => {
      const { letter, industry } = rule.examples.fail;
      const context = contextFor(fixture, exampleIndustry(rule, industry), {
        profile: exampleProfile(rule, fixture),
      });
      const findings = checkRule(rule, letter, context);
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding.ruleId).toBe(rule.id);
        expect(finding.message.length).toBeGreaterThan(20);
        if (finding.evidence !== null) {
          expect(letter.slice(finding.evidence.start, finding.evidence.end)).toBe(finding.evidence.text);
        }
      }
    });
  });
});
