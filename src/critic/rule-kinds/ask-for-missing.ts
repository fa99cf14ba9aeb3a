import type {
  MentionsDeclaration,
  ProfileExample,
  QuantifiesDeclaration,
} from '../../playbooks/rule-declaration-schema.js';
import { type Profile, profileFacts } from '../../profile/profile-schema.js';
import { tokenize } from '../../text/tokenize.js';
import { termMatcher } from '../../text/vocabulary-matcher.js';
import type { Evidence, Finding } from '../finding.js';
import { profileIndex, profileTermsIn, quantifiedFactIn, resultExample } from '../profile-index.js';
import type { CriticContext } from '../rule.js';
import { excerpt } from '../spans.js';
import { fillSlots } from './fill-slots.js';

const joiners = { or: ' or ', and: ' and ', comma: ', ' } as const;

/** The example the profile gives for a rule's terms, or null when it holds nothing to cite. */
function exampleFromProfile(
  source: ProfileExample,
  terms: readonly string[],
  profile: Profile,
  context: CriticContext,
): string | null {
  if (source.source === 'terms') {
    const owned = profileTermsIn(profileIndex(profile, context.common), terms);
    if (owned.length === 0) return null;
    return fillSlots(source.example, { terms: owned.slice(0, source.count).join(joiners[source.join]) });
  }
  if (source.source === 'fact') {
    const matcher = termMatcher(terms);
    const fact = profileFacts(profile).find(
      (candidate) => matcher.find(candidate.did, tokenize(candidate.did)).length > 0,
    );
    return fact === undefined ? null : fillSlots(source.example, { fact: excerpt(fact.did, 100) });
  }
  const fact = quantifiedFactIn(profile, terms);
  return fact === undefined ? null : fillSlots(source.example, { fact: excerpt(resultExample(fact), 100) });
}

/**
 * The one finding of a rule that asks for something the letter lacks: its message with an example from the profile
 * when the profile has one, the rule's own example when there is no profile, and what `whenProfileLacks` says when
 * the profile holds nothing to cite (lede never suggests a claim the candidate cannot back).
 */
export function askForMissing(
  declaration: MentionsDeclaration | QuantifiesDeclaration,
  terms: readonly string[],
  context: CriticContext,
  evidence: Evidence | null,
): Finding {
  const { profile } = context;
  const fromProfile =
    profile === null || declaration.fromProfile === undefined
      ? null
      : exampleFromProfile(declaration.fromProfile, terms, profile, context);
  const lacks = profile !== null && fromProfile === null ? declaration.whenProfileLacks : undefined;
  const example = fromProfile ?? lacks?.example ?? declaration.example;
  return {
    ruleId: declaration.id,
    severity: declaration.severity,
    message: lacks?.message ?? fillSlots(declaration.message, { example }),
    evidence,
    ...(lacks?.needsProfile === true ? { needsProfile: true } : {}),
  };
}
