import { stemmer } from 'stemmer';
import { significantWords } from '../critic/significant-words.js';
import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import type { PostingAnalysis } from '../posting/posting-analysis.js';
import { readPostingStructure } from '../posting/posting-sections.js';
import { type Profile, type ProfileFact, profileFacts } from '../profile/profile-schema.js';
import { memoOn, memoRecent, memoWeak } from '../text/memo.js';

/** How well one profile fact answers the posting, and the posting's words it shares, most telling first. */
export interface FactRelevance {
  readonly factId: string;
  readonly score: number;
  /** The posting's own words (a word or a two-word phrase) that the fact also holds, best first, at most four. */
  readonly matched: readonly string[];
}

/** What the posting asks for: the sentences that describe the job, the hook's words, the tools it names. */
export interface RelevanceQuery {
  /** The posting's sentences about the job (boilerplate left out). */
  readonly sentences: readonly string[];
  readonly hookText: string | null;
  readonly requiredTools: readonly string[];
}

/** The query for a posting as lede read it: its job sentences, its hook, the tools it asks for. */
export function relevanceQuery(
  postingText: string,
  analysis: Pick<PostingAnalysis, 'hook' | 'requiredTools'>,
  common: Pick<CommonVocabulary, 'boilerplate'>,
): RelevanceQuery {
  return {
    sentences: readPostingStructure(postingText, common)
      .sentences.filter((sentence) => !sentence.boilerplate)
      .map((sentence) => sentence.text),
    hookText: analysis.hook === null ? null : `${analysis.hook.text} ${analysis.hook.evidence}`,
    requiredTools: analysis.requiredTools,
  };
}

// BM25's usual constants: term frequency saturates quickly, and long facts are only mildly discounted.
const k1 = 1.2;
const b = 0.5;

/**
 * A fact's fields do not say equally much: tools and methods name the work exactly, the tags are the candidate's own
 * labels, the employer and role say little about the problem solved.
 */
const fieldWeights = { did: 1, result: 1, name: 1, tools: 1.5, methods: 1.5, tags: 1 } as const;

/**
 * A sentence's terms: its significant words, reduced by Porter's stemmer so that "personalization" meets
 * "personalized" and "forecasting" meets "forecasts", and each pair of neighbours, which carry phrases.
 */
function termsOf(text: string): string[] {
  const words = significantWords(text).map((word) => (word.includes('-') ? word : porterStem(word)));
  const terms = [...words];
  for (let index = 1; index < words.length; index++) terms.push(`${words[index - 1]} ${words[index]}`);
  return terms;
}

function addTerms(bag: Map<string, number>, terms: readonly string[], weight: number): void {
  for (const term of terms) bag.set(term, (bag.get(term) ?? 0) + weight);
}

// Letters repeat the same few thousand words; a profile's facts are the same objects from letter to letter.
const porterStem = memoRecent(25_000, stemmer);
const factBag = memoWeak(bagOfFact);

function bagOfFact(fact: ProfileFact): Map<string, number> {
  const bag = new Map<string, number>();
  addTerms(bag, termsOf(fact.did), fieldWeights.did);
  addTerms(bag, termsOf(fact.result ?? ''), fieldWeights.result);
  if ('name' in fact && typeof fact.name === 'string') addTerms(bag, termsOf(fact.name), fieldWeights.name);
  for (const tool of fact.tools) {
    addTerms(bag, [`tool:${tool.toLowerCase()}`], fieldWeights.tools);
    addTerms(bag, termsOf(tool), fieldWeights.tools);
  }
  for (const method of fact.methods) addTerms(bag, termsOf(method), fieldWeights.methods);
  for (const tag of fact.tags) addTerms(bag, termsOf(tag.replace(/[-_]/g, ' ')), fieldWeights.tags);
  return bag;
}

/**
 * The query's terms with their weights: how often the posting says a term (dampened by a logarithm, so a word said
 * ten times counts about three times as much as one said once), more for the hook's words, and the tools it asks for.
 */
function queryWeights(query: RelevanceQuery): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of query.sentences) addTerms(counts, termsOf(sentence), 1);
  const weights = new Map<string, number>();
  for (const [term, count] of counts) weights.set(term, 1 + Math.log(count));
  for (const term of new Set(termsOf(query.hookText ?? '')))
    weights.set(term, (weights.get(term) ?? 0) + 1.5);
  for (const tool of query.requiredTools) {
    const term = `tool:${tool.toLowerCase()}`;
    weights.set(term, (weights.get(term) ?? 0) + 2);
  }
  return weights;
}

/**
 * The term as the posting wrote it, for a reason a reader can check ("nightli batch" -> "nightly batch"); null when
 * it cannot be found there (a stem no word of the posting starts with is no reason to show).
 */
function surfaceForm(term: string, query: RelevanceQuery): string | null {
  if (term.startsWith('tool:')) {
    const wanted = term.slice(5);
    return query.requiredTools.find((tool) => tool.toLowerCase() === wanted) ?? wanted;
  }
  const parts = term.split(' ').map((part) => {
    // Porter's stems end where the word's forms part ("nightli", "score"): the last vowel-like letter may differ.
    const root = part.length > 3 ? part.replace(/[eiy]$/, '') : part;
    return `${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\p{L}\\p{N}-]*`;
  });
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('[\\s,/]+')}`, 'iu');
  for (const text of [query.hookText ?? '', ...query.sentences]) {
    const found = pattern.exec(text);
    if (found !== null) return found[0].toLowerCase();
  }
  return null;
}

/**
 * Ranks the profile's facts against the posting with BM25 over the facts' fields (the facts are the collection, so a
 * word every fact shares, such as "model", counts for little), best first; profile order breaks ties. Each entry says
 * which of the posting's words it matched, so the report can give the reason for the letter's lead.
 */
export function rankFactRelevance(facts: readonly ProfileFact[], query: RelevanceQuery): FactRelevance[] {
  if (facts.length === 0) return [];
  const bags = facts.map(factBag);
  const lengths = bags.map((bag) => [...bag.values()].reduce((sum, weight) => sum + weight, 0));
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / facts.length || 1;
  const documentFrequency = new Map<string, number>();
  for (const bag of bags)
    for (const term of bag.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const weights = queryWeights(query);

  const ranked = facts.map((fact, index) => {
    const bag = bags[index] as Map<string, number>;
    const length = lengths[index] as number;
    const contributions: { term: string; value: number }[] = [];
    for (const [term, frequency] of bag) {
      const weight = weights.get(term);
      if (weight === undefined) continue;
      const n = documentFrequency.get(term) ?? 0;
      const idf = Math.log(1 + (facts.length - n + 0.5) / (n + 0.5));
      const saturated = (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + (b * length) / averageLength));
      contributions.push({ term, value: weight * idf * saturated });
    }
    contributions.sort((left, right) => right.value - left.value);
    const score = contributions.reduce((sum, part) => sum + part.value, 0);
    return { fact, index, score, contributions };
  });
  ranked.sort((left, right) => right.score - left.score || left.index - right.index);
  return ranked.map(({ fact, score, contributions }) => {
    // The reason is read for one fact at most (the letter's lead), so it is worked out only when asked for.
    let matched: string[] | undefined;
    return {
      factId: fact.id,
      score,
      get matched() {
        matched ??= reasonTerms(contributions, query);
        return matched;
      },
    };
  });
}

/** The best-scoring matched terms as the posting wrote them; a phrase takes the place of the single words it holds. */
function reasonTerms(
  contributions: readonly { term: string; value: number }[],
  query: RelevanceQuery,
): string[] {
  let chosen: { words: readonly string[]; surface: string }[] = [];
  for (const { term } of contributions) {
    // A tool stands for its own words too: "Python" the tool and "python" the word are one reason.
    const words = term.startsWith('tool:') ? [term, ...termsOf(term.slice(5))] : term.split(' ');
    if (chosen.some((entry) => words.every((word) => entry.words.includes(word)))) continue;
    const replaces = (entry: { words: readonly string[] }): boolean =>
      entry.words.every((word) => words.includes(word));
    if (chosen.length === 4 && !chosen.some(replaces)) continue;
    const surface = surfaceForm(term, query);
    if (surface === null || chosen.some((entry) => entry.surface.toLowerCase() === surface.toLowerCase()))
      continue;
    chosen = [...chosen.filter((entry) => !replaces(entry)), { words, surface }];
  }
  return chosen.map((entry) => entry.surface);
}

/**
 * The profile's facts ranked against a posting as lede read it, once per reading and profile: the offline drafter
 * ranks with it and the pipeline explains the lead with it. An analysis belongs to one posting, so it keys the text too.
 */
export function profileRelevance(
  profile: Profile,
  postingText: string,
  analysis: Pick<PostingAnalysis, 'hook' | 'requiredTools'>,
  common: Pick<CommonVocabulary, 'boilerplate'>,
): readonly FactRelevance[] {
  return memoOn(analysis, profile, () =>
    rankFactRelevance(profileFacts(profile), relevanceQuery(postingText, analysis, common)),
  );
}

/**
 * The words of a passage of the posting (its hook and the sentence it came from, say) that a fact also holds, as the
 * posting wrote them, best first: what a sentence tying the two together may quote. Empty when they share nothing.
 */
export function sharedTerms(
  facts: readonly ProfileFact[],
  fact: ProfileFact,
  passage: string,
): readonly string[] {
  if (passage.trim() === '') return [];
  const ranked = rankFactRelevance(facts, { sentences: [], hookText: passage, requiredTools: [] });
  return ranked.find((entry) => entry.factId === fact.id && entry.score > 0)?.matched ?? [];
}
