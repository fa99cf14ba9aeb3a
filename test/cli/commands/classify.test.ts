import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeEngine } from '../../support/fake-engine.js';
import { harborlinePosting, orbitlyAnalysis, orbitlyPosting } from '../examples.js';
import { runLede, temporaryFolder } from '../run-lede.js';

const industry = { industry: 'tech', confidence: 0.875, signals: ['ml platform', 'kubernetes'] };
const engine = () => createFakeEngine({ industry, analysis: orbitlyAnalysis, letters: [''] });

describe('lede classify', () => {
  it('prints the industry, company, hook and tools of each posting', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['classify', orbitlyPosting], { cwd, engine: engine() });
    expect(run).toEqual({
      exitCode: 0,
      stderr: '',
      stdout: [
        orbitlyPosting,
        '  industry: tech (confidence 0.88; ml platform, kubernetes)',
        '  company:  Orbitly',
        `  hook:     ${orbitlyAnalysis.hook?.text}`,
        `  evidence: "${orbitlyAnalysis.hook?.evidence}"`,
        '  tools:    Kubernetes, Airflow, MLflow',
        '',
        '',
      ].join('\n'),
    });
  });

  it('prints one JSON object per posting, one per line, with --json', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['classify', orbitlyPosting, orbitlyPosting, '--json'], {
      cwd,
      engine: engine(),
    });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line))).toEqual(
      [1, 2].map(() => ({
        source: orbitlyPosting,
        ...industry,
        ...orbitlyAnalysis,
        usage: { calls: 0, promptTokens: 0, completionTokens: 0, cachedCalls: 0 },
      })),
    );
  });

  it('reports a bad posting and still classifies the others, then exits 2', async () => {
    const cwd = await temporaryFolder();
    await writeFile(join(cwd, 'short.txt'), 'ML engineer wanted.');
    const run = await runLede(['classify', 'short.txt', orbitlyPosting, '--json'], { cwd, engine: engine() });
    const [bad, good] = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect({
      exitCode: run.exitCode,
      bad: { source: bad.source, code: bad.error.code },
      good: good.company,
    }).toEqual({
      exitCode: 2,
      bad: { source: join(cwd, 'short.txt'), code: 'posting.too-short' },
      good: 'Orbitly',
    });
  });

  it('reports a missing posting on stderr in human mode', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['classify', 'gone.txt', harborlinePosting], { cwd, engine: engine() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      `error: the posting ${join(cwd, 'gone.txt')} does not exist\n  hint: check the path and its spelling\n`,
    );
    expect(run.stdout.split('\n')[0]).toBe(harborlinePosting);
  });

  it('says which engine --engine auto picked, on stderr', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['classify', orbitlyPosting, '--json'], { cwd });
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({
      exitCode: 0,
      stderr: 'lede: using the offline engine (no OPENAI_API_KEY or OPENAI_BASE_URL set)\n',
    });
    expect(JSON.parse(run.stdout)).toMatchObject({
      source: orbitlyPosting,
      industry: 'tech',
      company: 'Orbitly',
    });
  });

  it('says nothing about the engine when one is chosen explicitly', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['classify', orbitlyPosting, '--engine', 'offline'], { cwd });
    expect({ exitCode: run.exitCode, stderr: run.stderr }).toEqual({ exitCode: 0, stderr: '' });
  });
});
