import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';

let folder: string;
beforeEach(async () => {
  folder = await newTemporaryFolder('profile');
});

async function write(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

async function failure(path: string): Promise<InputError> {
  const error = await loadProfile(path).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const minimal = `name: Ada Example
achievements:
  - id: one
    employer: Acme
    did: built the fraud model
    result: cut chargebacks by 12%
    tools: [XGBoost]
`;

describe('loadProfile', () => {
  it('reads a YAML profile and fills defaults', async () => {
    const profile = await loadProfile(await write('p.yaml', minimal));
    expect(profile).toEqual({
      name: 'Ada Example',
      contact: { links: [] },
      level: 'experienced',
      achievements: [
        {
          id: 'one',
          employer: 'Acme',
          did: 'built the fraud model',
          result: 'cut chargebacks by 12%',
          metrics: [],
          tools: ['XGBoost'],
          methods: [],
          tags: [],
          production: false,
        },
      ],
      projects: [],
      skills: [],
      education: [],
      certifications: [],
      awards: [],
      comparableTools: {},
    });
  });

  it('reads the same profile as JSON', async () => {
    const path = await write(
      'p.json',
      JSON.stringify({
        name: 'Ada',
        achievements: [{ id: 'a', did: 'built a thing', result: 'saved 3 hours' }],
      }),
    );
    expect((await loadProfile(path)).achievements[0]?.result).toBe('saved 3 hours');
  });

  it('names the file and line of a YAML syntax error', async () => {
    const path = await write('broken.yaml', 'name: Ada\nachievements:\n  - id: [unclosed\n');
    const error = await failure(path);
    expect(error.code).toBe('profile.syntax');
    expect(error.message).toMatch(/^.*broken\.yaml:\d+: invalid YAML/);
    expect(error.line).toBeGreaterThan(0);
  });

  it('names the field and the type it expected', async () => {
    const path = await write('typed.yaml', `${minimal}    metrics: 12\n`);
    const error = await failure(path);
    expect(error.code).toBe('profile.invalid');
    expect(error.field).toBe('achievements[0].metrics');
    expect(error.message).toContain('achievements[0].metrics must be a list (got a number)');
  });

  it('suggests the key that was probably meant for a typo', async () => {
    const error = await failure(await write('typo.yaml', `${minimal}skils: [Python]\n`));
    expect(error.message).toContain('unknown key "skils" (did you mean "skills"?) at the top level');
  });

  it('reports a missing required field', async () => {
    const error = await failure(await write('noname.yaml', 'achievements: []\n'));
    expect(error.message).toContain('name is required');
  });

  it('refuses duplicate achievement ids, naming both places', async () => {
    const path = await write(
      'dup.yaml',
      'name: Ada\nachievements:\n  - { id: a, did: x }\nprojects:\n  - { id: a, name: P, did: y }\n',
    );
    const error = await failure(path);
    expect(error.message).toContain('id "a" is already used at achievements.0');
    expect(error.field).toBe('projects[0].id');
  });

  it('refuses a profile with nothing to cite', async () => {
    const error = await failure(await write('empty-facts.yaml', 'name: Ada\n'));
    expect(error.message).toContain('no achievements or projects');
  });

  it('refuses an empty file and a missing file with a hint', async () => {
    expect((await failure(await write('empty.yaml', '  \n'))).code).toBe('profile.empty');
    const missing = await failure(join(folder, 'nope.yaml'));
    expect(missing.code).toBe('profile.not-found');
    expect(missing.hint).toBe('check the path and its spelling');
  });

  it('loads the bundled example profiles', async () => {
    const profile = await loadProfile('examples/profiles/experienced-mle.yaml');
    expect(profile.name).toBe('Priya Raman');
    expect(profile.achievements.map((achievement) => achievement.id)).toContain('realtime-serving');
  });
});
