import { loadProfile } from '../profile/load-profile.js';
import type { Profile } from '../profile/profile-schema.js';
import { starterValuesIn } from '../profile/starter-values.js';
import type { CliIo } from './cli-context.js';
import { starterProfilePath } from './starter-profile-path.js';

/** How many example values the warning names before it says "and N more". */
const shown = 2;

/**
 * Warns on stderr when the profile still holds `lede init`'s example values: a letter from it would speak for
 * "Alex Example" at "Example Corp", and nothing else would say so. A warning, not a refusal, so the starter can be
 * tried as it is.
 */
export async function warnStarterProfile(
  profile: Profile,
  profileArgument: string,
  io: CliIo,
): Promise<void> {
  const found = starterValuesIn(profile, await loadProfile(starterProfilePath()));
  if (found.length === 0) return;
  const named = found.slice(0, shown).map((entry) => `${entry.field} "${entry.value}"`);
  const more = found.length > shown ? `, and ${found.length - shown} more` : '';
  io.stderr(
    `lede: warning: ${profileArgument} still holds the starter profile's example values (${named.join(', ')}${more}); ` +
      'letters from it speak for them, not for you. Replace them with your own.\n',
  );
}
