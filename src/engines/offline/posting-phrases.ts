import type { CommonVocabulary } from '../../playbooks/playbook-schema.js';
import { findToolMentions } from '../../posting/find-tools.js';
import { letterDirective } from '../../posting/letter-directive.js';
import type { PostingSentence } from '../../posting/posting-sections.js';
import type { CandidateTools } from '../../profile/candidate-tools.js';
import { capitalize, dutyAsGerund, possessive } from '../../text/phrase-grammar.js';

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
  const foreign = findToolMentions(phrase, common.tools).find((mention) => !candidate.holds(mention.name));
  let text = foreign === undefined ? phrase : phrase.slice(0, foreign.start);
  text = text
    .replace(/[\s,;:(—–-]+$/, '')
    .replace(trailingFiller, '')
    .trim();
  return text.split(/\s+/).filter((word) => word !== '').length >= 2 ? text : null;
}

/** Words too common in postings to make a duty specific. */
const fillerWords = new Set([
  'with',
  'from',
  'into',
  'that',
  'this',
  'their',
  'them',
  'they',
  'your',
  'data',
  'work',
  'team',
  'teams',
  'models',
  'model',
  'build',
  'help',
  'make',
  'what',
  'will',
  'about',
  'every',
  'other',
  'across',
  'through',
  'within',
  'using',
  'strong',
  'clear',
  'learning',
  'machine',
  'engineering',
  'systems',
  'system',
  'solutions',
  'products',
  'product',
]);

/** How specific a duty is: its distinct longer words that are not posting filler or tool names. */
function specificity(text: string, common: CommonVocabulary): number {
  const tools = new Set(
    findToolMentions(text, common.tools).map((mention) =>
      text.slice(mention.start, mention.end).toLowerCase(),
    ),
  );
  const words = new Set(
    (text.toLowerCase().match(/\p{L}[\p{L}-]{3,}/gu) ?? []).filter((word) => !fillerWords.has(word)),
  );
  return [...words].filter((word) => !tools.has(word)).length;
}

const secondPersonLead = /^(?:you will|you['’]ll|you will be|in this role,? you will)\s+/i;

/**
 * A duty as a gerund phrase the letter can use, or null. With `restate`, at most seven words of it come from the
 * posting in a row: a sentence that does not name the company must not copy the posting (see no-injected-content).
 */
function dutyPhrase(
  text: string,
  candidate: CandidateTools,
  common: CommonVocabulary,
  restate: boolean,
): string | null {
  const plain = text
    .replace(/[*_`]+/g, '')
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(secondPersonLead, '')
    .split(/[;:.]|\s+[—–]\s+|,\s+(?:so|which|and then)\b/)[0]
    ?.trim();
  if (plain === undefined) return null;
  const phrase = dutyAsGerund(plain)?.replace(/\bour\b/gi, 'its');
  if (phrase === undefined || phrase === null || /\b(?:you|your|we|us)\b/i.test(phrase)) return null;
  const grounded = groundPostingPhrase(phrase, candidate, common);
  if (grounded === null) return null;
  // A converted first verb ("build" -> "building") is not the posting's word, so one more word may follow.
  const converted = grounded.split(' ')[0]?.toLowerCase() !== plain.split(' ')[0]?.toLowerCase();
  return restate ? shortDuty(grounded, converted ? 8 : 7) : longDuty(grounded);
}

const preposition = /^(?:for|to|in|with|on|across|at|from|into|through|under|by|so)$/i;

/** Cut at a comma of a list ("building models, working with data"), joining the last two with "and". */
function cutAtComma(words: readonly string[], limit: number): string | null {
  for (let end = Math.min(limit, words.length) - 1; end >= 1; end--) {
    if ((words[end] ?? '').endsWith(',')) {
      const kept = words
        .slice(0, end + 1)
        .join(' ')
        .replace(/,$/, '');
      const last = kept.lastIndexOf(', ');
      return last === -1 ? kept : `${kept.slice(0, last)} and ${kept.slice(last + 2)}`;
    }
  }
  return null;
}

function shortDuty(phrase: string, limit: number): string {
  const words = phrase.split(' ');
  if (words.length <= limit) return phrase;
  const atComma = cutAtComma(words, limit);
  if (atComma !== null && atComma.split(' ').length >= 3) return atComma;
  for (let end = limit; end >= 3; end--) {
    if (preposition.test(words[end] ?? '')) return words.slice(0, end).join(' ').replace(trailingFiller, '');
  }
  return words.slice(0, limit).join(' ').replace(trailingFiller, '');
}

/** Long duties are cut at a list comma or a preposition, near twelve words. */
function longDuty(phrase: string): string {
  return shortDuty(phrase, 12);
}

/**
 * What the role centres on, from the posting's most specific duties: "Design and improve real-time fraud detection
 * models" -> "designing and improving real-time fraud detection models"; two duties are joined when both are short.
 * Duties come from the duties section or from "You will ..." sentences. Null when no duty reads that way. `restate`
 * keeps each duty from copying the posting word for word (for a letter that cannot name the company).
 */
export function postingFocus(
  sentences: readonly PostingSentence[],
  candidate: CandidateTools,
  common: CommonVocabulary,
  restate = false,
): string | null {
  const duties = sentences
    .filter(
      (sentence) =>
        !sentence.boilerplate &&
        !letterDirective.test(sentence.text) &&
        (sentence.section === 'duties' ||
          (secondPersonLead.test(sentence.text) && sentence.section !== 'requirements')),
    )
    .map((sentence, index) => ({ phrase: dutyPhrase(sentence.text, candidate, common, restate), index }))
    .filter((duty): duty is { phrase: string; index: number } => duty.phrase !== null)
    .map((duty) => ({ ...duty, score: specificity(duty.phrase, common) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const [first, second] = duties;
  if (first === undefined) return null;
  if (
    second !== undefined &&
    second.score > 0 &&
    `${first.phrase} ${second.phrase}`.split(' ').length <= 14
  ) {
    const ordered = first.index < second.index ? [first, second] : [second, first];
    return ordered.map((duty) => duty.phrase).join(' and ');
  }
  return first.phrase;
}

/** The values a playbook phrase's slots take. */
export interface PhraseSlots {
  readonly company: string;
  /** True when the posting names no employer and `company` is "your team" or, for a recruiter, "your client". */
  readonly unnamed?: boolean;
  readonly hook: string;
  /** The posting's title, or '' when it names none ("The {role} role" then reads "This role"). */
  readonly role: string;
  readonly focus: string;
}

/**
 * A phrase written for a named employer, said of one the posting does not name: "at Acme" becomes "on your team", and
 * "with your team at Acme" just "with your team". Never "at your team". ("At your client" reads well as it is.)
 */
function withoutEmployerName(template: string, reference: string): string {
  if (reference !== 'your team') return template;
  return template
    .replace(/\s+at \{company\}(?=\W*$)/u, (match) => (/your team/.test(template) ? '' : match))
    .replace(/\bat \{company\}/g, 'on {company}');
}

/** Fills {company}, {company}'s, {hook}, {role} and {focus}; the sentence starts with a capital. */
export function fillPhrase(template: string, slots: PhraseSlots): string {
  // "Project Relay, a real-time feature store" is an aside: close it with a comma when the sentence goes on.
  const appositive = /,\s+(?:a|an|the|its)\s/i.test(slots.hook);
  const filled = (slots.unnamed === true ? withoutEmployerName(template, slots.company) : template)
    .replace(/\{hook\}(?=\s+\p{L})/gu, appositive ? '{hook},' : '{hook}')
    .replace(/\{company\}['’]s/g, possessive(slots.company))
    .replace(/\{company\}/g, slots.company)
    .replace(/\{hook\}/g, slots.hook)
    .replace(/\bthe \{role\} role\b/gi, (match) => (slots.role === '' ? 'this role' : match))
    .replace(/\{role\}/g, slots.role)
    .replace(/\{focus\}/g, slots.focus)
    .replace(/\s+/g, ' ')
    .trim();
  return capitalize(filled);
}
