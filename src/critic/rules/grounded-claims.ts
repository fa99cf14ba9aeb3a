import { candidateTools } from '../../profile/candidate-tools.js';
import { aboutTheCompany, tokensOf } from '../../text/tokenize.js';
import { bodyMatches, findTermsIn, termMatcher, toolMatcher } from '../../text/vocabulary-matcher.js';
import { hasPhrase } from '../../text/whole-words.js';
import { findEmployerMentions, isNotAClaim } from '../find-claims.js';
import { type Quantity, quantitiesOf, quantityKey } from '../find-quantities.js';
import type { Finding } from '../finding.js';
import type { LetterAnatomy } from '../letter-anatomy.js';
import { companyNames, postingIndex } from '../posting-index.js';
import { profileIndex } from '../profile-index.js';
import type { CriticContext, Rule } from '../rule.js';
import { quote, spanAt } from '../spans.js';

// A number inside a vocabulary term is part of a name ("SR 11-7", "Basel III"), not a claim.
function insideVocabularyTerm(letter: LetterAnatomy, quantity: Quantity, context: CriticContext): boolean {
  const tokens = tokensOf(letter);
  return Object.values(context.playbook.vocabulary).some((terms) =>
    findTermsIn(
      letter.text,
      tokens,
      termMatcher(terms),
      Math.max(0, quantity.start - 20),
      quantity.end + 20,
    ).some((match) => match.start <= quantity.start && match.end >= quantity.end),
  );
}

export const groundedClaimsRule: Rule = {
  id: 'grounded-claims',
  anyLanguage: true,
  industries: 'all',
  severity: 'error',
  requires: ['profile'],
  description:
    'Every number, employer ("At Acme, ...") and tool the letter claims appears in the profile; the hiring company and facts quoted from the posting are allowed, and a tool mentioned only to say you have not used it is not a claim.',
  why: 'One invented figure or tool, found in an interview, undoes the whole application; lede writes only what the profile says.',
  examples: {
    pass: {
      letter:
        'Dear Dana Ortiz,\n\nAt Streamline, I cut inference latency by 40% for 2M+ users with Redis and TensorFlow Serving. I have not used Kubeflow, but I run our training pipelines on Airflow.\n\nBest,\nPriya Raman',
    },
    fail: {
      letter:
        'Dear Dana Ortiz,\n\nAt Globex, I cut inference latency by 65% for 10M users with Kubeflow and TensorFlow Serving.\n\nBest,\nPriya Raman',
    },
  },
  family: {
    fails: [
      'I joined Shopify to build its ranking service.',
      'I worked for Globex on fraud models.',
      'At Globex, I cut fraud losses by 30%.',
    ],
    passes: [
      'I joined the ranking team at Streamline and cut inference latency by 40%.',
      'I worked for two years at Streamline on real-time feature serving.',
    ],
  },
  repair: 'drop-sentence',
  check(letter, context) {
    const profile = context.profile;
    if (profile === null) return [];
    const index = profileIndex(profile, context.common);
    const posting = context.posting === null ? null : postingIndex(context.posting, context.common);
    const companies = companyNames(context.analysis);
    const { body } = letter;
    const findings: Finding[] = [];
    const figures = [...new Set(profileFactsMetrics(profile))].slice(0, 4);

    for (const quantity of quantitiesOf(letter)) {
      if (quantity.start < body.start || quantity.end > body.end) continue;
      if (quantity.kind === 'spelled' || (quantity.kind === 'count' && quantity.integerDigits < 2)) continue;
      const key = quantityKey(quantity);
      if (index.quantities.has(key) || posting?.quantities.has(key) === true) continue;
      if (insideVocabularyTerm(letter, quantity, context)) continue;
      findings.push({
        ruleId: 'grounded-claims',
        severity: 'error',
        message: `Remove '${quantity.text}' or replace it with a figure your profile states${figures.length === 0 ? '' : ` (${figures.join(', ')})`}; if it is true, add it to the achievement's metrics in your profile first.`,
        evidence: quote(letter.text, quantity.start, quantity.end),
      });
    }

    const tools = bodyMatches(letter, toolMatcher(context.common.tools));
    const toolNames = new Set(tools.map((match) => match.text));
    for (const mention of findEmployerMentions(letter, body.start, body.end)) {
      if (toolNames.has(mention.text) || hasPhrase(index.words, mention.text)) continue;
      // "at Northwind Lending Credit Risk" names a profile employer, then a team.
      if (index.employers.some((employer) => mention.text.startsWith(`${employer} `))) continue;
      if (companies.some((name) => mention.text.startsWith(name))) continue;
      if (posting !== null && hasPhrase(posting.words, mention.text)) continue;
      const employers =
        index.employers.length === 0 ? '' : ` (your profile lists ${index.employers.join(', ')})`;
      findings.push({
        ruleId: 'grounded-claims',
        severity: 'error',
        message: `Remove the employer '${mention.text}' or add that work to your profile${employers}; a letter names only employers from your profile.`,
        evidence: quote(letter.text, mention.start, mention.end),
      });
    }

    for (const tool of tools) {
      if (index.knownTools.has(tool.term)) continue;
      if (isNotAClaim(letter, tool.start)) continue;
      const sentence = spanAt(letter.sentences, tool.start);
      if (
        posting !== null &&
        hasPhrase(posting.words, tool.text) &&
        sentence !== null &&
        aboutTheCompany(letter, sentence, companies)
      )
        continue;
      const comparable = candidateTools(profile, context.common).comparable(tool.term);
      const honest =
        comparable === null
          ? `'I haven't used ${tool.term} yet'`
          : `'I haven't used ${tool.term}, but I have done the same work with ${comparable}'`;
      findings.push({
        ruleId: 'grounded-claims',
        severity: 'error',
        message: `Remove the claim to ${tool.term}: your profile does not list it. If you have used it, add it to your profile's skills; if the posting asks for it, say so honestly, e.g. ${honest}.`,
        evidence: quote(letter.text, tool.start, tool.end),
      });
    }
    return findings.sort((a, b) => (a.evidence?.start ?? 0) - (b.evidence?.start ?? 0));
  },
};

function profileFactsMetrics(profile: NonNullable<CriticContext['profile']>): string[] {
  return [...profile.achievements, ...profile.projects].flatMap((fact) =>
    fact.metrics.filter((metric) => /\d/.test(metric)),
  );
}
