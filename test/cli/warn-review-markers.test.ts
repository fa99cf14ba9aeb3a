import { describe, expect, it } from 'vitest';
import { warnReviewMarkers } from '../../src/cli/warn-review-markers.js';
import { parseProfile } from '../../src/profile/load-profile.js';

function captured(): {
  io: { stdout: (text: string) => void; stderr: (text: string) => void };
  err: string[];
} {
  const err: string[] = [];
  return { io: { stdout: () => undefined, stderr: (text) => err.push(text) }, err };
}

const fact = (id: string, review?: string) => ({
  id,
  did: 'moved the recommender to real-time serving',
  ...(review === undefined ? {} : { review }),
});

describe('warnReviewMarkers', () => {
  it('says nothing once every imported entry is checked', () => {
    const { io, err } = captured();
    warnReviewMarkers(
      parseProfile({ name: 'Dana', achievements: [fact('a')] }, 'me.yaml'),
      'me.yaml',
      io as never,
    );
    expect(err).toEqual([]);
  });

  it('names the count and the first entries still marked', () => {
    const { io, err } = captured();
    const profile = parseProfile({ name: 'Dana', achievements: [fact('a', 'check'), fact('b')] }, 'me.yaml');
    warnReviewMarkers(profile, 'me.yaml', io as never);
    expect(err).toEqual([
      'lede: warning: me.yaml has 1 imported entry not yet checked: achievements[0] (a). Check each against your resume, then delete its `review:` line.\n',
    ]);
  });
});
