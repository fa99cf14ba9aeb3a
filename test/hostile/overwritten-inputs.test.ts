import { copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ExitCode } from '../../src/cli/exit-code.js';
import { temporaryFolder } from '../cli/run-lede.js';
import { cleanPosting, lede, validProfile } from './support/hostile.js';

/** A folder holding a copy of the posting and the profile, so a faulty run could only harm copies. */
async function inputs(profileName = 'me.yaml') {
  const cwd = await temporaryFolder();
  await copyFile(cleanPosting, join(cwd, 'p.md'));
  await copyFile(validProfile, join(cwd, profileName));
  return { cwd, posting: join(cwd, 'p.md'), profile: join(cwd, profileName) };
}

async function snapshot(paths: readonly string[]): Promise<string[]> {
  return Promise.all(paths.map((path) => readFile(path, 'utf8')));
}

describe('draft --out never writes over its own inputs', () => {
  it.each([
    ['the profile', 'me.yaml', 'the profile'],
    ['the posting', 'p.md', 'the posting'],
    ['the profile by another spelling', './sub/../me.yaml', 'the profile'],
  ])('--out naming %s is refused before any work, and nothing changes', async (_case, out, role) => {
    const { cwd, posting, profile } = await inputs();
    await mkdir(join(cwd, 'sub'));
    const before = await snapshot([posting, profile]);
    const run = await lede(['draft', 'p.md', '--profile', 'me.yaml', '--out', out], { cwd });
    expect({
      exitCode: run.exitCode,
      unchanged: (await snapshot([posting, profile])).every((text, index) => text === before[index]),
    }).toEqual({ exitCode: ExitCode.badInput, unchanged: true });
    expect(run.stderr).toContain(`--out would write over ${role}`);
  });

  it('a link to the profile is the profile', async () => {
    const { cwd, posting, profile } = await inputs();
    await symlink(profile, join(cwd, 'letter.md'));
    const before = await snapshot([posting, profile]);
    const run = await lede(['draft', 'p.md', '--profile', 'me.yaml', '--out', 'letter.md'], { cwd });
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(await snapshot([posting, profile])).toEqual(before);
  });

  it('a report path that is the profile is refused too (me.report.json beside --out me.md)', async () => {
    const { cwd, posting, profile } = await inputs('me.report.json');
    // The same valid profile, as JSON.
    await writeFile(profile, JSON.stringify(parse(await readFile(validProfile, 'utf8'))));
    const before = await snapshot([posting, profile]);
    const run = await lede(['draft', 'p.md', '--profile', 'me.report.json', '--out', 'me.md'], { cwd });
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(run.stderr).toContain('--out would write over the profile');
    expect(await snapshot([posting, profile])).toEqual(before);
  });

  it('the config file is an input', async () => {
    const { cwd } = await inputs();
    await writeFile(join(cwd, 'lede.config.yaml'), 'maxWords: 300\n');
    const run = await lede(['draft', 'p.md', '--profile', 'me.yaml', '--out', 'lede.config.yaml'], { cwd });
    expect(run.exitCode).toBe(ExitCode.badInput);
    expect(run.stderr).toContain('--out would write over the config file');
    expect(await readFile(join(cwd, 'lede.config.yaml'), 'utf8')).toBe('maxWords: 300\n');
  });

  it('a new file beside the inputs is written as before', async () => {
    const { cwd } = await inputs();
    const run = await lede(['draft', 'p.md', '--profile', 'me.yaml', '--out', 'letter.md'], { cwd });
    expect(run.exitCode).toBe(ExitCode.ok);
    expect(await readFile(join(cwd, 'letter.md'), 'utf8')).toContain('Sam Okafor');
  });
});
