import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterProfilePath } from '../../../src/cli/commands/init.js';
import { loadProfile } from '../../../src/profile/load-profile.js';
import { runLede, temporaryFolder } from '../run-lede.js';

describe('lede init', () => {
  it('writes the commented starter profile, which validates as it is', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['init'], { cwd });
    expect(run).toEqual({
      exitCode: 0,
      stdout:
        'wrote profile.yaml: replace the example values with your own, then run\n' +
        '  lede draft <posting> --profile profile.yaml\n',
      stderr: '',
    });
    const written = await readFile(join(cwd, 'profile.yaml'), 'utf8');
    expect(written).toBe(await readFile(starterProfilePath(), 'utf8'));
    const profile = await loadProfile(join(cwd, 'profile.yaml'));
    expect({
      name: profile.name,
      level: profile.level,
      achievements: profile.achievements.map((fact) => fact.id),
      projects: profile.projects.map((fact) => fact.id),
    }).toEqual({
      name: 'Alex Example',
      level: 'experienced',
      achievements: ['example-ranking-model'],
      projects: ['example-forecasting-project'],
    });
  });

  it('writes to --out, creating folders, and prints the path with --json', async () => {
    const cwd = await temporaryFolder();
    const run = await runLede(['init', '--out', 'me/profile.yaml', '--json'], { cwd });
    expect(JSON.parse(run.stdout)).toEqual({ written: join(cwd, 'me/profile.yaml') });
    await expect(loadProfile(join(cwd, 'me/profile.yaml'))).resolves.toMatchObject({ name: 'Alex Example' });
  });

  it('refuses to overwrite a file without --force, exit 2, and leaves it alone', async () => {
    const cwd = await temporaryFolder();
    await writeFile(join(cwd, 'profile.yaml'), 'name: Mine\n');
    const run = await runLede(['init'], { cwd });
    expect(run).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'error: profile.yaml already exists; lede init will not overwrite it\n' +
        '  hint: pass --force to overwrite it, or --out <file> to write somewhere else\n',
    });
    expect(await readFile(join(cwd, 'profile.yaml'), 'utf8')).toBe('name: Mine\n');
  });

  it('overwrites with --force', async () => {
    const cwd = await temporaryFolder();
    await writeFile(join(cwd, 'profile.yaml'), 'name: Mine\n');
    const run = await runLede(['init', '--force'], { cwd });
    expect(run.exitCode).toBe(0);
    expect(await readFile(join(cwd, 'profile.yaml'), 'utf8')).toBe(
      await readFile(starterProfilePath(), 'utf8'),
    );
  });
});
