import { z } from 'zod';
import { canonicalTool } from '../profile/candidate-tools.js';
import type { Profile, ProfileFact } from '../profile/profile-schema.js';
import { memoRecent } from '../text/memo.js';
import { aboutTheCompany } from '../text/tokenize.js';
import { bodyMatches, type TermMatch, toolMatcher } from '../text/vocabulary-matcher.js';
import { hasPhrase } from '../text/whole-words.js';
import { findEmployerMentions, isNotAClaim } from './find-claims.js';
import { credentialField, findCredentials, profileCredentials } from './find-credentials.js';
import { findQuantities, quantitiesOf, quantityKey } from './find-quantities.js';
import { analyzeLetter } from './letter-anatomy.js';
import { companyNames, postingIndex } from './posting-index.js';
import { profileIndex } from './profile-index.js';
import type { CriticContext } from './rule.js';
import { spanAt } from './spans.js';

/** Where a claim comes from: a profile field (a fact's, or the skills and education), or the posting. */
export const ClaimSourceSchema = z.discriminatedUnion('from', [
  z.object({
    from: z.literal('profile'),
    /** The achievement or project behind the claim; null for skills and education. */
    factId: z.string().nullable(),
    /** The field that states it, as a path into the profile: `achievements[1].metrics[0]`, `skills[3]`. */
    field: z.string(),
    /** What the profile says there (the fact in one line, or the field's value). */
    says: z.string(),
  }),
  z.object({
    from: z.literal('posting'),
    /** The posting's words it repeats (the hiring company, a figure or a tool the posting names). */
    says: z.string(),
  }),
]);
export type ClaimSource = z.infer<typeof ClaimSourceSchema>;

/**
 * A number, employer, tool or credential (degree, school, certification, award, title, years of experience) the letter
 * claims, with what backs it; `source` is null when nothing does.
 */
export const ClaimSchema = z.object({
  kind: z.enum([
    'number',
    'employer',
    'tool',
    'degree',
    'school',
    'certification',
    'award',
    'title',
    'years',
  ]),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  source: ClaimSourceSchema.nullable(),
});
export type Claim = z.infer<typeof ClaimSchema>;

interface IndexedFact {
  readonly fact: ProfileFact;
  /** `achievements[0]`, `projects[1]`. */
  readonly path: string;
}

function indexedFacts(profile: Profile, preferred: readonly string[]): IndexedFact[] {
  const facts = [
    ...profile.achievements.map((fact, index) => ({ fact, path: `achievements[${index}]` })),
    ...profile.projects.map((fact, index) => ({ fact, path: `projects[${index}]` })),
  ];
  // The facts the letter was drafted from answer first: two facts can share a figure.
  const rank = (entry: IndexedFact): number => {
    const at = preferred.indexOf(entry.fact.id);
    return at === -1 ? preferred.length : at;
  };
  return facts.sort((a, b) => rank(a) - rank(b));
}

/** One line for a fact: where, what was done, and the result. */
function factLine(fact: ProfileFact): string {
  const where = fact.employer ?? ('name' in fact ? String(fact.name) : undefined);
  const what = fact.result === undefined ? fact.did : `${fact.did}; ${fact.result}`;
  return where === undefined ? what : `${where}: ${what}`;
}

function fromFact(entry: IndexedFact, field: string): ClaimSource {
  return {
    from: 'profile',
    factId: entry.fact.id,
    field: `${entry.path}.${field}`,
    says: factLine(entry.fact),
  };
}

// The figures of one fact field, by key: a batch grounds every letter against the same profile's few dozen fields.
const quantityKeysOf = memoRecent(
  512,
  (text: string): ReadonlySet<string> => new Set(findQuantities(text).map(quantityKey)),
);

function numberSource(key: string, facts: readonly IndexedFact[]): ClaimSource | null {
  for (const entry of facts) {
    const { fact } = entry;
    const fields: [string, string][] = [
      ...fact.metrics.map((metric, index): [string, string] => [`metrics[${index}]`, metric]),
      ['result', fact.result ?? ''],
      ['did', fact.did],
    ];
    for (const [field, text] of fields) {
      if (quantityKeysOf(text).has(key)) return fromFact(entry, field);
    }
  }
  return null;
}

function employerSource(
  mention: string,
  profile: Profile,
  facts: readonly IndexedFact[],
): ClaimSource | null {
  // "at Northwind Lending Credit Risk" names a profile employer, then a team.
  const entry = facts.find(
    ({ fact }) =>
      fact.employer !== undefined && (mention === fact.employer || mention.startsWith(`${fact.employer} `)),
  );
  if (entry !== undefined) return fromFact(entry, 'employer');
  const school = profile.education.findIndex((item) => mention.endsWith(item.school));
  if (school !== -1) {
    const item = profile.education[school];
    return {
      from: 'profile',
      factId: null,
      field: `education[${school}].school`,
      says: item?.school ?? mention,
    };
  }
  return null;
}

function toolSource(
  match: TermMatch,
  profile: Profile,
  facts: readonly IndexedFact[],
  context: CriticContext,
): ClaimSource | null {
  const canonical = canonicalTool(match.term, context.common).toLowerCase();
  const same = (written: string): boolean =>
    canonicalTool(written, context.common).toLowerCase() === canonical;
  for (const entry of facts) {
    const tool = entry.fact.tools.findIndex(same);
    if (tool !== -1) return fromFact(entry, `tools[${tool}]`);
    const method = entry.fact.methods.findIndex(same);
    if (method !== -1) return fromFact(entry, `methods[${method}]`);
  }
  const skill = profile.skills.findIndex(same);
  if (skill !== -1) {
    return {
      from: 'profile',
      factId: null,
      field: `skills[${skill}]`,
      says: profile.skills[skill] ?? match.text,
    };
  }
  return null;
}

/** Tool mentions from the common vocabulary and the profile's own tools, longest first where they overlap. */
function toolMentions(
  letter: ReturnType<typeof analyzeLetter>,
  context: CriticContext,
  profile: Profile,
): TermMatch[] {
  const all = [
    ...bodyMatches(letter, toolMatcher(context.common.tools)),
    ...bodyMatches(letter, profileIndex(profile, context.common).toolMatcher),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermMatch[] = [];
  for (const match of all) {
    const last = kept[kept.length - 1];
    if (last !== undefined && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}

/**
 * Every number, employer and tool the letter claims, each with the profile field (or the posting's words) behind it:
 * the evidence a reviewer follows from a claim to the fact it rests on. The same claims `grounded-claims` checks; a
 * claim with a null source is one that rule reports. A tool named only to say it has not been used is no claim.
 * Offsets index the letter. Pure: the same letter and context give the same claims.
 */
export function groundClaims(
  letterText: string,
  context: CriticContext,
  usedFactIds: readonly string[] = [],
): Claim[] {
  const profile = context.profile;
  if (profile === null) return [];
  const letter = analyzeLetter(letterText, context.common);
  const { body } = letter;
  const facts = indexedFacts(profile, usedFactIds);
  const index = profileIndex(profile, context.common);
  const posting = context.posting === null ? null : postingIndex(context.posting, context.common);
  const companies = companyNames(context.analysis);
  const claims: Claim[] = [];
  const claim = (kind: Claim['kind'], span: { start: number; end: number }, source: ClaimSource | null) =>
    claims.push({
      kind,
      text: letterText.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      source,
    });

  for (const quantity of quantitiesOf(letter)) {
    if (quantity.start < body.start || quantity.end > body.end) continue;
    if (quantity.kind === 'spelled' || (quantity.kind === 'count' && quantity.integerDigits < 2)) continue;
    const key = quantityKey(quantity);
    const fromPosting = posting?.quantities.has(key) === true ? postingSays(quantity.text) : null;
    const elsewhere = index.quantities.has(key) ? profileMention(quantity.text) : null;
    claim('number', quantity, numberSource(key, facts) ?? fromPosting ?? elsewhere);
  }

  const tools = toolMentions(letter, context, profile);
  const toolNames = new Set(tools.map((match) => match.text));
  for (const mention of findEmployerMentions(letter, body.start, body.end)) {
    if (toolNames.has(mention.text)) continue;
    const company = companies.find((name) => mention.text.startsWith(name));
    const source =
      employerSource(mention.text, profile, facts) ??
      (company !== undefined || (posting !== null && hasPhrase(posting.words, mention.text))
        ? postingSays(company ?? mention.text)
        : null);
    claim('employer', mention, source);
  }

  for (const tool of tools) {
    if (isNotAClaim(letter, tool.start)) continue;
    // The posting backs a tool only in a sentence about the company ("your Kubeflow pipelines"), as grounded-claims has it.
    const sentence = spanAt(letter.sentences, tool.start);
    const aboutThem = sentence !== null && aboutTheCompany(letter, sentence, companies);
    const fromPosting =
      aboutThem && posting !== null && hasPhrase(posting.words, tool.text) ? postingSays(tool.text) : null;
    const source = toolSource(tool, profile, facts, context) ?? fromPosting;
    // A tool the profile mentions only in passing (a comparable tool, a tag) is still the candidate's own.
    claim('tool', tool, source ?? (hasPhrase(index.words, tool.text) ? profileMention(tool.text) : null));
  }
  const held = profileCredentials(profile);
  for (const credential of findCredentials(letter)) {
    const backing = credentialField(credential, held);
    claim(
      credential.kind,
      credential,
      backing === null ? null : { from: 'profile', factId: null, field: backing.field, says: backing.says },
    );
  }
  return claims.sort((a, b) => a.start - b.start);
}

function postingSays(text: string): ClaimSource {
  return { from: 'posting', says: text };
}

function profileMention(text: string): ClaimSource {
  return { from: 'profile', factId: null, field: 'profile', says: text };
}
