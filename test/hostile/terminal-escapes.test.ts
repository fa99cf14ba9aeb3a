import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../cli/run-lede.js';
import { cleanPosting, lede, validProfile } from './support/hostile.js';

/** A file name that clears the screen, sets the window title and breaks the line, if printed raw. */
const hostileName = 'job\u001b[2J\u001b]0;pwned\u0007\nfake heading.txt';
const shownName = 'job\\x1b[2J\\x1b]0;pwned\\x07\\x0afake heading.txt';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const rawControls = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function postingNamedHostile(): Promise<string> {
  const cwd = await temporaryFolder();
  await copyFile(cleanPosting, join(cwd, hostileName));
  return cwd;
}

describe('every file name lede prints is escaped: no terminal escape, no broken line', () => {
  it('draft: the report heading shows the name escaped, on one line', async () => {
    const cwd = await postingNamedHostile();
    const run = await lede(['draft', hostileName, '--profile', validProfile], { cwd });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(rawControls);
    // The letter goes to stdout, its report to stderr.
    expect(run.stderr).toMatch(new RegExp(`^# Report: .*${escapeRegex(shownName)}$`, 'm'));
  });

  it('classify: the name heading its block is escaped', async () => {
    const cwd = await postingNamedHostile();
    const run = await lede(['classify', hostileName], { cwd });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(rawControls);
    expect(run.stdout.split('\n')[0]?.endsWith(shownName)).toBe(true);
  });

  it('a posting that does not exist: the error names it escaped', async () => {
    const run = await lede(['draft', hostileName, '--profile', validProfile]);
    expect(run.stderr).not.toMatch(rawControls);
    expect(run.stderr).toMatch(new RegExp(`^error: .*${escapeRegex(shownName)} does not exist$`, 'm'));
  });
});
