import { describe, expect, it } from 'vitest';
import { parseProfile } from '../../src/profile/load-profile.js';
import { reviewMarkersIn } from '../../src/profile/review-markers.js';

const fact = { did: 'moved the recommender to real-time serving' };

describe('review markers', () => {
  it('a profile without any loads as before (the field is optional)', () => {
    const profile = parseProfile({ name: 'Priya', achievements: [{ id: 'a', ...fact }] }, 'me.yaml');
    expect(reviewMarkersIn(profile)).toEqual([]);
  });

  it('lists every entry still marked, achievements then projects', () => {
    const profile = parseProfile(
      {
        name: 'Priya',
        achievements: [
          { id: 'a', ...fact, review: 'check this' },
          { id: 'b', ...fact },
        ],
        projects: [{ id: 'c', name: 'Capstone', ...fact, review: 'check this' }],
      },
      'me.yaml',
    );
    expect(reviewMarkersIn(profile)).toEqual([
      { field: 'achievements[0]', id: 'a' },
      { field: 'projects[0]', id: 'c' },
    ]);
  });
});
