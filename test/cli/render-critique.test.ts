import { describe, expect, it } from 'vitest';
import { renderFinding } from '../../src/cli/render-critique.js';

describe('renderFinding', () => {
  it('marks the severity, names the rule and quotes the evidence on one line', () => {
    expect(
      renderFinding({
        ruleId: 'no-placeholder',
        severity: 'error',
        message: 'Replace [Company Name] with the company.',
        evidence: { text: '[Company\n  Name]', start: 10, end: 25 },
      }),
    ).toBe('✖ no-placeholder: Replace [Company Name] with the company. "[Company Name]"');
  });

  it('says first when only the profile can fix a finding', () => {
    expect(
      renderFinding({
        ruleId: 'finance-explainability',
        severity: 'error',
        message: 'Your profile lists no explainability technique.',
        evidence: null,
        needsProfile: true,
      }),
    ).toBe('✖ finance-explainability (fix in your profile): Your profile lists no explainability technique.');
  });
});
