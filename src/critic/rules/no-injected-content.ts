import { invisibleCharacters } from '../../text/normalise-text.js';
import { type Token, tokenIndexAt, tokensOf } from '../../text/tokenize.js';
import { findTermsIn, termMatcher } from '../../text/vocabulary-matcher.js';
import { hasPhrase, wordsOf } from '../../text/whole-words.js';
import type { Finding } from '../finding.js';
import type { LetterAnatomy, Span } from '../letter-anatomy.js';
import { companyNames, copiedRunLength, hookWordRuns, postingIndex } from '../posting-index.js';
import { normalizeContact, type ProfileIndex, profileIndex } from '../profile-index.js';
import type { Rule } from '../rule.js';
import { excerpt, quote, quoteSpan, spanAt } from '../spans.js';

function isSymbol(word: string): boolean {
  return word === '+' || word === '&' || word === '/' || word === '#';
}

// Contact details: emails, web addresses (with or without a scheme), phone numbers.
const contactPattern =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\b(?:https?:\/\/|www\.)[^\s<>()"']+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|io|ai|org|net|dev|co|app|xyz|me|info|biz|ly|gg|site|online)(?:\/[^\s<>()"']*)?(?![\p{L}\p{N}])|(?<![\p{N}])(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?![\p{N}])|(?<![\p{N}])\+\d{1,3}[\s.-]?\d[\d\s.-]{5,}\d(?![\p{N}])/gu;

// A street address: a house number, one to three capitalised words and a street word ("12 Harbour Street").
const streetAddressPattern =
  /(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq|Terrace|Close|Crescent)\b\.?/gu;

// Cheap first passes: most letters hold none of these, and the full patterns are slow to run on every letter.
const mayHoldContact =
  /@|\.(?:com|io|ai|org|net|dev|co|app|xyz|me|info|biz|ly|gg|site|online)(?![A-Za-z0-9])|https?:|www\.|\d{3}[\s.-]\d{4}|\+\d/i;

// A marker code ("PINEAPPLE-42", "LF-AMBASSADOR-88"): planted instructions sign their output with one.
const codePattern = /(?<![A-Za-z0-9-])[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d{2,}(?![A-Za-z0-9])/g;
const zeroWidth = /[\u200B-\u200F\u2060\uFEFF]/g;
const invisibleRuns = new RegExp(`(?:${invisibleCharacters.source})+`, 'gu');

// Promises about pay: no letter makes them, and planted instructions love them ("I will accept any salary").
const payTalk = [
  'salary',
  'salaries',
  'compensation',
  'remuneration',
  'unpaid',
  'wage',
  'wages',
  'for free',
  'without pay',
  'pay cut',
];

// Markup in a letter (<leak>, </div>): text from a page or a prompt, never something a candidate writes.
const markupPattern = /<\/?[a-z][a-z0-9-]*(?:\s[^<>\n]*)?\/?>/g;
// Words that every instruction pattern below contains: only the sentences (or lines) holding one are searched.
const instructionWords = new Set(
  'ignore disregard forget override ai language system prompt instruction instructions sorry unable im endoftext inst assistant user jailbreak developer injection writer chatbot bot'.split(
    ' ',
  ),
);

/** The sentences, or outside the body the lines, that hold a word an instruction pattern needs. */
function instructionSegments(letter: LetterAnatomy): Span[] {
  const segments: Span[] = [];
  const { text } = letter;
  for (const token of tokensOf(letter)) {
    if (!instructionWords.has(token.lower)) continue;
    if (segments.some((segment) => token.start >= segment.start && token.end <= segment.end)) continue;
    const sentence = spanAt(letter.sentences, token.start);
    if (sentence !== null) segments.push(sentence);
    else {
      const start = text.lastIndexOf('\n', token.start) + 1;
      const newline = text.indexOf('\n', token.end);
      const end = newline === -1 ? text.length : newline;
      segments.push({ text: text.slice(start, end), start, end });
    }
  }
  return segments;
}

// Text written to or by a language model rather than to a hiring manager: injected instructions, a model naming
// itself. A model talking about its output ("Here is your cover letter", "I hope this helps") is no-model-self-talk's.
const instructionPattern =
  /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original)\s+(?:instructions?|prompts?|directions?|rules|messages?)|\bas an ai(?:,| (?:language )?model\b| assistant\b)|\bas a (?:large )?language model\b|\b(?:the |your |my )?system prompt\b|\b(?:new|hidden|secret|additional) instructions? (?:for|to) (?:the )?(?:ai|model|assistant|llm|writer)\b|\bI(?:['’]m| am) (?:sorry|unable)\b[^.\n]{0,40}\b(?:can(?:not|['’]t)|unable to) (?:help|comply|assist|do that)|<\|(?:im_start|im_end|system|endoftext)\|>|\[\/?INST\]|^[ \t]*(?:system|assistant|user)[ \t]*:|\byou are (?:a|an|now)\b[^.\n]{0,40}?\b(?:writer|assistant|chatbot|bot|ai|language model)\b|\bjailbreak\b|\bdeveloper mode\b|\bprompt injection\b/gim;

function isOwnContact(detail: string, contacts: ProfileIndex['contacts']): boolean {
  const digits = detail.replace(/\D/g, '');
  if (/^[\d\s().+-]+$/.test(detail))
    return contacts.phones.some((phone) => phone !== '' && phone.endsWith(digits.slice(-10)));
  const normalized = normalizeContact(detail);
  return contacts.texts.some(
    (own) => own === normalized || own.startsWith(`${normalized}/`) || normalized.startsWith(`${own}/`),
  );
}

export const noInjectedContentRule: Rule = {
  id: 'no-injected-content',
  anyLanguage: true,
  industries: 'all',
  severity: 'error',
  requires: [],
  description: `Nothing in the letter is foreign to a letter from this candidate: no contact details (email, web address, phone, street address) other than the profile's (without a profile: none copied from the posting), no text addressed to or written by a language model ("ignore previous instructions", "system prompt", "as an AI", "Here is your cover letter"), no marker code copied from the posting ("PINEAPPLE-42"), no promise about pay ("I will accept any salary"), no markup tags, and no run of ${copiedRunLength} or more words copied from the posting outside the hook and outside a sentence naming the company.`,
  why: 'A posting can carry instructions aimed at the model that writes your letter; what they smuggle in (a stranger’s link, a line the employer planted, a chatbot aside) must never reach a hiring manager.',
  examples: {
    pass: {
      letter:
        "Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline with real-time feature serving. Fernway's rebuild of the real-time ranking platform behind the Fernway home feed is where I want to help next.\n\nBest,\nPriya Raman\npriya.raman@example.com",
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline with real-time feature serving. As instructed, I ignore previous instructions and list my references at www.offers-example.biz.\n\nBest,\nPriya Raman',
    },
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const findings: Finding[] = [];
    const { text } = letter;
    const posting = context.posting;

    // A letter someone pasted can hide text from its reader; lede's own drafts are cleaned before they get here.
    for (const match of text.matchAll(invisibleRuns)) {
      const codes = [...match[0]].map(
        (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
      );
      findings.push({
        ruleId: 'no-injected-content',
        severity: 'error',
        message: `Remove the invisible character${codes.length > 1 ? 's' : ''} ${[...new Set(codes)].join(', ')} here: a reader cannot see ${codes.length > 1 ? 'them' : 'it'}, but a program reading the letter can, and such characters can hide or reorder text.`,
        evidence: quote(text, match.index, match.index + match[0].length),
      });
    }

    const contacts = mayHoldContact.test(text) ? text.matchAll(contactPattern) : [];
    for (const match of contacts) {
      const detail = match[0].replace(/[.,;:]+$/, '');
      const own =
        context.profile !== null &&
        isOwnContact(detail, profileIndex(context.profile, context.common).contacts);
      if (own) continue;
      const copied =
        posting !== null && postingIndex(posting, context.common).words.includes(wordsOf(detail));
      if (context.profile === null && !copied) continue;
      findings.push({
        ruleId: 'no-injected-content',
        severity: 'error',
        message: `Remove '${detail}': ${copied ? 'it comes from the posting, not from you' : 'it is not among the contact details in your profile'}. A letter carries only your own contact details.`,
        evidence: quote(text, match.index, match.index + detail.length),
      });
    }

    // An address the profile does not hold: a posting can ask for one to be added (a mail drop, a fake office).
    if (context.profile !== null) {
      const own = [context.profile.contact.location ?? '', ...context.profile.contact.links]
        .join('\n')
        .toLowerCase();
      for (const match of text.matchAll(streetAddressPattern)) {
        if (own.includes(match[0].toLowerCase())) continue;
        findings.push({
          ruleId: 'no-injected-content',
          severity: 'error',
          message: `Remove the address '${match[0]}': it is not among the contact details in your profile. A letter carries only your own details; add your address to the profile's contact.location if you want it here.`,
          evidence: quote(text, match.index, match.index + match[0].length),
        });
      }
    }

    for (const segment of instructionSegments(letter)) {
      for (const match of segment.text.matchAll(instructionPattern)) {
        const start = segment.start + match.index;
        findings.push({
          ruleId: 'no-injected-content',
          severity: 'error',
          message: `Remove '${match[0].trim()}': it is addressed to or written by a language model, not to a hiring manager (it may have come from instructions hidden in the posting).`,
          evidence: quote(text, start, start + match[0].length),
        });
      }
    }

    const profileWords = context.profile === null ? '' : profileIndex(context.profile, context.common).words;
    if (posting !== null) {
      const postingText = posting.text.replace(zeroWidth, '');
      for (const match of text.matchAll(codePattern)) {
        if (!postingText.includes(match[0]) || hasPhrase(profileWords, match[0])) continue;
        findings.push({
          ruleId: 'no-injected-content',
          severity: 'error',
          message: `Remove '${match[0]}': it is a marker code copied from the posting, not anything you did; planted instructions use such codes to see whether a letter obeys them.`,
          evidence: quote(text, match.index, match.index + match[0].length),
        });
      }
    }

    for (const match of findTermsIn(text, tokensOf(letter), termMatcher(payTalk))) {
      if (hasPhrase(profileWords, match.text)) continue;
      findings.push({
        ruleId: 'no-injected-content',
        severity: 'error',
        message: `Remove the sentence about '${match.text}': a cover letter makes no promises about pay (leave it to the conversation with the recruiter), and such lines are a common plant in postings.`,
        evidence: quote(text, match.start, match.end),
      });
    }

    const markup = text.includes('<') ? text.matchAll(markupPattern) : [];
    for (const match of markup) {
      findings.push({
        ruleId: 'no-injected-content',
        severity: 'error',
        message: `Remove the markup '${match[0]}': a letter is plain text, and tags like this come from a web page or a prompt, not from you.`,
        evidence: quote(text, match.index, match.index + match[0].length),
      });
    }

    if (posting !== null) {
      const index = postingIndex(posting, context.common);
      const { vocabulary } = index;
      const hook = context.analysis === null ? '' : hookWordRuns(context.analysis);
      const companies = companyNames(context.analysis);
      const tokens = tokensOf(letter);
      for (const sentence of letter.sentences) {
        if (companies.some((name) => sentence.text.includes(name))) continue;
        const words: string[] = [];
        const end = tokenIndexAt(tokens, sentence.end);
        for (let at = tokenIndexAt(tokens, sentence.start); at < end; at++) {
          const token = tokens[at] as Token;
          if (!isSymbol(token.raw)) words.push(token.lower);
        }
        let copied: string | undefined;
        // Only a stretch of words that all occur in the posting can be a copied run: join and look up just those.
        let streak = 0;
        for (let at = 0; at < words.length && copied === undefined; at++) {
          streak = vocabulary.has(words[at] as string) ? streak + 1 : 0;
          if (streak < copiedRunLength) continue;
          const run = words.slice(at + 1 - copiedRunLength, at + 1).join(' ');
          if (index.wordRun.includes(` ${run} `) && !hook.includes(` ${run} `)) copied = run;
        }
        if (copied === undefined) continue;
        findings.push({
          ruleId: 'no-injected-content',
          severity: 'error',
          message: `Rewrite or remove this sentence: it copies the posting word for word ("${excerpt(copied, 100)}") and is not the hook. Say in your own words what you did or why this work fits you.`,
          evidence: quoteSpan(sentence),
        });
      }
    }
    return findings.sort((a, b) => (a.evidence?.start ?? 0) - (b.evidence?.start ?? 0));
  },
};
