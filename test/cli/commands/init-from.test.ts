import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../../src/profile/load-profile.js';
import { runLede, temporaryFolder } from '../run-lede.js';

const resume = new URL('../../fixtures/resumes/dana-okafor.md', import.meta.url);

async function folderWithResume(): Promise<string> {
  const cwd = await temporaryFolder();
  await copyFile(resume, join(cwd, 'resume.md'));
  return cwd;
}

describe('lede init --from', () => {
  it('drafts a profile from the resume that lede loads, every entry marked for review', async () => {
    const cwd = await folderWithResume();
    const run = await runLede(['init', '--from', 'resume.md', '--out', 'me.yaml'], { cwd });
    expect(run).toEqual({
      exitCode: 0,
      stdout:
        'wrote me.yaml: 5 entries from resume.md, each marked `review:` (2 lines it could not place are listed at the end).\n' +
        'Check every entry against your resume and delete its review line, then run\n' +
        '  lede draft <posting> --profile me.yaml\n',
      stderr: '',
    });
    const profile = await loadProfile(join(cwd, 'me.yaml'));
    expect(profile.name).toBe('Dana Okafor');
    expect(profile.achievements.filter((fact) => fact.review === undefined)).toEqual([]);
  });

  it('refuses to overwrite an existing profile without --force, and leaves it alone', async () => {
    const cwd = await folderWithResume();
    await writeFile(join(cwd, 'me.yaml'), 'name: Mine\n');
    const run = await runLede(['init', '--from', 'resume.md', '--out', 'me.yaml'], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('me.yaml already exists; lede init will not overwrite it');
    expect(await readFile(join(cwd, 'me.yaml'), 'utf8')).toBe('name: Mine\n');
    const forced = await runLede(['init', '--from', 'resume.md', '--out', 'me.yaml', '--force'], { cwd });
    expect(forced.exitCode).toBe(0);
  });

  it('says so, naming the file, when the resume has no achievement lines', async () => {
    const cwd = await temporaryFolder();
    await writeFile(join(cwd, 'resume.txt'), 'Dana Okafor\n\nInterests\n\nChess and fell running.\n');
    const run = await runLede(['init', '--from', 'resume.txt'], { cwd });
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'error: resume.txt: lede found no achievement lines to import\n' +
        '  hint: lede reads the bullets under a heading such as "Experience" or "Projects"; run `lede init` for a starter profile to fill in by hand\n',
    });
  });

  it.each([
    ['blank.pdf', 'is a PDF with no text in it', 'OCR'],
    ['harbor-finch-password.pdf', 'password-protected PDF', ''],
  ])('refuses %s, naming the file and what to do, and writes nothing', async (name, says, hint) => {
    const cwd = await temporaryFolder();
    await copyFile(new URL(`../../fixtures/documents/${name}`, import.meta.url), join(cwd, name));
    const run = await runLede(['init', '--from', name], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(name);
    expect(run.stderr).toContain(says);
    expect(run.stderr).toContain(hint);
    await expect(readFile(join(cwd, 'profile.yaml'), 'utf8')).rejects.toThrow();
  });

  it('names a missing resume', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['init', '--from', 'nowhere.pdf'], { cwd });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('nowhere.pdf');
  });

  it('lede check warns while imported entries are unchecked, with the count and where', async () => {
    const cwd = await folderWithResume();
    await runLede(['init', '--from', 'resume.md', '--out', 'me.yaml'], { cwd });
    await writeFile(
      join(cwd, 'letter.md'),
      'Dear team,\n\nI rebuilt a forecasting service.\n\nBest,\nDana Okafor\n',
    );
    const run = await runLede(['check', 'letter.md', '--profile', 'me.yaml'], { cwd });
    expect(run.stderr.split('\n')[0]).toBe(
      'lede: warning: me.yaml has 5 imported entries not yet checked: achievements[0] (brightfield-analytics-1), ' +
        'achievements[1] (brightfield-analytics-2), achievements[2] (brightfield-analytics-3), and 2 more. ' +
        'Check each against your resume, then delete its `review:` line.',
    );
  });
});
