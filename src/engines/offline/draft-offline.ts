import { critiqueLetter, critiqueScore } from '../../critic/critique-letter.js';
import type { Critique } from '../../critic/finding.js';
import { analyzeLetter } from '../../critic/letter-anatomy.js';
import type { CriticContext } from '../../critic/rule.js';
import { InputError } from '../../errors.js';
import { criticContextFor } from '../../pipeline/critic-context.js';
import type { Draft, DraftRequest } from '../../pipeline/engine.js';
import { type FactRelevance, profileRelevance, sharedTerms } from '../../pipeline/fact-relevance.js';
import { isAgencyPosting } from '../../posting/find-company.js';
import { shortRole } from '../../posting/find-role.js';
import { findToolMentions } from '../../posting/find-tools.js';
import { readPostingStructure } from '../../posting/posting-sections.js';
import { type CandidateTools, candidateTools, toolGaps } from '../../profile/candidate-tools.js';
import { type ProfileFact, profileFacts } from '../../profile/profile-schema.js';
import { memoSimilar, memoWeak, type RecentMemo, recentMemo } from '../../text/memo.js';
import { pick } from '../../text/stable-hash.js';
import { chooseFactTools } from './choose-fact-tools.js';
import { choosePhrase, type PhraseContext, phraseText } from './choose-phrase.js';
import {
  openingPlansFor,
  openingSentences,
  supportPlansFor,
  supportSentences,
  wordFact,
} from './fact-sentences.js';
import { gapSentence } from './gap-sentence.js';
import { fitToWordLimit, type LetterModel, type LetterSentence, renderLetter } from './letter-model.js';
import { focusLinks, linkSentence, plainCompanyLines, toolsSentence } from './link-sentence.js';
import { fillPhrase, groundPostingPhrase, type PhraseSlots, postingFocus } from './posting-phrases.js';
import { contentWords, type FitContext, factText, rankOpenings, rankSupports } from './select-facts.js';

/** What a revision asks of a new draft, beyond the request itself. */
export interface DraftConstraints {
  /** Facts the letter must not cite (their sentences were flagged as ungrounded or overclaiming). */
  readonly excludeFactIds?: ReadonlySet<string>;
  /** A tighter word budget than the request's. */
  readonly maxWords?: number;
}

/**
 * An honest line for candidates without production experience: where their ML work comes from, and that they mean to
 * grow it. It claims nothing the profile does not hold, and is left out when the profile holds production work.
 */
const levelSentences: Record<string, string> = {
  'early-career':
    'My machine learning experience so far comes from project work, and I am ready to grow it on a team that runs models for real users.',
  'career-changer':
    'My machine learning experience so far comes from project work; what I bring from my earlier roles is the engineering discipline around it.',
};

/** Everything the drafter works from, computed once per request. */
export interface DraftSetting {
  readonly request: DraftRequest;
  readonly candidate: CandidateTools;
  readonly properNouns: ReadonlySet<string>;
  readonly fit: FitContext;
  readonly slots: PhraseSlots;
  readonly hasHook: boolean;
  /** The focus is the posting's own duty, not the playbook's stand-in. */
  readonly focusFromPosting: boolean;
  readonly gap: string | null;
  readonly playbookWords: readonly string[];
  readonly seed: string;
  readonly critic: CriticContext;
  /** The posting's sentences about the job, boilerplate left out: what a phrase's `fits` is looked up in. */
  readonly jobText: string;
  /** The hook and the sentence it came from, or '' without a hook. */
  readonly hookPassage: string;
  /** The profile's facts ranked against the posting, best first. */
  readonly relevance: readonly FactRelevance[];
  /** Opening paragraphs already built, by fact id: every plan of a draft starts with the same one. */
  readonly openings: Map<string, OpeningParagraph>;
  /** Drafts already written for this setting, by their constraints. */
  readonly drafts: RecentMemo<string, Draft>;
}

function properNounsOf(request: DraftRequest): Set<string> {
  const nouns = new Set<string>();
  for (const tool of request.playbooks.common.tools) {
    for (const name of [tool.name, ...tool.aliases]) nouns.add(name.toLowerCase());
  }
  for (const fact of profileFacts(request.profile)) {
    for (const name of [...fact.tools, fact.employer ?? '']) {
      if (name !== '') nouns.add(name.toLowerCase());
      const first = name.split(' ')[0];
      if (first !== undefined && first !== '') nouns.add(first.toLowerCase());
    }
  }
  return nouns;
}

/** Public bodies named "City of X" read with an article: "at the City of Riverton". */
const institution =
  /^(?:City|County|State|University|Department|Office|Ministry|Bureau|Commonwealth|Province|Town|Village|Port|Government|Board)\s+of\b/;

/** How the letter names the employer: its name, "your client" for a recruiter's posting, else "your team". */
function companyReference(company: string | null, postingText: string): string {
  if (company === null) return isAgencyPosting(postingText) ? 'your client' : 'your team';
  return institution.test(company) ? `the ${company}` : company;
}

/** Words ending in -ing that are no gerund ("bring in promotions", "string matching"). */
const notGerund = new Set([
  'bring',
  'thing',
  'string',
  'spring',
  'swing',
  'sing',
  'ring',
  'king',
  'wing',
  'sling',
  'sting',
]);

/** True when a phrase starts with a gerund ("running", "designing"), so it reads after "work on". */
function isGerundPhrase(phrase: string): boolean {
  const first = (phrase.split(/\s/)[0] ?? '').toLowerCase();
  return first.length > 5 && first.endsWith('ing') && !notGerund.has(first);
}

/** Everything the drafter works from for a request, built once per posting, profile, analysis and playbook. */
export function prepareSetting(request: DraftRequest): DraftSetting {
  return settingsFor(request.posting)(request);
}

// A revision repeats the draft request's fields: the setting is built once per posting, profile and playbook.
const settingsFor = memoWeak((_posting: DraftRequest['posting']) =>
  memoSimilar(
    8,
    (a: DraftRequest, b: DraftRequest) =>
      a.profile === b.profile &&
      a.analysis === b.analysis &&
      a.playbook === b.playbook &&
      a.playbooks === b.playbooks &&
      a.maxWords === b.maxWords,
    buildSetting,
  ),
);

function buildSetting(request: DraftRequest): DraftSetting {
  const { posting, profile, analysis, playbook, playbooks } = request;
  const common = playbooks.common;
  const candidate = candidateTools(profile, common);
  const structure = readPostingStructure(posting.text, common);
  const hookText = analysis.hook === null ? null : groundPostingPhrase(analysis.hook.text, candidate, common);
  const company = companyReference(analysis.company, posting.text);
  // The role as the posting names it, or none: never the candidate's headline, which describes them, not the job.
  const role = analysis.role === null ? '' : shortRole(analysis.role);
  // A duty that did not become a gerund phrase ("bring in promotions ...") cannot follow "work on" or open a sentence.
  const duty = postingFocus(structure.sentences, candidate, common, analysis.company === null);
  const postingDuty = duty !== null && isGerundPhrase(duty) ? duty : null;
  const focus =
    postingDuty ??
    choosePhrase(
      playbook.phrases.focus ?? [],
      { playbook, profile, postingText: posting.text },
      posting.text,
      'focus',
    ) ??
    'the work this team does every day';
  const gaps = toolGaps(analysis.requiredTools, posting, profile, common);
  const relevance = profileRelevance(profile, posting.text, analysis, common);
  const jobText = structure.sentences
    .filter((sentence) => !sentence.boilerplate)
    .map((sentence) => sentence.text)
    .join(' ');
  const topRelevance = relevance[0]?.score ?? 0;
  return {
    request,
    candidate,
    properNouns: properNounsOf(request),
    fit: {
      playbook,
      common,
      requiredTools: analysis.requiredTools,
      hookText: analysis.hook === null ? null : `${analysis.hook.text} ${analysis.hook.evidence}`,
      level: profile.level,
      postingWords: contentWords(jobText),
      relevance: new Map(
        relevance.map((entry) => [entry.factId, topRelevance > 0 ? entry.score / topRelevance : 0]),
      ),
    },
    slots: { company, unnamed: analysis.company === null, hook: hookText ?? '', role, focus },
    hasHook: hookText !== null,
    focusFromPosting: postingDuty !== null,
    gap: gapSentence(gaps),
    playbookWords: Object.values(playbook.vocabulary).flat(),
    seed: analysis.company ?? posting.text,
    critic: criticContextFor(request),
    jobText,
    hookPassage: analysis.hook === null ? '' : `${analysis.hook.text} ${analysis.hook.evidence}`,
    relevance,
    openings: new Map(),
    drafts: recentMemo(16),
  };
}

/** The tools a sentence about `fact` should name: the posting's and the playbook's first, two at most. */
function toolsFor(fact: ProfileFact, setting: DraftSetting, limit: number, limitWhenNamed: number): string[] {
  const sentence = `${fact.did} ${fact.result ?? ''}`;
  const named = findToolMentions(sentence, setting.request.playbooks.common.tools).length > 0;
  const tools = chooseFactTools(
    fact,
    sentence,
    setting.request.analysis.requiredTools,
    setting.playbookWords,
    named ? limitWhenNamed : limit,
  );
  if (tools.length > 0 || named) return tools;
  // No tool at all: the method is how it was done.
  return fact.methods.filter((method) => !sentence.toLowerCase().includes(method.toLowerCase())).slice(0, 1);
}

// A closing that suits a risk posting must not fire on the equal-opportunity paragraph's "compliance".
function phraseContext(setting: DraftSetting): PhraseContext {
  const { playbook, profile } = setting.request;
  return { playbook, profile, postingText: setting.jobText };
}

/** What the opening paragraph already said of the posting, so the company paragraph does not say it again. */
export interface OpeningTie {
  /** The opening bridged to the hook. */
  readonly hook: boolean;
  /** The opening named what the role centres on ({focus}). */
  readonly focus: boolean;
}

const noTie: OpeningTie = { hook: false, focus: false };

/** The sentence that ties the letter to the company: its hook, or what the role centres on, whichever is left. */
export function hookSentence(setting: DraftSetting, said: OpeningTie = noTie): LetterSentence {
  const { playbook, posting } = setting.request;
  const templates =
    setting.hasHook && !said.hook
      ? playbook.phrases.hook
      : said.focus
        ? plainCompanyLines
        : playbook.phrases.noHook;
  // The playbook's stand-in focus is a noun phrase ("reliable models ..."): it cannot open "{focus} is the part ...".
  const usable = setting.focusFromPosting
    ? templates
    : templates.filter((template) => !phraseText(template).startsWith('{focus}'));
  const template = choosePhrase(usable, phraseContext(setting), posting.text, 'hook') ?? '';
  return { text: fillPhrase(template, setting.slots), role: 'hook' };
}

export function closingSentence(setting: DraftSetting): LetterSentence {
  const { playbook, posting } = setting.request;
  const template =
    choosePhrase(playbook.phrases.closing, phraseContext(setting), posting.text, 'closing') ?? '';
  return { text: fillPhrase(template, setting.slots), role: 'closing' };
}

export function greetingLine(setting: DraftSetting): string {
  return `Dear ${setting.request.analysis.hiringManager ?? 'Hiring Manager'},`;
}

/** Said after the opening when the playbook has no bridge lines of its own. */
const defaultBridges = ['That is the kind of result I want to deliver at {company}.'];

/** The opening paragraph, and what of the posting it named (the company paragraph does not repeat it). */
export interface OpeningParagraph {
  readonly sentences: LetterSentence[];
  readonly said: OpeningTie;
}

/**
 * The opening paragraph: the fact's outcome in a sentence plan that suits what it holds, then one sentence tying it
 * to this posting: a bridge to the hook when both name the same problem, else the posting's words it answers, else a
 * plain line naming the company.
 */
export function openingParagraph(fact: ProfileFact, setting: DraftSetting): OpeningParagraph {
  const built = setting.openings.get(fact.id);
  if (built !== undefined) return built;
  const opening = buildOpening(fact, setting);
  setting.openings.set(fact.id, opening);
  return opening;
}

function buildOpening(fact: ProfileFact, setting: DraftSetting): OpeningParagraph {
  const wording = wordFact(fact, setting.properNouns);
  const plan = pick(openingPlansFor(wording), setting.seed, `opening-plan:${fact.id}`) ?? 'result-when';
  const sentences: LetterSentence[] = openingSentences(wording, toolsFor(fact, setting, 2, 1), plan).map(
    (text) => ({ text, role: 'opening', factId: fact.id }),
  );
  const facts = profileFacts(setting.request.profile);
  const link = linkSentence({
    company: setting.slots.company,
    hook: setting.hasHook ? setting.slots.hook : '',
    hookTerms: setting.hasHook ? sharedTerms(facts, fact, setting.hookPassage) : [],
    postingTerms: setting.relevance.find((entry) => entry.factId === fact.id)?.matched ?? [],
    factLabels: [...fact.tools, ...fact.methods, ...fact.tags].map((label) => label.toLowerCase()),
    factWords: new Set(
      factText(fact)
        .toLowerCase()
        .match(/[\p{L}\p{N}-]+/gu) ?? [],
    ),
    placeInline: wording.placeInline,
    seed: setting.seed,
  });
  // One shared word is a thin reason: the job in the posting's words says more, when the posting gives one.
  const thin = link !== null && !link.bridged && link.terms < 2 && setting.focusFromPosting;
  if (link !== null && !thin) {
    sentences.push({ text: link.text, role: 'link' });
    return { sentences, said: { hook: link.bridged, focus: false } };
  }
  // Else the job in the posting's words; the company paragraph then turns to the hook, or to a plain line.
  const focusLink = setting.focusFromPosting ? pick(focusLinks, setting.seed, 'focus-link') : undefined;
  if (focusLink !== undefined) {
    sentences.push({ text: fillPhrase(focusLink, setting.slots), role: 'link' });
    return { sentences, said: { hook: false, focus: true } };
  }
  const tools = toolsSentence(
    setting.request.analysis.requiredTools.filter((tool) => setting.candidate.holds(tool)),
    setting.seed,
  );
  if (link !== null || tools !== null) {
    sentences.push({ text: link?.text ?? tools ?? '', role: 'link' });
    return { sentences, said: noTie };
  }
  const bridge = choosePhrase(
    setting.request.playbook.phrases.bridge ?? defaultBridges,
    phraseContext(setting),
    setting.seed,
    'bridge',
  );
  if (bridge !== undefined) sentences.push({ text: fillPhrase(bridge, setting.slots), role: 'bridge' });
  return { sentences, said: noTie };
}

/** A supporting fact's sentences; `previous` is the fact told just before it ("There I also" when at the same place). */
export function supportParagraph(
  fact: ProfileFact,
  previous: ProfileFact | null,
  setting: DraftSetting,
): LetterSentence[] {
  const wording = wordFact(fact, setting.properNouns);
  const sameEmployer =
    previous !== null && previous.employer !== undefined && previous.employer === fact.employer;
  const plan = pick(supportPlansFor(wording), setting.seed, `support-plan:${fact.id}`) ?? 'how-and-result';
  return supportSentences(wording, toolsFor(fact, setting, 2, 0), sameEmployer, plan).map((text) => ({
    text,
    role: 'support',
    factId: fact.id,
  }));
}

/** The third paragraph: the hook, an honest gap, and for candidates new to ML, where their ML work comes from. */
export function companyParagraph(setting: DraftSetting, said: OpeningTie = noTie): LetterSentence[] {
  const sentences: LetterSentence[] = [hookSentence(setting, said)];
  if (setting.gap !== null) sentences.push({ text: setting.gap, role: 'gap' });
  const { profile } = setting.request;
  // Said only of a profile with no production work at all: beside three shipped systems it would undersell them.
  const shipped = profileFacts(profile).some((fact) => 'production' in fact && fact.production === true);
  const level = shipped ? undefined : levelSentences[profile.level];
  if (level !== undefined) sentences.push({ text: level, role: 'level' });
  return sentences;
}

function buildModel(
  opening: ProfileFact,
  supports: readonly ProfileFact[],
  setting: DraftSetting,
): LetterModel {
  const first = openingParagraph(opening, setting);
  const paragraphs: LetterSentence[][] = [first.sentences];
  const support = supports.flatMap((fact, index) =>
    supportParagraph(fact, index === 0 ? opening : (supports[index - 1] ?? null), setting),
  );
  if (support.length > 0) paragraphs.push(support);
  paragraphs.push(companyParagraph(setting, first.said), [closingSentence(setting)]);
  return {
    greeting: greetingLine(setting),
    paragraphs,
    signoff: 'Best,',
    signature: setting.request.profile.name,
  };
}

/** The ids of the facts a model cites. */
export function citedFacts(model: LetterModel): string[] {
  const ids: string[] = [];
  for (const paragraph of model.paragraphs) {
    for (const sentence of paragraph) {
      if (sentence.factId !== undefined && !ids.includes(sentence.factId)) ids.push(sentence.factId);
    }
  }
  return ids;
}

/** Body word count as the critic counts it. */
export function bodyWordCounter(setting: DraftSetting): (letter: string) => number {
  return (letter) => analyzeLetter(letter, setting.request.playbooks.common).wordCount;
}

function isBetter(candidate: Critique, best: Critique | null): boolean {
  if (best === null) return true;
  const [errors, warnings] = critiqueScore(candidate);
  const [bestErrors, bestWarnings] = critiqueScore(best);
  return errors < bestErrors || (errors === bestErrors && warnings < bestWarnings);
}

/** How many opening and supporting facts the drafter tries: the heuristics' top picks are nearly always best. */
const openingChoices = 2;
const supportChoices = 3;

/**
 * Drafts a letter from the profile alone. Candidate letters are built from the best-fitting facts (the strongest
 * quantified outcome first), shortened to the word limit, and checked by the same critic the pipeline uses; the
 * first with the fewest findings wins, so the letter the heuristics prefer is kept unless another fares better.
 * Deterministic: phrase variants are chosen by a hash of the posting and company, never at random.
 */
export function draftOffline(request: DraftRequest, constraints: DraftConstraints = {}): Draft {
  const setting = prepareSetting(request);
  const excluded = constraints.excludeFactIds ?? new Set<string>();
  // A revision that changes no constraint would draft the same letter again: remember it.
  const key = `${[...excluded].sort().join(',')}|${constraints.maxWords ?? ''}`;
  return setting.drafts.get(key, () => draftFresh(request, setting, excluded, constraints));
}

function draftFresh(
  request: DraftRequest,
  setting: DraftSetting,
  excluded: ReadonlySet<string>,
  constraints: DraftConstraints,
): Draft {
  const facts = profileFacts(request.profile).filter((fact) => !excluded.has(fact.id));
  const usable = facts.length > 0 ? facts : profileFacts(request.profile);
  const maxWords = Math.min(constraints.maxWords ?? request.maxWords, request.maxWords);
  const countBodyWords = bodyWordCounter(setting);

  type Candidate = { model: LetterModel; letter: string; critique: Critique };
  let best: Candidate | null = null;
  for (const opening of rankOpenings(usable, setting.fit).slice(0, openingChoices)) {
    const supports = rankSupports(usable, opening, setting.fit).slice(0, supportChoices);
    // Three supporting facts first, then two: with fewer, a letter falls short of the half page a manager expects;
    // the word limit trims what does not fit.
    const plans: ProfileFact[][] = [
      ...(supports.length > 2 ? [supports] : []),
      ...(supports.length > 1 ? [supports.slice(0, 2)] : []),
      ...supports.slice(0, 2).map((fact) => [fact]),
      [],
    ];
    let bestHere: Candidate | null = null;
    for (const plan of plans) {
      const model = fitToWordLimit(buildModel(opening, plan, setting), maxWords, countBodyWords);
      const letter = renderLetter(model);
      const critique = request.critique?.(letter) ?? critiqueLetter(letter, setting.critic);
      if (isBetter(critique, bestHere?.critique ?? null)) bestHere = { model, letter, critique };
      if (critique.findings.length === 0) break;
    }
    if (bestHere === null) continue;
    // The most relevant opening stays first unless its letter breaks a rule the next one keeps: a warning is
    // not worth leading with the achievement the posting cares less about.
    if (critiqueScore(bestHere.critique)[0] === 0)
      return { letter: bestHere.letter, usedFactIds: citedFacts(bestHere.model) };
    if (isBetter(bestHere.critique, best?.critique ?? null)) best = bestHere;
  }
  if (best === null) {
    throw new InputError('profile.no-facts', 'the profile has no achievements or projects to draft from', {
      field: 'achievements',
      hint: 'add at least one achievement or project (see `lede init`)',
    });
  }
  return { letter: best.letter, usedFactIds: citedFacts(best.model) };
}
