import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import { type Profile, type ProfileFact, profileFacts } from '../profile/profile-schema.js';
import { profileText, profileTools } from '../profile/profile-text.js';
import { memoPair } from '../text/memo.js';
import { type Token, tokenize } from '../text/tokenize.js';
import { anyCaseToolMatcher, type TermMatcher, termMatcher } from '../text/vocabulary-matcher.js';
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
}

/** Lowercase words joined by single spaces, padded: `includes(' real time ')` is a whole-word lookup. */
export function wordsOf(text: string): string {
  return wordsOfTokens(tokenize(text));
}

/** wordsOf() for a text already tokenized. */
export function wordsOfTokens(tokens: readonly Token[]): string {
  return ` ${tokens.map((token) => token.lower).join(' ')} `;
}

const phraseCache = new Map<string, string>();

/** Whether `phrase` occurs as whole words in a text prepared by wordsOf(). */
export function hasPhrase(words: string, phrase: string): boolean {
  let needle = phraseCache.get(phrase);
  if (needle === undefined) {
    // Phrases are names (companies, tools, employers): few, and met again and again across a batch.
    if (phraseCache.size > 10_000) phraseCache.clear();
    needle = wordsOf(phrase);
    phraseCache.set(phrase, needle);
  }
  return needle.trim() !== '' && words.includes(needle);
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
  // Longest match first over everything the profile says: "TensorFlow Serving" is not a claim to TensorFlow.
  const knownTools = new Set(
    anyCaseToolMatcher(common.tools)
      .find(text, tokenize(text))
      .map((match) => match.term),
  );
  const facts = profileFacts(profile);
  const quantifiedFacts = facts.filter((fact) =>
    /\d/.test([fact.result ?? '', ...fact.metrics, fact.did].join(' ')),
  );
  return {
    text,
    words,
    quantities,
    tools,
    toolMatcher: termMatcher([...names]),
    knownTools,
    quantifiedFacts,
    hasProductionMachineLearning: facts.some(
      (fact) => fact.production && mentionsMachineLearning(factText(fact)),
    ),
    employers: [...new Set(facts.flatMap((fact) => (fact.employer === undefined ? [] : [fact.employer])))],
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

const canonicalCache = new WeakMap<CommonVocabulary['tools'], Map<string, string>>();

/** common.yaml's name for a tool written any way it knows ("k8s" -> "Kubernetes"); the input when it knows none. */
export function canonicalTool(name: string, common: CommonVocabulary): string {
  let names = canonicalCache.get(common.tools);
  if (names === undefined) {
    names = new Map();
    for (const tool of common.tools) {
      for (const spelling of [tool.name, ...tool.aliases]) names.set(spelling.toLowerCase(), tool.name);
    }
    canonicalCache.set(common.tools, names);
  }
  return names.get(name.trim().toLowerCase()) ?? name.trim();
}

/** Whether the profile mentions a tool anywhere, under its name or an alias (any tool, known to common.yaml or not). */
export function profileHasTool(index: ProfileIndex, name: string, common: CommonVocabulary): boolean {
  const canonical = canonicalTool(name, common);
  if (canonicalCache.get(common.tools)?.has(canonical.toLowerCase()) === true)
    return index.knownTools.has(canonical);
  return hasPhrase(index.words, name);
}

/**
 * The tool the candidate knows that stands in for one they lack: the profile's own `comparableTools` first, else the
 * first of common.yaml's comparable tools that the profile mentions, else a tool the profile holds that common.yaml
 * lists the missing one as comparable to (doing the same job is symmetric). Null when there is none.
 */
export function comparableTool(name: string, profile: Profile, common: CommonVocabulary): string | null {
  const canonical = canonicalTool(name, common);
  for (const [tool, comparable] of Object.entries(profile.comparableTools)) {
    if (canonicalTool(tool, common) === canonical) return comparable;
  }
  const index = profileIndex(profile, common);
  const holds = (tool: string) => profileHasTool(index, tool, common);
  const builtIn = Object.entries(common.comparableTools).find(
    ([tool]) => canonicalTool(tool, common) === canonical,
  )?.[1];
  const forward = builtIn?.find(holds);
  if (forward !== undefined) return forward;
  for (const [known, similar] of Object.entries(common.comparableTools)) {
    if (holds(known) && similar.some((tool) => canonicalTool(tool, common) === canonical)) return known;
  }
  return null;
}

/** The terms of a word list that the profile mentions, in the list's order (for a message's example). */
export function profileTermsIn(index: ProfileIndex, terms: readonly string[]): string[] {
  return terms.filter((term) => hasPhrase(index.words, term));
}
