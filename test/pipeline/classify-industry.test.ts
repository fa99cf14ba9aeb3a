import { describe, expect, it } from 'vitest';
import { classifyIndustry } from '../../src/pipeline/classify-industry.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { createFakeEngine } from '../support/fake-engine.js';

const posting = { source: 'job.txt', text: 'A posting.' };

describe('classifyIndustry', () => {
  it('normalises the industry id the engine returns', async () => {
    const engine = createFakeEngine({
      letters: [],
      industry: { industry: ' Finance ', confidence: 0.7, signals: ['bank'] },
    });
    const result = await classifyIndustry(posting, { engine, playbooks: await loadPlaybooks() });
    expect(result.value).toEqual({ industry: 'finance', confidence: 0.7, signals: ['bank'] });
  });

  it('falls back to general for an industry no playbook knows, and says so in the signals', async () => {
    const engine = createFakeEngine({
      letters: [],
      industry: { industry: 'aerospace', confidence: 0.6, signals: [] },
    });
    const result = await classifyIndustry(posting, { engine, playbooks: await loadPlaybooks() });
    expect(result.value).toEqual({
      industry: 'general',
      confidence: 0.6,
      signals: ['unknown industry "aerospace"'],
    });
  });
});
