import type { PostingAnalysis } from '../../posting/posting-analysis.js';
import { aboutTheCompany } from '../../text/tokenize.js';
import { bodyMatches, termMatcher } from '../../text/vocabulary-matcher.js';
import type { Finding } from '../finding.js';
import { companyNames, hookWords, type PostingSentence, postingIndex } from '../posting-index.js';
import type { Rule } from '../rule.js';
import { sentenceWordsOf } from '../significant-words.js';
import { excerpt } from '../spans.js';

// For the message's example: a sentence about the work ("You will build ...") beats one about the company's size.
const describesWork =
  /\b(?:build|building|develop|developing|design|designing|own|owning|deploy|deploying|ship|shipping|launch|launching|create|creating|scale|scaling|improve|improving|rebuild|rebuilding|migrate|migrating|you will|you['’]ll|we are|we['’]re)\b/i;

function suggestionScore(sentence: PostingSentence): number {
  return sentence.words.size + (describesWork.test(sentence.text) ? 1000 : 0);
}

function overlap(words: ReadonlySet<string>, target: ReadonlySet<string>): number {
  let count = 0;
  for (const word of target) if (words.has(word)) count++;
  return count;
}

/** A sentence refers to the hook when it shares two words of the hook's text or three of the posting's quote. */
export function refersToHook(own: ReadonlySet<string>, analysis: PostingAnalysis): boolean {
  const words = hookWords(analysis);
  return (
    (words.hook.size > 0 && overlap(own, words.hook) >= Math.min(2, words.hook.size)) ||
    (words.evidence.size > 0 && overlap(own, words.evidence) >= Math.min(3, words.evidence.size))
  );
}

export const companyHookRule: Rule = {
  id: 'company-hook',
  industries: 'all',
  severity: 'error',
  requires: ['posting'],
  description:
    "The letter names the company and refers to the hook found in the posting: one sentence, in a paragraph that names the company or says 'you'/'your', holds two of the hook's significant words (a hyphenated compound such as 'real-time' is one word) or three of the posting quote's; with no hook, to something specific the posting says the team does (two significant words shared with one non-boilerplate posting sentence, not counting the company, the role or tool names). For an agency posting with no company name, only the reference is checked.",
  why: 'A letter that could be sent to any company is read as one that was; the hook shows you read this posting.',
  examples: {
    pass: {
      letter:
        "Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline with real-time feature serving.\n\nFernway's rebuild of the real-time ranking platform behind its home feed is the system I want to help scale next.\n\nBest,\nPriya Raman",
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline with real-time feature serving.\n\nI would love to bring my skills to a fast-growing company like yours.\n\nBest,\nPriya Raman',
    },
  },
  repair: 'add-hook',
  check(letter, context) {
    const findings: Finding[] = [];
    const analysis = context.analysis;
    const names = companyNames(analysis);
    const company = names[0] ?? null;
    if (company !== null && bodyMatches(letter, termMatcher(names)).length === 0) {
      findings.push({
        ruleId: 'company-hook',
        severity: 'error',
        message: `Name ${company} in the letter, in the paragraph that says why you want to work there.`,
        evidence: null,
      });
    }
    const hook = analysis?.hook ?? null;
    if (analysis !== null && hook !== null) {
      // The reference sits where the letter talks to this company, not in the candidate's own story.
      const addressed = letter.paragraphs.filter(
        (paragraph) => names.length === 0 || aboutTheCompany(letter, paragraph, names),
      );
      const words = sentenceWordsOf(letter);
      const refers = letter.sentences.some(
        (sentence, index) =>
          addressed.some((paragraph) => sentence.start >= paragraph.start && sentence.end <= paragraph.end) &&
          refersToHook(words[index] as ReadonlySet<string>, analysis),
      );
      if (!refers) {
        const subject = company ?? 'the team';
        findings.push({
          ruleId: 'company-hook',
          severity: 'error',
          message: `Refer to what the posting says ${subject} is doing, ${hook.text} ("${excerpt(hook.evidence, 120)}"), and say how your experience fits it, e.g. '${company === null ? 'The team' : `${company}`}'s work on ${hook.text} is close to what I have built.'`,
          evidence: null,
        });
      }
      return findings;
    }
    if (context.posting === null) return findings;
    const candidates = postingIndex(context.posting, context.common).sentencesAboutWork(analysis);
    if (candidates.length === 0) return findings;
    const refers = sentenceWordsOf(letter).some((own) =>
      candidates.some((candidate) => overlap(own, candidate.words) >= 2),
    );
    if (!refers) {
      const richest = candidates.reduce((best, candidate) =>
        suggestionScore(candidate) > suggestionScore(best) ? candidate : best,
      );
      findings.push({
        ruleId: 'company-hook',
        severity: 'error',
        message: `Tie the letter to something specific the posting says the team does, such as "${excerpt(richest.text, 120)}", and say how your experience fits it.`,
        evidence: null,
      });
    }
    return findings;
  },
};
