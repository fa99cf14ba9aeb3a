import type { PostingAnalysis } from '../../extract-hook.js';
import { isNotAClaim } from '../find-claims.js';
import type { Finding } from '../finding.js';
import type { Span } from '../letter-anatomy.js';
import { companyNames } from '../posting-index.js';
import {
  canonicalTool,
  comparableTool,
  hasPhrase,
  profileHasTool,
  profileIndex,
  wordsOf,
} from '../profile-index.js';
import type { Rule } from '../rule.js';
import { quote, spanAt } from '../spans.js';
import { aboutTheCompany } from '../tokenize.js';
import { bodyMatches, type TermMatcher, termMatcher, toolMatcher } from '../vocabulary-matcher.js';

const extraMatchers = new WeakMap<PostingAnalysis, Map<string, TermMatcher>>();

// The posting's own spelling of a tool common.yaml does not know, compiled once per posting analysis.
function extraMatcher(analysis: PostingAnalysis, spelling: string): TermMatcher {
  let matchers = extraMatchers.get(analysis);
  if (matchers === undefined) {
    matchers = new Map();
    extraMatchers.set(analysis, matchers);
  }
  let matcher = matchers.get(spelling);
  if (matcher === undefined) {
    matcher = termMatcher([spelling.trim()]);
    matchers.set(spelling, matcher);
  }
  return matcher;
}

export const honestGapsRule: Rule = {
  id: 'honest-gaps',
  industries: 'all',
  severity: 'warning',
  requires: ['profile', 'posting'],
  description:
    'For each tool the posting asks for and the profile lacks, the letter does not claim it, and acknowledges it by naming the comparable tool the candidate knows (the profile’s `comparableTools`, else common.yaml’s) in the same or the next sentence.',
  why: 'Naming the gap and the tool you used instead shows you know what the job needs; a claim you cannot back up does not survive the interview.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline with Redis and TensorFlow Serving. I have not used Kubeflow, but I orchestrate our training pipelines with Airflow.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nI cut inference latency by 40% at Streamline with Redis, and I run our training pipelines on Kubeflow.\n\nBest,\nPriya Raman',
    },
  },
  check(letter, context) {
    const profile = context.profile;
    const analysis = context.analysis;
    if (profile === null || analysis === null) return [];
    const index = profileIndex(profile, context.common);
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const known = bodyMatches(letter, toolMatcher(context.common.tools));
    for (const required of analysis.requiredTools) {
      const tool = canonicalTool(required, context.common);
      if (seen.has(tool) || profileHasTool(index, required, context.common)) continue;
      seen.add(tool);
      const comparable = comparableTool(tool, profile, context.common);
      const mentions = [
        ...known.filter((mention) => mention.term === tool),
        ...bodyMatches(letter, extraMatcher(analysis, required)),
      ];
      // "Your Kubeflow pipelines" is the company's stack, not a claim; "I run Kubeflow" is.
      const claim = mentions.find((mention) => {
        if (isNotAClaim(letter, mention.start)) return false;
        const sentence = spanAt(letter.sentences, mention.start);
        return sentence === null || !aboutTheCompany(letter, sentence, companyNames(analysis));
      });
      const suggestion =
        comparable === null
          ? `'I haven't used ${tool} yet, and I would close that gap in my first weeks'`
          : `'I haven't used ${tool}, but I have done the same work with ${comparable}'`;
      if (claim !== undefined) {
        findings.push({
          ruleId: 'honest-gaps',
          severity: 'warning',
          message: `Do not claim ${tool}: your profile does not list it. Acknowledge the gap instead, e.g. ${suggestion}.`,
          evidence: quote(letter.text, claim.start, claim.end),
        });
        continue;
      }
      const acknowledged = mentions.some((mention) => {
        if (comparable === null) return true;
        const sentence = spanAt(letter.sentences, mention.start);
        if (sentence === null) return false;
        const next: Span | undefined = letter.sentences[letter.sentences.indexOf(sentence) + 1];
        const nearby = `${sentence.text} ${next?.text ?? ''}`;
        return hasPhrase(wordsOf(nearby), comparable);
      });
      if (acknowledged) continue;
      findings.push({
        ruleId: 'honest-gaps',
        severity: 'warning',
        message: `The posting asks for ${tool}, which your profile does not list. Acknowledge it${comparable === null ? '' : ` and name the comparable tool you know, ${comparable}`}, e.g. ${suggestion}.`,
        evidence: null,
      });
    }
    return findings;
  },
};
