import { critiqueLetter, critiqueScore } from '../../critic/critique-letter.js';
import type { Critique, Finding } from '../../critic/finding.js';
import { analyzeLetter, type Span } from '../../critic/letter-anatomy.js';
import type { RepairKind } from '../../critic/rule.js';
import { rulesFor } from '../../critic/rules/index.js';
import type { Draft, RevisionRequest } from '../../pipeline/engine.js';
import { type ProfileFact, profileFacts } from '../../profile/profile-schema.js';
import { asClause } from '../../text/phrase-grammar.js';
import {
  bodyWordCounter,
  closingSentence,
  companyParagraph,
  type DraftSetting,
  draftOffline,
  greetingLine,
  hookSentence,
  openingParagraph,
  prepareSetting,
  supportParagraph,
} from './draft-offline.js';
import { fitToWordLimit, type LetterModel, type LetterSentence, renderLetter } from './letter-model.js';
import { rankOpenings, rankSupports } from './select-facts.js';

/** A sentence of the previous letter, with where it was. */
interface ParsedSentence extends LetterSentence {
  readonly start: number;
  readonly end: number;
}

interface ParsedLetter {
  readonly greeting: Span | null;
  readonly paragraphs: ParsedSentence[][];
  readonly signoff: Span | null;
  readonly signature: Span | null;
}

/** Reads a letter (the engine's own or anyone's) into paragraphs of sentences the reviser can drop or replace. */
function parseLetter(letter: string, setting: DraftSetting): ParsedLetter {
  const anatomy = analyzeLetter(letter, setting.request.playbooks.common);
  const paragraphs: ParsedSentence[][] = anatomy.paragraphs.map((paragraph) =>
    anatomy.sentences
      .filter((sentence) => sentence.start >= paragraph.start && sentence.end <= paragraph.end)
      .map((sentence) => ({
        text: sentence.text.replace(/\s+/g, ' '),
        role: 'other',
        start: sentence.start,
        end: sentence.end,
      })),
  );
  const hookWords = setting.slots.hook.toLowerCase();
  const marked = paragraphs.map((paragraph, paragraphIndex) =>
    paragraph.map((sentence, index): ParsedSentence => {
      if (paragraphIndex === 0 && index === 0) return { ...sentence, role: 'opening' };
      if (setting.hasHook && hookWords !== '' && sentence.text.toLowerCase().includes(hookWords)) {
        return { ...sentence, role: 'hook' };
      }
      if (paragraphIndex === paragraphs.length - 1 && paragraphs.length > 1)
        return { ...sentence, role: 'closing' };
      return sentence;
    }),
  );
  return {
    greeting: anatomy.greeting,
    paragraphs: marked,
    signoff: anatomy.signoff,
    signature: anatomy.signature,
  };
}

const placeholder = /\[[^\]\n]{1,60}\]|\{\{[^}\n]{0,60}\}\}|<[A-Za-z][^>\n]{0,60}>|\bX{2,}\b|\bTBD\b|\[X\]%?/;

/** Fills the slots a template letter leaves with what lede knows; anything else makes the sentence go. */
function fillKnownPlaceholders(text: string, setting: DraftSetting): string {
  const { analysis, profile } = setting.request;
  return (
    text
      .replace(
        /\[(?:company(?: name)?|company['’]s name|employer)\]|\{\{\s*company\s*\}\}|<company(?: name)?>/gi,
        setting.slots.company,
      )
      .replace(/\[(?:your name|name|candidate name)\]|\{\{\s*name\s*\}\}|<your name>/gi, profile.name)
      .replace(
        /\[(?:hiring manager(?: name)?|hiring manager['’]s name|name of hiring manager)\]|\{\{\s*hiring_?manager\s*\}\}/gi,
        analysis.hiringManager ?? 'Hiring Manager',
      )
      // With no title read, the slot stays, and the sentence holding it goes like any other unfilled one.
      .replace(/\[(?:role|job title|position)\]|\{\{\s*role\s*\}\}/gi, (slot) => setting.slots.role || slot)
  );
}

function sentenceAt(letter: ParsedLetter, offset: number): { paragraph: number; index: number } | null {
  for (let paragraph = 0; paragraph < letter.paragraphs.length; paragraph++) {
    const sentences = letter.paragraphs[paragraph] ?? [];
    for (let index = 0; index < sentences.length; index++) {
      const sentence = sentences[index] as ParsedSentence;
      if (sentence.start <= offset && offset < Math.max(sentence.end, sentence.start + 1))
        return { paragraph, index };
    }
  }
  return null;
}

/** What the reviser does about a finding: what its rule declares; a rule the registry does not know asks for a fact. */
type RepairOf = (ruleId: string) => RepairKind;

function repairsOf(setting: DraftSetting): RepairOf {
  const repairs = new Map(rulesFor(setting.critic.playbook).map((rule) => [rule.id, rule.repair] as const));
  return (ruleId) => repairs.get(ruleId) ?? 'add-fact';
}

/** Repairs whose evidence is a sentence that should not be in the letter at all. */
function dropsSentence(repair: RepairKind): boolean {
  return repair === 'drop-sentence' || repair === 'own-the-gap';
}

/** The facts whose own words appear in a letter: what it cites. */
function citedIn(letter: string, setting: DraftSetting): string[] {
  const lower = letter.toLowerCase().replace(/\s+/g, ' ');
  const prefix = (phrase: string | undefined): string | null => {
    if (phrase === undefined) return null;
    const words = asClause(phrase, setting.properNouns).toLowerCase().split(' ').slice(0, 6);
    return words.length >= 3 ? words.join(' ') : null;
  };
  return profileFacts(setting.request.profile)
    .filter((fact) =>
      [prefix(fact.did), prefix(fact.result)].some((text) => text !== null && lower.includes(text)),
    )
    .map((fact) => fact.id);
}

/** Facts named in flagged sentences: a redraft leaves them out. */
function flaggedFacts(
  findings: readonly Finding[],
  letter: string,
  setting: DraftSetting,
  repairOf: RepairOf,
): Set<string> {
  const ids = new Set<string>();
  for (const finding of findings) {
    if (finding.evidence === null || !dropsSentence(repairOf(finding.ruleId))) continue;
    const around = letter.slice(Math.max(0, finding.evidence.start - 200), finding.evidence.end + 200);
    for (const id of citedIn(around, setting)) {
      const fact = profileFacts(setting.request.profile).find((candidate) => candidate.id === id);
      if (
        fact !== undefined &&
        `${fact.did} ${fact.result ?? ''}`.toLowerCase().includes(finding.evidence.text.toLowerCase())
      ) {
        ids.add(id);
      }
    }
  }
  return ids;
}

function toModel(letter: ParsedLetter, source: string): LetterModel {
  return {
    greeting: letter.greeting?.text ?? '',
    paragraphs: letter.paragraphs.filter((paragraph) => paragraph.length > 0),
    signoff: letter.signoff?.text ?? '',
    signature:
      letter.signature?.text ?? (letter.signoff === null ? '' : source.slice(letter.signoff.end).trim()),
  };
}

function critique(letter: string, setting: DraftSetting): Critique {
  return setting.request.critique?.(letter) ?? critiqueLetter(letter, setting.critic);
}

function score(critique: Critique): number {
  const [errors, warnings] = critiqueScore(critique);
  return errors * 1000 + warnings;
}

/** Tries adding each unused fact's sentence and keeps the one that clears the most of `ruleIds`. */
function addSupportingFact(
  model: LetterModel,
  ruleIds: ReadonlySet<string>,
  setting: DraftSetting,
): LetterModel {
  const letter = renderLetter(model);
  const cited = new Set(citedIn(letter, setting));
  const facts = profileFacts(setting.request.profile).filter((fact) => !cited.has(fact.id));
  const before = critique(letter, setting);
  const open = (value: Critique): number =>
    value.findings.filter((finding) => ruleIds.has(finding.ruleId)).length;
  let best: { model: LetterModel; open: number; score: number } = {
    model,
    open: open(before),
    score: score(before),
  };
  const first = profileFacts(setting.request.profile).find((fact) => cited.has(fact.id)) ?? null;
  for (const fact of rankSupports(facts, first ?? (facts[0] as ProfileFact), setting.fit)) {
    const sentences = supportParagraph(fact, first, setting).map((sentence) => ({
      ...sentence,
      role: 'evidence' as const,
    }));
    const paragraphs = [...model.paragraphs];
    paragraphs.splice(Math.min(1, paragraphs.length), 0, sentences);
    const candidate = fitToWordLimit(
      { ...model, paragraphs },
      setting.request.maxWords,
      bodyWordCounter(setting),
    );
    const result = critique(renderLetter(candidate), setting);
    const remaining = open(result);
    if (remaining < best.open || (remaining === best.open && score(result) < best.score)) {
      best = { model: candidate, open: remaining, score: score(result) };
    }
  }
  return best.model;
}

/**
 * The previous letter with each finding repaired in place: the stock or unquantified opening replaced by the
 * quantified one, flagged claims removed, placeholders filled from the profile and posting or removed, the hook
 * added, a greeting and sign-off added, a supporting fact added for a missing required element, and the whole trimmed
 * to the word limit. Never adds a fact the profile lacks.
 */
export function repairDraft(request: RevisionRequest): Draft {
  const setting = prepareSetting(request);
  const letter = repairLetter(request, setting);
  return { letter, usedFactIds: citedIn(letter, setting) };
}

function repairLetter(request: RevisionRequest, setting: DraftSetting): string {
  const source = request.previous.letter;
  const parsed = parseLetter(source, setting);
  const ruleIds = new Set(request.findings.map((finding) => finding.ruleId));
  const repairOf = repairsOf(setting);
  const repairs = new Set([...ruleIds].map(repairOf));
  const drop = new Set<ParsedSentence>();
  const replace = new Map<ParsedSentence, LetterSentence[]>();

  for (const finding of request.findings) {
    if (finding.evidence === null) continue;
    const at = sentenceAt(parsed, finding.evidence.start);
    if (at === null) continue;
    const sentence = parsed.paragraphs[at.paragraph]?.[at.index];
    if (sentence === undefined) continue;
    const repair = repairOf(finding.ruleId);
    if (repair === 'fill-placeholders') {
      const filled = fillKnownPlaceholders(sentence.text, setting);
      if (placeholder.test(filled)) drop.add(sentence);
      else replace.set(sentence, [{ text: filled, role: sentence.role }]);
    } else if (dropsSentence(repair)) {
      if (sentence.role === 'hook') replace.set(sentence, [hookSentence(setting)]);
      else if (sentence.role === 'closing') replace.set(sentence, [closingSentence(setting)]);
      else drop.add(sentence);
    }
  }

  let paragraphs: LetterSentence[][] = parsed.paragraphs.map((paragraph) =>
    paragraph.flatMap((sentence) => (drop.has(sentence) ? [] : (replace.get(sentence) ?? [sentence]))),
  );

  // The opening: a stock line, an unquantified start, or an opening that lost its sentence gets the best outcome.
  const openingLost =
    parsed.paragraphs[0]?.[0] !== undefined && drop.has(parsed.paragraphs[0][0] as ParsedSentence);
  if (repairs.has('rewrite-opening') || openingLost) {
    const excluded = flaggedFacts(request.findings, source, setting, repairOf);
    const facts = profileFacts(request.profile).filter((fact) => !excluded.has(fact.id));
    const best = rankOpenings(facts.length > 0 ? facts : profileFacts(request.profile), setting.fit)[0];
    if (best !== undefined) {
      const opening = openingParagraph(best, setting).sentences;
      const openingText = new Set(opening.map((sentence) => sentence.text));
      const first = paragraphs[0] ?? [];
      const rest = first.slice(openingLost ? 0 : 1);
      paragraphs = [
        opening,
        ...(rest.length > 0 ? [rest] : []),
        ...paragraphs
          .slice(1)
          .map((paragraph) => paragraph.filter((sentence) => !openingText.has(sentence.text))),
      ];
    }
  }

  const hasHook = paragraphs.some((paragraph) => paragraph.some((sentence) => sentence.role === 'hook'));
  if (repairs.has('add-hook') && !hasHook) {
    const tie = companyParagraph(setting).filter((sentence) => sentence.role !== 'level');
    const closingAt = paragraphs.findIndex((paragraph) =>
      paragraph.some((sentence) => sentence.role === 'closing'),
    );
    paragraphs.splice(closingAt === -1 ? paragraphs.length : closingAt, 0, tie);
  } else if (repairs.has('own-the-gap') && setting.gap !== null) {
    const gap = setting.gap;
    if (!paragraphs.some((paragraph) => paragraph.some((sentence) => sentence.text === gap))) {
      const hookAt = paragraphs.findIndex((paragraph) =>
        paragraph.some((sentence) => sentence.role === 'hook'),
      );
      if (hookAt === -1)
        paragraphs.splice(Math.max(0, paragraphs.length - 1), 0, [{ text: gap, role: 'gap' }]);
      else paragraphs[hookAt] = [...(paragraphs[hookAt] ?? []), { text: gap, role: 'gap' }];
    }
  }
  if (!paragraphs.some((paragraph) => paragraph.some((sentence) => sentence.role === 'closing'))) {
    paragraphs.push([closingSentence(setting)]);
  }

  let model = toModel({ ...parsed, paragraphs: paragraphs as ParsedSentence[][] }, source);
  if (model.greeting === '' || placeholder.test(model.greeting) || repairs.has('add-greeting')) {
    model = {
      ...model,
      greeting:
        model.greeting === '' || placeholder.test(model.greeting) ? greetingLine(setting) : model.greeting,
    };
  }
  if (model.signoff === '') model = { ...model, signoff: 'Best,' };
  if (
    model.signature === '' ||
    placeholder.test(model.signature) ||
    !model.signature.includes(request.profile.name)
  ) {
    model = { ...model, signature: request.profile.name };
  }
  model = fitToWordLimit(model, request.maxWords, bodyWordCounter(setting));

  // What text surgery cannot fix (a missing explainability technique, revenue metric, production tool, ...) may be
  // fixed by another fact from the profile.
  const unresolved = new Set(
    critique(renderLetter(model), setting)
      .findings.filter((finding) => ruleIds.has(finding.ruleId) && repairOf(finding.ruleId) === 'add-fact')
      .map((finding) => finding.ruleId),
  );
  if (unresolved.size > 0) model = addSupportingFact(model, unresolved, setting);
  return renderLetter(model);
}

/**
 * Revises deterministically. Two candidates: the previous letter with each finding repaired in place (stock opener
 * replaced by the quantified opening, flagged claims removed, placeholders filled or removed, the hook added, a
 * supporting fact added for a missing required element, trimmed to the word limit), and a fresh draft that leaves
 * out the facts whose sentences were flagged. The critic picks; the repair wins a tie because it changes less.
 */
export function reviseOffline(request: RevisionRequest): Draft {
  const setting = prepareSetting(request);
  const repaired = repairLetter(request, setting);
  const repairedCritique = critique(repaired, setting);
  const asked = new Set(request.findings.map((finding) => finding.ruleId));
  const repairedDraft = { letter: repaired, usedFactIds: citedIn(repaired, setting) };
  // Everything asked for was fixed in place: no need for a fresh draft.
  if (!repairedCritique.findings.some((finding) => asked.has(finding.ruleId))) return repairedDraft;
  const redraft = draftOffline(request, {
    excludeFactIds: flaggedFacts(request.findings, request.previous.letter, setting, repairsOf(setting)),
  });
  if (redraft.letter === repaired) return repairedDraft;
  return score(critique(redraft.letter, setting)) < score(repairedCritique) ? redraft : repairedDraft;
}
