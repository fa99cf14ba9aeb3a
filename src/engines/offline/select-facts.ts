import type { CommonVocabulary, Playbook } from '../../playbooks/playbook-schema.js';
import type { ExperienceLevel, ProfileFact } from '../../profile/profile-schema.js';
import { memoPair, memoWeak } from '../../text/memo.js';
import { containsTerm, termsMaybeIn } from '../../text/vocabulary-matcher.js';
import { isQuantified } from './fact-sentences.js';

/** What a fact is judged against: the industry's playbook and what the posting asks for. */
export interface FitContext {
  readonly playbook: Playbook;
  readonly common: CommonVocabulary;
  readonly requiredTools: readonly string[];
  /** The hook's words (text and evidence), when there is a hook. */
  readonly hookText: string | null;
  readonly level: ExperienceLevel;
  /** The posting's own content words (five letters or more, boilerplate left out), lowercase. */
  readonly postingWords: ReadonlySet<string>;
  /** Each fact's relevance to the posting (BM25, `pipeline/fact-relevance.ts`), 1 for the best, by fact id. */
  readonly relevance: ReadonlyMap<string, number>;
}

/**
 * How much relevance to the posting weighs in choosing the opening, against industry fit and sharp numbers. It is
 * squared (1 for the best match, 0.49 for one at 0.7): a near match should not tie with the posting's clear first.
 */
const relevanceWeight = 12;

const commonWords = new Set([
  'about',
  'their',
  'there',
  'which',
  'where',
  'while',
  'these',
  'those',
  'every',
  'using',
  'other',
  'would',
  'could',
  'should',
  'years',
  'experience',
  'strong',
  'within',
  'across',
  'through',
  'before',
  'after',
  'including',
  'working',
  'build',
  'built',
  'team',
  'teams',
  'with',
  'from',
  'into',
  'what',
  'will',
  'your',
  'more',
  'make',
  'work',
]);

/** Distinct content words of a text: five letters or more, lowercase, common words left out. */
export function contentWords(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/\p{L}[\p{L}-]{4,}/gu) ?? []).filter((word) => !commonWords.has(word)),
  );
}

/** Everything a fact says, for vocabulary matching. */
export const factText: (fact: ProfileFact) => string = memoWeak((fact) =>
  [
    'name' in fact ? String(fact.name) : '',
    fact.did,
    fact.result ?? '',
    ...fact.metrics,
    ...fact.tools,
    ...fact.methods,
    ...fact.tags,
  ].join(' \n '),
);

const machineLearning =
  /\b(?:models?|machine learning|ml|classifier|regression|forecast(?:s|ing)?|boosting|neural|recommend\w*|ranking|predict\w*|auc|precision|recall|embeddings?|nlp|training|trained|churn|fraud detection|cross-validation)\b/i;

/** True when a fact is machine-learning work (a model, a forecast, an evaluation), not only software. */
export function isMachineLearning(fact: ProfileFact): boolean {
  return machineLearning.test(factText(fact));
}

/** Numbers, percentages and multiples a fact states: the more and the sharper, the stronger it opens. */
export function quantStrength(fact: ProfileFact): number {
  const texts = [fact.result ?? '', fact.did, ...fact.metrics];
  let strength = 0;
  if (isQuantified(fact.result)) strength += 2;
  else if (isQuantified(fact.did)) strength += 1;
  if (
    texts.some((text) =>
      /\d\s*%|\d+(?:\.\d+)?x\b|\$\s?\d|\d+(?:\.\d+)?\s?[MKB]\+?\b|\bmillion|\bbillion/i.test(text),
    )
  ) {
    strength += 1;
  }
  strength += Math.min(2, fact.metrics.filter((metric) => /\d/.test(metric)).length * 0.5);
  return strength;
}

function capped(value: number, cap: number): number {
  return Math.min(value, cap);
}

const stopWords = new Set([
  'their',
  'there',
  'which',
  'about',
  'where',
  'while',
  'these',
  'those',
  'every',
  'using',
]);

/** The words of a text among `terms`, each counted once. */
function termsIn(text: string, terms: readonly string[]): number {
  return termsMaybeIn(text, terms).filter((term) => containsTerm(text, term)).length;
}

/** Every word of a playbook's vocabulary lists, once each. */
const vocabularyOf = memoWeak((playbook: Playbook): readonly string[] => [
  ...new Set(Object.values(playbook.vocabulary).flat()),
]);

/** The hook's longer words, once each. */
const hookWordsOf = memoWeak((context: FitContext): readonly string[] => [
  ...new Set(
    (context.hookText?.toLowerCase().match(/\p{L}{5,}/gu) ?? []).filter((word) => !stopWords.has(word)),
  ),
]);

/** How well a fact fits the industry and the posting: the playbook's tags and words, the posting's tools and hook. */
export function factFit(fact: ProfileFact, context: FitContext): number {
  return fitOf(context, fact);
}

// Openings and supports are ranked against the same context several times per draft.
const fitOf = memoPair((context: FitContext, fact: ProfileFact) => scoreFit(fact, context));

function scoreFit(fact: ProfileFact, context: FitContext): number {
  const text = factText(fact);
  const tags = new Set(fact.tags.map((tag) => tag.toLowerCase()));
  let score =
    3 * capped(context.playbook.favouredTags.filter((tag) => tags.has(tag.toLowerCase())).length, 3);
  score += capped(termsIn(text, vocabularyOf(context.playbook)), 5);
  const factTools = new Set([...fact.tools, ...fact.methods].map((tool) => tool.toLowerCase()));
  score +=
    2 *
    capped(
      context.requiredTools.filter(
        (tool) => factTools.has(tool.toLowerCase()) || containsTerm(fact.did, tool),
      ).length,
      3,
    );
  let sharedWithPosting = 0;
  for (const word of contentWords(text)) if (context.postingWords.has(word)) sharedWithPosting++;
  score += capped(sharedWithPosting * 0.5, 4);
  if (context.hookText !== null) score += capped(termsIn(text, hookWordsOf(context)), 3);
  if (context.level === 'experienced') {
    if (fact.production) score += 1;
    if (fact.employer === undefined) score -= 2;
  }
  return score;
}

/** How much of the non-modelling work (pipelines, tests, deployment, monitoring) a fact shows. */
export function beyondModelingScore(fact: ProfileFact, common: CommonVocabulary): number {
  const text = factText(fact);
  return capped(termsIn(text, common.beyondModeling), 4);
}

/**
 * Openings, best first: quantified facts before unquantified ones, then industry fit plus how sharp the numbers
 * are; profile order breaks ties.
 */
export function rankOpenings(facts: readonly ProfileFact[], context: FitContext): ProfileFact[] {
  return facts
    .map((fact, index) => ({
      fact,
      index,
      quantified: isQuantified(fact.result) || isQuantified(fact.did),
      // Without production experience, the ML project is the proof that matters most: it outweighs a closer match
      // of a non-ML fact unless that match is much closer.
      score:
        relevanceWeight * (context.relevance.get(fact.id) ?? 0) ** 2 +
        factFit(fact, context) +
        2 * quantStrength(fact) +
        (context.level !== 'experienced' && isMachineLearning(fact) ? 12 : 0),
    }))
    .sort((a, b) => Number(b.quantified) - Number(a.quantified) || b.score - a.score || a.index - b.index)
    .map((entry) => entry.fact);
}

/**
 * Supporting facts for the second paragraph, best first: industry fit, the non-modelling work they show, and, for
 * a candidate without production experience whose opening is not ML work, the ML project that shows they can do it.
 */
export function rankSupports(
  facts: readonly ProfileFact[],
  opening: ProfileFact,
  context: FitContext,
): ProfileFact[] {
  const openingTags = new Set(opening.tags.map((tag) => tag.toLowerCase()));
  const needsMachineLearning = context.level !== 'experienced' && !isMachineLearning(opening);
  return facts
    .filter((fact) => fact.id !== opening.id)
    .map((fact, index) => {
      const freshTags = fact.tags.filter((tag) => !openingTags.has(tag.toLowerCase())).length;
      let score =
        factFit(fact, context) + beyondModelingScore(fact, context.common) + capped(freshTags, 3) * 0.5;
      if (needsMachineLearning && isMachineLearning(fact)) score += 6;
      if (isQuantified(fact.result) || isQuantified(fact.did)) score += 1;
      return { fact, index, score };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.fact);
}
