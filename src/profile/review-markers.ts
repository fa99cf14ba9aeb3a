import type { Profile } from './profile-schema.js';

/** Where an imported entry still carries its `review` marker: `achievements[2]` and the entry's id. */
export interface ReviewMarker {
  readonly field: string;
  readonly id: string;
}

/** The entries of `profile` whose `review` marker is still there, achievements first; empty once all are checked. */
export function reviewMarkersIn(profile: Profile): readonly ReviewMarker[] {
  const marked = (
    list: readonly { id: string; review?: string | undefined }[],
    key: string,
  ): ReviewMarker[] =>
    list.flatMap((entry, index) =>
      entry.review === undefined ? [] : [{ field: `${key}[${index}]`, id: entry.id }],
    );
  return [...marked(profile.achievements, 'achievements'), ...marked(profile.projects, 'projects')];
}
