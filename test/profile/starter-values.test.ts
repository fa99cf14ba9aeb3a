import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package-root.js';
import { loadProfile, parseProfile } from '../../src/profile/load-profile.js';
import type { Profile } from '../../src/profile/profile-schema.js';
import { starterValuesIn } from '../../src/profile/starter-values.js';

let starter: Profile;
beforeAll(async () => {
  starter = await loadProfile(join(packageRoot(), 'templates', 'starter-profile.yaml'));
});

describe('starterValuesIn', () => {
  it("finds every example value of `lede init`'s starter profile, in profile order", () => {
    expect(starterValuesIn(starter, starter)).toEqual([
      { field: 'name', value: 'Alex Example' },
      { field: 'contact.email', value: 'alex@example.com' },
      { field: 'contact.location', value: 'Example City' },
      { field: 'contact.links[0]', value: 'github.com/alex-example' },
      { field: 'achievements[0].employer', value: 'Example Corp' },
      { field: 'projects[0].name', value: 'Example demand forecasting project' },
      { field: 'education[0].school', value: 'Example University' },
    ]);
  });

  it('finds nothing in a profile someone has made their own', async () => {
    const own = await loadProfile(join(packageRoot(), 'examples', 'profiles', 'experienced-mle.yaml'));
    expect(starterValuesIn(own, starter)).toEqual([]);
  });

  it('names only the fields still left, wherever the starter had the value', () => {
    const halfDone = parseProfile(
      {
        name: 'Priya Raman',
        contact: { email: 'priya@raman.dev', location: 'Leeds' },
        achievements: [
          { id: 'a', employer: 'Streamline', did: 'rebuilt the search ranking model' },
          { id: 'b', employer: 'example corp', did: 'built a forecast' },
        ],
        projects: [{ id: 'c', name: 'Example University', did: 'taught a course' }],
      },
      'half-done.yaml',
    );
    expect(starterValuesIn(halfDone, starter)).toEqual([
      { field: 'achievements[1].employer', value: 'example corp' },
      { field: 'projects[0].name', value: 'Example University' },
    ]);
  });

  it('leaves values that merely resemble the examples, and the shared defaults, alone', () => {
    const profile = parseProfile(
      {
        name: 'Ada Example',
        contact: { email: 'ada@example.com' },
        headline: 'machine learning engineer',
        skills: ['Python', 'SQL', 'Git'],
        achievements: [{ id: 'a', employer: 'Example Corp Ltd', did: 'rebuilt the search ranking model' }],
      },
      'p.yaml',
    );
    expect(starterValuesIn(profile, starter)).toEqual([]);
  });
});
