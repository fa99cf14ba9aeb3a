import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LlmError } from '../../../src/errors.js';
import { createFakeEngine } from '../../support/fake-engine.js';
import { experiencedProfile, orbitlyAnalysis, orbitlyPosting, strongOrbitlyLetter } from '../examples.js';
import { runLede, temporaryFolder } from '../run-lede.js';

function orbitlyEngine() {
  return createFakeEngine({
    industry: { industry: 'tech', confidence: 0.9, signals: ['ml platform'] },
    analysis: orbitlyAnalysis,
    letters: [strongOrbitlyLetter],
    usedFactIds: ['realtime-serving', 'churn-model'],
  });
}

/** A postings folder: the Orbitly posting and one too short to read. */
async function postingsFolder(): Promise<string> {
  const cwd = await temporaryFolder();
  await mkdir(join(cwd, 'postings'));
  await copyFile(orbitlyPosting, join(cwd, 'postings', 'orbitly.md'));
  await writeFile(join(cwd, 'postings', 'short.txt'), 'ML engineer wanted.');
  return cwd;
}

const batch = [
  'batch',
  'postings',
  '--profile',
  experiencedProfile,
  '--out',
  'letters',
  '--concurrency',
  '1',
];

describe('lede batch writes review.html', () => {
  it('at the end of the run, with every posting, and says where it is', async () => {
    const cwd = await postingsFolder();
    const run = await runLede(batch, { cwd, engine: orbitlyEngine() });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain(`review them all in ${join(cwd, 'letters')}/review.html.`);
    const page = await readFile(join(cwd, 'letters', 'review.html'), 'utf8');
    expect(page).toContain('<a href="#p1">orbitly.md</a>');
    expect(page).toContain('<a href="#p2">short.txt</a>');
    expect(page).toContain('<span class="status bad-input">bad input</span>');
  });

  it('after a batch an error stopped, showing what exists', async () => {
    const cwd = await postingsFolder();
    const engine = orbitlyEngine();
    engine.readPosting = async () => {
      throw new LlmError('llm.quota', 'the account has no quota left (HTTP 429)', { status: 429 });
    };
    const run = await runLede(batch, { cwd, engine });
    expect(run.exitCode).toBe(3);
    const page = await readFile(join(cwd, 'letters', 'review.html'), 'utf8');
    expect(page).toContain('stopped by an error: the account has no quota left (HTTP 429)');
    expect(page).toContain('<span class="status error">error</span>');
  });
});

describe('lede review', () => {
  it("rebuilds review.html from the folder's files and prints its path", async () => {
    const cwd = await postingsFolder();
    await runLede(batch, { cwd, engine: orbitlyEngine() });
    const written = await readFile(join(cwd, 'letters', 'review.html'), 'utf8');
    await rm(join(cwd, 'letters', 'review.html'));

    const run = await runLede(['review', 'letters'], { cwd });
    expect(run).toEqual({ exitCode: 0, stdout: `${join(cwd, 'letters', 'review.html')}\n`, stderr: '' });
    expect(await readFile(join(cwd, 'letters', 'review.html'), 'utf8')).toBe(written);

    const json = await runLede(['review', 'letters', '--json'], { cwd });
    expect(JSON.parse(json.stdout)).toEqual({ written: join(cwd, 'letters', 'review.html') });
  });

  it('refuses a folder that is not a batch output, exit 2, naming it and what to pass', async () => {
    const cwd = await postingsFolder();
    const run = await runLede(['review', 'postings'], { cwd });
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        `error: ${join(cwd, 'postings')} is not the output folder of a lede batch (no summary.json or manifest.json in it)\n` +
        '  hint: pass the folder given to `lede batch --out` (it holds summary.json or manifest.json)\n',
    });
  });
});
