import type { Profile } from '../profile/profile-schema.js';
import { reviewMarkersIn } from '../profile/review-markers.js';
import type { CliIo } from './cli-context.js';

/** How many marked entries the warning names before it says "and N more". */
const shown = 3;

/**
 * Warns on stderr while entries imported by `lede init --from` still carry their `review` marker: the importer copies
 * lines, it cannot know which are the person's own best facts, so a letter from an unchecked entry deserves a warning.
 */
export function warnReviewMarkers(profile: Profile, profileArgument: string, io: CliIo): void {
  const markers = reviewMarkersIn(profile);
  if (markers.length === 0) return;
  const named = markers.slice(0, shown).map((marker) => `${marker.field} (${marker.id})`);
  const more = markers.length > shown ? `, and ${markers.length - shown} more` : '';
  io.stderr(
    `lede: warning: ${profileArgument} has ${markers.length} imported ${markers.length === 1 ? 'entry' : 'entries'} not yet checked: ` +
      `${named.join(', ')}${more}. Check each against your resume, then delete its \`review:\` line.\n`,
  );
}
