import { describe, expect, it } from 'vitest';
import { knownIndustry } from '../../src/pipeline/known-industry.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';

describe('knownIndustry', () => {
  it('normalises the industry id the engine returns', async () => {
    const result = knownIndustry(
      { industry: ' Finance ', confidence: 0.7, signals: ['bank'] },
      await loadPlaybooks(),
    );
    expect(result).toEqual({ industry: 'finance', confidence: 0.7, signals: ['bank'] });
  });

  it('falls back to general for an industry no playbook knows, and says so in the signals', async () => {
    const result = knownIndustry(
      { industry: 'aerospace', confidence: 0.6, signals: [] },
      await loadPlaybooks(),
    );
    expect(result).toEqual({
      industry: 'general',
      confidence: 0.6,
      signals: ['unknown industry "aerospace"'],
    });
  });
});
