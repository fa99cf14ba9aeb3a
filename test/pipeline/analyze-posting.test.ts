import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { analyzePosting } from '../../src/pipeline/analyze-posting.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { parsePosting } from '../../src/posting/load-posting.js';
import { createFakeEngine } from '../support/fake-engine.js';

async function examplePosting(name: string) {
  const path = join(packageRoot(), 'examples', 'postings', name);
  return parsePosting(await readFile(path, 'utf8'), name);
}

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
      source: { by: 'offline', reason: 'the offline engine reads postings itself' },
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

describe('analyzePosting on the model path (--analysis)', () => {
  // The bank's posting names its employer, its business and a project; the agency's names none of them.
  const confident = 'harborline-bank-credit-risk.txt';
  const vague = 'talentbridge-fintech-client.txt';
  const modelReading = {
    industry: { industry: 'finance', confidence: 0.8, signals: ['bank'] },
    analysis: { company: null, role: null, hiringManager: null, hook: null, requiredTools: [] },
    usage,
  };

  it('auto: a confident offline reading costs no call, and the source says why', async () => {
    const engine = createFakeEngine({ name: 'openai', letters: [], ...modelReading });
    const analyzed = await analyzePosting(await examplePosting(confident), {
      engine,
      playbooks: await loadPlaybooks(),
      analysis: 'auto',
    });
    expect(engine.calls).toEqual([]);
    expect(analyzed.usage.calls).toBe(0);
    expect(analyzed.industry.industry).toBe('finance');
    expect(analyzed.analysis.company).toBe('Harborline Bank');
    expect(analyzed.analysis.hook?.text).toMatch(/lending decision engine/);
    expect(analyzed.source.by).toBe('offline');
    expect(analyzed.source.reason).toMatch(
      /^the offline reading was confident: industry finance at confidence/,
    );
  });

  it('auto: an offline reading that lacks the company or the hook goes to the model, and the source lists what it lacked', async () => {
    const engine = createFakeEngine({ name: 'openai', letters: [], ...modelReading });
    const analyzed = await analyzePosting(await examplePosting(vague), {
      engine,
      playbooks: await loadPlaybooks(),
      analysis: 'auto',
    });
    expect(engine.calls.map((call) => call.stage)).toEqual(['analyze']);
    expect(analyzed.usage).toEqual(usage);
    expect(analyzed.industry).toEqual(modelReading.industry);
    expect(analyzed.source).toEqual({
      by: 'model',
      reason: 'the offline reading was not confident: no company named; no hook found',
    });
  });

  it("auto: the user's company and hook count, so a reading they complete needs no call", async () => {
    const engine = createFakeEngine({ name: 'openai', letters: [], ...modelReading });
    const analyzed = await analyzePosting(
      await examplePosting(vague),
      { engine, playbooks: await loadPlaybooks(), analysis: 'auto' },
      { company: 'Ledgerly', hook: 'the card fraud platform' },
    );
    expect(engine.calls).toEqual([]);
    expect(analyzed.source.by).toBe('offline');
    expect(analyzed.analysis.company).toBe('Ledgerly');
  });

  it('model: the model reads even a posting the offline reader is sure of', async () => {
    const engine = createFakeEngine({ name: 'openai', letters: [], ...modelReading });
    const analyzed = await analyzePosting(await examplePosting(confident), {
      engine,
      playbooks: await loadPlaybooks(),
      analysis: 'model',
    });
    expect(engine.calls.map((call) => call.stage)).toEqual(['analyze']);
    expect(analyzed.source).toEqual({ by: 'model', reason: '--analysis model' });
  });

  it('offline: no call even for a vague posting, and the offline reading is checked like any other', async () => {
    const engine = createFakeEngine({ name: 'openai', letters: [], ...modelReading });
    const analyzed = await analyzePosting(await examplePosting(vague), {
      engine,
      playbooks: await loadPlaybooks(),
      analysis: 'offline',
    });
    expect(engine.calls).toEqual([]);
    expect(analyzed.source).toEqual({ by: 'offline', reason: '--analysis offline' });
    expect(analyzed.analysis.company).toBeNull();
    expect(analyzed.usage.calls).toBe(0);
  });
});
