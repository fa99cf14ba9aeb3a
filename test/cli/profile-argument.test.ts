import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeEngine } from '../support/fake-engine.js';
import { experiencedProfile, orbitlyAnalysis, orbitlyPosting, strongOrbitlyLetter } from './examples.js';
import { runLede, temporaryFolder } from './run-lede.js';

function engine() {
  return createFakeEngine({
    industry: { industry: 'tech', confidence: 0.9, signals: ['ml platform'] },
    analysis: orbitlyAnalysis,
    letters: [strongOrbitlyLetter],
    usedFactIds: ['realtime-serving', 'churn-model'],
  });
}

/** A working folder with the posting in postings/, the profile as me.yaml and, optionally, a config file. */
async function workingFolder(config?: string): Promise<string> {
  const cwd = await temporaryFolder();
  await mkdir(join(cwd, 'postings'));
  await copyFile(orbitlyPosting, join(cwd, 'postings', 'orbitly.md'));
  await copyFile(experiencedProfile, join(cwd, 'me.yaml'));
  if (config !== undefined) await writeFile(join(cwd, 'lede.config.yaml'), config);
  return cwd;
}

describe('the profile set once, and the batch output folder by default', () => {
  it('lede draft takes the profile (and the letterhead setting) from lede.config.yaml when --profile is left out', async () => {
    const cwd = await workingFolder('profile: me.yaml\nletterhead: false\n');
    const run = await runLede(['draft', 'postings/orbitly.md'], { cwd, engine: engine() });
    expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({
      exitCode: 0,
      stdout: `${strongOrbitlyLetter}\n`,
    });
  });

  it('lede draft takes it from LEDE_PROFILE too, and --profile beats both', async () => {
    const cwd = await workingFolder('profile: nowhere.yaml\n');
    const fromEnv = await runLede(['draft', 'postings/orbitly.md'], {
      cwd,
      engine: engine(),
      env: { LEDE_PROFILE: 'me.yaml' },
    });
    const fromFlag = await runLede(['draft', 'postings/orbitly.md', '--profile', 'me.yaml'], {
      cwd,
      engine: engine(),
      env: { LEDE_PROFILE: 'gone.yaml' },
    });
    expect([fromEnv.exitCode, fromFlag.exitCode]).toEqual([0, 0]);
  });

  it('without any profile, says how to give one (exit 2)', async () => {
    const cwd = await workingFolder();
    const run = await runLede(['draft', 'postings/orbitly.md'], { cwd, engine: engine() });
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'error: no profile: lede writes letters from your profile\n' +
        '  hint: pass --profile me.yaml (`lede init` writes a starter), or set it once: profile: me.yaml in ' +
        'lede.config.yaml, or LEDE_PROFILE=me.yaml\n',
    });
  });

  it('lede batch takes the profile from the config file and writes to letters/ without --out', async () => {
    const cwd = await workingFolder('profile: me.yaml\n');
    const run = await runLede(['batch', 'postings', '--quiet'], { cwd, engine: engine() });
    expect(run.exitCode).toBe(0);
    const written = await readdir(join(cwd, 'letters'));
    expect(written.filter((name) => name.endsWith('.letter.md'))).toHaveLength(1);
    expect(written).toContain('summary.json');
  });
});
