import type { CommonVocabulary } from '../playbooks/playbook-schema.js';
import type { CandidateTools } from './candidate-tools.js';
import { findToolMentions } from './find-tools.js';
import { capitalize, dutyAsGerund, possessive } from './phrase-grammar.js';
import type { PostingSentence } from './posting-sections.js';

/** Words that may dangle at the end of a cut phrase. */
const trailingFiller =
  /(?:[\s,]+(?:and|or|the|of|for|to|with|a|an|in|on|at|by|from|as|using|via|such as|like|including))+$/i;

/**
 * A posting phrase the letter can repeat without claiming a tool the candidate lacks: it is cut before the first
 * tool the profile does not hold ("real-time session features on Kafka" -> "real-time session features"). Null when
 * too little is left.
 */
export function groundPostingPhrase(
  phrase: string,
  candidate: CandidateTools,
  common: CommonVocabulary,
): string | null {
  const foreign = findToolMentions(phrase, common.tools).find((mention) => !candidate.has(mention.name));
  let text = foreign === undefined ? phrase : phrase.slice(0, foreign.start);
  text = text
    .replace(/[\s,;:(—–-]+$/, '')
    .replace(trailingFiller, '')
    .trim();
  return text.split(/\s+/).filter((word) => word !== '').length >= 2 ? text : null;
}

const productNoun =
  /\b(?:models?|platform|engine|system|service|features?|forecast\w*|alerts?|recommend\w*|search|ranking|pricing|fraud|pipelines?|detection|personali[sz]ation|inference|experiments?|retrieval|scoring|risk)\b/i;

/**
 * What the role centres on, from the posting's first concrete duty: "Design and improve real-time fraud detection
 * models" -> "designing and improving real-time fraud detection models". Null when no duty reads that way.
 */
export function postingFocus(
  sentences: readonly PostingSentence[],
  candidate: CandidateTools,
  common: CommonVocabulary,
): string | null {
  const duties = sentences.filter((sentence) => sentence.section === 'duties' && !sentence.boilerplate);
  for (const duty of duties) {
    if (!productNoun.test(duty.text)) continue;
    const plain = duty.text
      .replace(/[*_`]+/g, '')
      .replace(/\s*\([^)]*\)/g, '')
      .replace(/\s+/g, ' ')
      .split(/[;:.]|\s+[—–]\s+|,\s+(?:so|which|and then)\b/)[0]
      ?.trim();
    if (plain === undefined) continue;
    const phrase = dutyAsGerund(plain);
    if (phrase === null || /\d/.test(phrase) || /\b(?:you|your|we|our|us)\b/i.test(phrase)) continue;
    const grounded = groundPostingPhrase(phrase, candidate, common);
    if (grounded === null) continue;
    const words = grounded.split(' ');
    return words.length > 12 ? words.slice(0, 12).join(' ').replace(trailingFiller, '') : grounded;
  }
  return null;
}

/** The values a playbook phrase's slots take. */
export interface PhraseSlots {
  readonly company: string;
  readonly hook: string;
  readonly role: string;
  readonly focus: string;
}

/** Fills {company}, {company}'s, {hook}, {role} and {focus}; the sentence starts with a capital. */
export function fillPhrase(template: string, slots: PhraseSlots): string {
  // "Project Relay, a real-time feature store" is an aside: close it with a comma when the sentence goes on.
  const appositive = /,\s+(?:a|an|the|its)\s/i.test(slots.hook);
  const filled = template
    .replace(/\{hook\}(?=\s+\p{L})/gu, appositive ? '{hook},' : '{hook}')
    .replace(/\{company\}['’]s/g, possessive(slots.company))
    .replace(/\{company\}/g, slots.company)
    .replace(/\{hook\}/g, slots.hook)
    .replace(/\{role\}/g, slots.role)
    .replace(/\{focus\}/g, slots.focus)
    .replace(/\s+/g, ' ')
    .trim();
  return capitalize(filled);
}
