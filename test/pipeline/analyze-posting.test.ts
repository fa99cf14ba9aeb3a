import { describe, expect, it } from 'vitest';
import { analyzePosting } from '../../src/pipeline/analyze-posting.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { createFakeEngine } from '../support/fake-engine.js';

const posting = {
  source: 'acme.txt',
  text: 'Acme Cloud is hiring a Machine Learning Engineer to scale the Atlas ranking service to every customer.',
};
const usage = { calls: 1, promptTokens: 100, completionTokens: 20, cachedCalls: 0 };

describe('analyzePosting', () => {
  it('reads the industry and the analysis in one engine call, with its usage and the clock around it', async () => {
    const engine = createFakeEngine({ letters: [], usage });
    let clock = 0;
    const analyzed = await analyzePosting(posting, {
      engine,
      playbooks: await loadPlaybooks(),
      now: () => (clock += 10),
    });
    expect(engine.calls.map((call) => call.stage)).toEqual(['analyze']);
    expect(analyzed).toEqual({
      industry: { industry: 'tech', confidence: 0.9, signals: ['saas'] },
      analysis: { company: null, role: null, hiringManager: null, hook: null, requiredTools: [] },
      usage,
      refused: [],
      overridden: [],
      clock: { started: 10, analyzed: 20 },
    });
  });

  it("puts the user's company, hook, role and hiring manager over the reading, and says which it set", async () => {
    const engine = createFakeEngine({
      letters: [],
      analysis: { company: 'Summary', role: null, hiringManager: null, hook: null, requiredTools: [] },
    });
    const analyzed = await analyzePosting(
      posting,
      { engine, playbooks: await loadPlaybooks() },
      {
        company: 'Orbitly',
        hook: 'Project Relay',
        role: 'ML Platform Engineer',
        hiringManager: 'Dana Ortiz',
      },
    );
    expect(analyzed.analysis).toEqual({
      company: 'Orbitly',
      role: 'ML Platform Engineer',
      hiringManager: 'Dana Ortiz',
      hook: { text: 'Project Relay', evidence: 'Project Relay' },
      requiredTools: [],
    });
    expect(analyzed.overridden).toEqual(['company', 'hook', 'role', 'hiringManager']);
    // The heading read as the company is not reported as refused: the user replaced it.
    expect(analyzed.refused).toEqual([]);
  });

  it('puts a forced industry over the reading, at no extra cost', async () => {
    const engine = createFakeEngine({ letters: [], usage });
    const analyzed = await analyzePosting(
      posting,
      { engine, playbooks: await loadPlaybooks() },
      { industry: 'retail' },
    );
    expect(engine.calls.map((call) => call.stage)).toEqual(['analyze']);
    expect(analyzed.industry).toEqual({ industry: 'retail', confidence: 1, signals: ['--industry'] });
    expect(analyzed.usage).toEqual(usage);
  });
});
