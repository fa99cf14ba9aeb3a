import { describe, expect, it } from 'vitest';
import { extractHook } from '../../src/pipeline/extract-hook.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { occursIn } from '../../src/text/verbatim.js';
import { createFakeEngine } from '../support/fake-engine.js';

const posting = {
  source: 'job.txt',
  text: 'Lumen Pay is hiring. We are launching the  real-time fraud platform\nacross Europe this year. Reporting to Dana Ortiz.',
};
const industry = { industry: 'finance', confidence: 0.8, signals: [] };

describe('extractHook', () => {
  it('keeps a hook whose evidence occurs in the posting, ignoring case, spacing and line breaks', async () => {
    const engine = createFakeEngine({
      letters: [],
      analysis: {
        company: 'Lumen Pay',
        role: 'ML Engineer',
        hiringManager: 'Dana Ortiz',
        hook: {
          text: 'the real-time fraud platform',
          evidence: 'launching the real-time fraud platform across Europe',
        },
        requiredTools: ['SHAP', 'shap', ' ', 'Kafka'],
      },
    });
    const result = await extractHook(posting, industry, { engine, playbooks: await loadPlaybooks() });
    expect(result.value).toEqual({
      company: 'Lumen Pay',
      role: 'ML Engineer',
      hiringManager: 'Dana Ortiz',
      hook: {
        text: 'the real-time fraud platform',
        evidence: 'launching the real-time fraud platform across Europe',
      },
      requiredTools: ['SHAP', 'Kafka'],
    });
  });

  it('drops a hook, company and manager the posting does not contain: no invented facts reach a letter', async () => {
    const engine = createFakeEngine({
      letters: [],
      analysis: {
        company: 'Stripe',
        role: null,
        hiringManager: 'Jane Smith',
        hook: { text: 'an award-winning culture', evidence: 'our award-winning culture' },
        requiredTools: [],
      },
    });
    const result = await extractHook(posting, industry, { engine, playbooks: await loadPlaybooks() });
    expect(result.value).toEqual({
      company: null,
      role: null,
      hiringManager: null,
      hook: null,
      requiredTools: [],
    });
  });
});

describe('occursIn', () => {
  it('matches curly quotes and dashes against straight ones', () => {
    expect(occursIn('we’re building – fast', "We're building - fast.")).toBe(true);
    expect(occursIn('', 'anything')).toBe(false);
  });
});
