import type { Phrase, Playbook } from '../../playbooks/playbook-schema.js';
import type { Profile } from '../../profile/profile-schema.js';
import { type ProfileFact, profileFacts } from '../../profile/profile-schema.js';
import { memoWeak } from '../../text/memo.js';
import { pick } from '../../text/stable-hash.js';
import { containsTerm } from '../../text/vocabulary-matcher.js';
import { factText } from './select-facts.js';

/** What decides whether a phrase is true of this candidate and fits this posting. */
export interface PhraseContext {
  readonly playbook: Playbook;
  readonly profile: Profile;
  readonly postingText: string;
}

/** The phrase's sentence, whatever its form. */
export function phraseText(phrase: Phrase): string {
  return typeof phrase === 'string' ? phrase : phrase.text;
}

// Everything the profile's facts say, once per profile: a phrase's `needs` is looked up in it.
const profileText = memoWeak((profile: Profile) =>
  profileFacts(profile)
    .map((fact: ProfileFact) => factText(fact))
    .join(' \n '),
);

/** True when the phrase claims only what a profile fact shows and talks only about what the posting does. */
export function phraseHolds(phrase: Phrase, context: PhraseContext): boolean {
  if (typeof phrase === 'string') return true;
  if (phrase.needs !== undefined) {
    const terms = context.playbook.vocabulary[phrase.needs] ?? [];
    const text = profileText(context.profile);
    if (!terms.some((term) => containsTerm(text, term))) return false;
  }
  if (phrase.fits !== undefined && !phrase.fits.some((term) => containsTerm(context.postingText, term)))
    return false;
  return true;
}

/**
 * One of the phrases that hold, chosen by a stable hash of `seed` (the same posting gets the same sentence), or
 * undefined for an empty list. A sentence whose conditions hold says something about this candidate or posting, so it
 * is twice as likely as a plain one; plain ones stay in the draw so letters do not all end alike. A playbook's required
 * lists always hold a plain sentence, so one always remains.
 */
export function choosePhrase(
  phrases: readonly Phrase[],
  context: PhraseContext,
  seed: string,
  salt: string,
): string | undefined {
  const holding = phrases.filter((phrase) => phraseHolds(phrase, context));
  const specific = holding.filter((phrase) => typeof phrase !== 'string');
  const chosen = pick([...holding, ...specific], seed, salt);
  return chosen === undefined ? undefined : phraseText(chosen);
}
