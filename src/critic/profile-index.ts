import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { candidateTools } from '../profile/candidate-tools.js';
import { type Profile, type ProfileFact, profileFacts } from '../profile/profile-schema.js';
import { profileText, profileTools } from '../profile/profile-text.js';
import { memoPair } from '../text/memo.js';
import { tokenize } from '../text/tokenize.js';
import { type TermMatcher, termMatcher } from '../text/vocabulary-matcher.js';
import { hasPhrase, wordsOf } from '../text/whole-words.js';
import { mentionsMachineLearning } from './find-claims.js';
import { findQuantities, quantityKey } from './find-quantities.js';

/** What the rules look up in a profile, computed once per profile. */
export interface ProfileIndex {
  /** profileText(): everything the profile says, lowercase. */
  readonly text: string;
  /** The same, as lowercase words joined by single spaces with a space at each end, for whole-word lookups. */
  readonly words: string;
  /** Keys (quantityKey) of every number the profile states. */
  readonly quantities: ReadonlySet<string>;
  /** The profile's tools, methods and skills as written (profileTools()). */
  readonly tools: readonly string[];
  /** Finds the profile's tools, methods and skills (and the aliases common.yaml knows for them) in a letter. */
  readonly toolMatcher: TermMatcher;
  /** The names of common.yaml tools the profile mentions anywhere. */
  readonly knownTools: ReadonlySet<string>;
  /** The facts with a number in their result, metrics or description, best first (achievements, then projects). */
  readonly quantifiedFacts: readonly ProfileFact[];
  /** True when a fact that ran in production was machine learning work. */
  readonly hasProductionMachineLearning: boolean;
  readonly employers: readonly string[];
  /** The profile's email and links (normalizeContact) and phone number (digits): the contact details a letter may carry. */
  readonly contacts: { readonly texts: readonly string[]; readonly phones: readonly string[] };
}

/** A contact detail as compared: lowercase, without a scheme, "www." or trailing slashes and dots. */
export function normalizeContact(text: string): string {
  return text
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/.]+$/, '');
}

function factText(fact: ProfileFact): string {
  return [fact.did, fact.result ?? '', ...fact.metrics, ...fact.tools, ...fact.methods, ...fact.tags].join(
    ' ',
  );
}

function build(profile: Profile, common: CommonVocabulary): ProfileIndex {
  const text = profileText(profile);
  const words = wordsOf(text);
  const quantities = new Set<string>();
  for (const quantity of findQuantities(text))
    if (quantity.kind !== 'spelled') quantities.add(quantityKey(quantity));
  const tools = profileTools(profile);
  // A profile tool also matches under the aliases common.yaml lists for it ("Weights & Biases" finds "W&B").
  const names = new Set(tools);
  for (const tool of common.tools) {
    const spellings = [tool.name, ...tool.aliases];
    if (spellings.some((spelling) => tools.some((owned) => owned.toLowerCase() === spelling.toLowerCase()))) {
      for (const spelling of spellings) names.add(spelling);
    }
  }
  const facts = profileFacts(profile);
  const { email, phone, links } = profile.contact;
  const quantifiedFacts = facts.filter((fact) =>
    /\d/.test([fact.result ?? '', ...fact.metrics, fact.did].join(' ')),
  );
  return {
    text,
    words,
    quantities,
    tools,
    toolMatcher: termMatcher([...names]),
    knownTools: candidateTools(profile, common).known,
    quantifiedFacts,
    hasProductionMachineLearning: facts.some(
      (fact) => fact.production && mentionsMachineLearning(factText(fact)),
    ),
    employers: [...new Set(facts.flatMap((fact) => (fact.employer === undefined ? [] : [fact.employer])))],
    contacts: {
      texts: [email ?? '', ...links].filter((value) => value !== '').map(normalizeContact),
      phones: phone === undefined ? [] : [phone.replace(/\D/g, '')],
    },
  };
}

/** The index of a profile, built once per profile and vocabulary object. */
export const profileIndex: (profile: Profile, common: CommonVocabulary) => ProfileIndex = memoPair(build);

/** "cut inference latency by 40% ... at Streamline": the profile's strongest result, for a message's example. */
export function resultExample(fact: ProfileFact): string {
  const outcome = fact.result ?? fact.did;
  return fact.employer === undefined ? outcome : `${outcome} at ${fact.employer}`;
}

/**
 * The first profile fact whose result or metrics hold a number in the terms of `terms` ("latency", "margin"): the
 * example a message can point to, so it never suggests a figure the candidate does not have.
 */
export function quantifiedFactIn(profile: Profile, terms: readonly string[]): ProfileFact | undefined {
  const matcher = termMatcher(terms);
  return profileFacts(profile).find((fact) => {
    const text = `${fact.result ?? ''} ${fact.metrics.join(' ')}`;
    return /\d/.test(text) && matcher.find(text, tokenize(text)).length > 0;
  });
}

/** The terms of a word list that the profile mentions, in the list's order (for a message's example). */
export function profileTermsIn(index: ProfileIndex, terms: readonly string[]): string[] {
  return terms.filter((term) => hasPhrase(index.words, term));
}
