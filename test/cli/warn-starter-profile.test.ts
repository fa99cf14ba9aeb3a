import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterProfilePath } from '../../src/cli/commands/init.js';
import { createFakeEngine } from '../support/fake-engine.js';
import { experiencedProfile, orbitlyAnalysis, orbitlyPosting, strongOrbitlyLetter } from './examples.js';
import { runLede, temporaryFolder } from './run-lede.js';

function engine() {
  return createFakeEngine({
    industry: { industry: 'tech', confidence: 0.9, signals: ['ml platform'] },
    analysis: orbitlyAnalysis,
    letters: [strongOrbitlyLetter],
    usedFactIds: ['realtime-serving'],
  });
}

const warning =
  'lede: warning: me.yaml still holds the starter profile\'s example values (name "Alex Example", contact.email ' +
  '"alex@example.com", and 5 more); letters from it speak for them, not for you. Replace them with your own.';

/** A working folder holding a fresh `lede init` profile as me.yaml and the Orbitly posting in postings/. */
async function folderWithStarter(): Promise<string> {
  const cwd = await temporaryFolder();
  await copyFile(starterProfilePath(), join(cwd, 'me.yaml'));
  await mkdir(join(cwd, 'postings'));
  await copyFile(orbitlyPosting, join(cwd, 'postings', 'orbitly.md'));
  return cwd;
}

describe('drafting from the untouched starter profile', () => {
  it('lede draft warns first, on stderr, and still writes the letter', async () => {
    const cwd = await folderWithStarter();
    const run = await runLede(['draft', 'postings/orbitly.md', '--profile', 'me.yaml'], {
      cwd,
      engine: engine(),
      env: { LEDE_LETTERHEAD: 'false' },
    });
    expect(run.stderr.split('\n')[0]).toBe(warning);
    expect(run.stdout).toBe(`${strongOrbitlyLetter}\n`);
  });

  it('lede batch warns once before the run', async () => {
    const cwd = await folderWithStarter();
    const run = await runLede(['batch', 'postings', '--profile', 'me.yaml', '--out', 'letters', '--quiet'], {
      cwd,
      engine: engine(),
    });
    expect(run.stderr).toBe(`${warning}\n`);
  });

  it('says nothing for a profile of one’s own', async () => {
    const cwd = await folderWithStarter();
    const run = await runLede(['draft', 'postings/orbitly.md', '--profile', experiencedProfile], {
      cwd,
      engine: engine(),
    });
    expect(run.stderr).not.toContain('lede: warning');
  });
});
