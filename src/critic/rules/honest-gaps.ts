import { gapsToAcknowledge, missingTools } from '../../profile/candidate-tools.js';
import { aboutTheCompany } from '../../text/tokenize.js';
import { bodyMatches, phraseMatcher, toolMatcher } from '../../text/vocabulary-matcher.js';
import { hasPhrase, wordsOf } from '../../text/whole-words.js';
import { isNotAClaim } from '../find-claims.js';
import type { Finding } from '../finding.js';
import type { Span } from '../letter-anatomy.js';
import { companyNames } from '../posting-index.js';
import type { Rule } from '../rule.js';
import { quote, spanAt } from '../spans.js';

export const honestGapsRule: Rule = {
  id: 'honest-gaps',
  industries: 'all',
  severity: 'warning',
  requires: ['profile', 'posting'],
  description:
    'For each tool the posting asks for and the profile lacks, the letter does not claim it. The first two such tools are acknowledged, naming the comparable tool the candidate knows (the profile’s `comparableTools`, else common.yaml’s, in either direction) in the same or the next sentence; a tool the posting offers as one of a choice ("XGBoost or LightGBM", "Prophet or similar") needs no acknowledgement when the candidate holds another.',
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
  repair: 'own-the-gap',
  check(letter, context) {
    const { profile, analysis, posting } = context;
    if (profile === null || analysis === null || posting === null) return [];
    const findings: Finding[] = [];
    const known = bodyMatches(letter, toolMatcher(context.common.tools));
    const missing = missingTools(analysis.requiredTools, posting, profile, context.common);
    let unacknowledged = 0;
    for (const { tool, comparable, alternative } of missing) {
      const mentions = [
        ...known.filter((mention) => mention.term === tool),
        // The posting's own spelling of a tool common.yaml does not know.
        ...bodyMatches(letter, phraseMatcher(tool.trim())),
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
      // A tool the posting lets the candidate swap for one they hold needs no apology; past the first few gaps,
      // more would read as a list of weaknesses.
      if (alternative !== null || unacknowledged++ >= gapsToAcknowledge) continue;
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
