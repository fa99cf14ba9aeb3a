import { join } from 'node:path';
import type { DraftRequest } from '../../../src/pipeline/engine.js';
import { loadPlaybooks, playbookFor } from '../../../src/playbooks/load-playbooks.js';
import type { PlaybookSet } from '../../../src/playbooks/playbook-schema.js';
import { findHook } from '../../../src/posting/find-hook.js';
import { classifyIndustryOffline } from '../../../src/posting/find-industry.js';
import { findToolMentions } from '../../../src/posting/find-tools.js';
import { loadPosting, parsePosting } from '../../../src/posting/load-posting.js';
import type { Posting } from '../../../src/posting/posting.js';
import { loadProfile } from '../../../src/profile/load-profile.js';
import type { Profile } from '../../../src/profile/profile-schema.js';
import { profileText, profileTools } from '../../../src/profile/profile-text.js';

/** Shared setup for the offline engine's tests: the bundled playbooks, fixtures and example files. */
export const playbooks: PlaybookSet = await loadPlaybooks();

const root = join(import.meta.dirname, '..', '..', '..');
export const examplePostingsFolder = join(root, 'examples', 'postings');
export const fixturePostingsFolder = join(root, 'test', 'fixtures', 'postings');

export function fixturePosting(name: string): Promise<Posting> {
  return loadPosting(join(fixturePostingsFolder, name));
}

export function examplePosting(name: string): Promise<Posting> {
  return loadPosting(join(examplePostingsFolder, name));
}

export function exampleProfile(
  name: 'experienced-mle' | 'early-career' | 'career-changer',
): Promise<Profile> {
  return loadProfile(join(root, 'examples', 'profiles', `${name}.yaml`));
}

/** A posting written inline in a test. */
export function inlinePosting(text: string, source = 'inline.txt'): Posting {
  return parsePosting(text, source);
}

/** The request the pipeline would build for the offline drafter: classify, extract, pick the playbook. */
export function draftRequest(posting: Posting, profile: Profile, maxWords = 250): DraftRequest {
  const industry = classifyIndustryOffline(posting, playbooks);
  const analysis = findHook(posting, playbooks);
  return {
    posting,
    profile,
    industry,
    analysis,
    playbook: playbookFor(playbooks, industry.industry),
    playbooks,
    maxWords,
  };
}

/** The body: everything between the greeting line and the sign-off. */
export function letterBody(letter: string): string {
  const lines = letter.split('\n');
  const end = lines.findIndex((line) => /^Best,$/.test(line));
  return lines.slice(1, end === -1 ? lines.length : end).join('\n');
}

/** The first sentence after the greeting. */
export function firstSentence(letter: string): string {
  const body = letterBody(letter).trim();
  return /^[\s\S]*?[.!?](?=\s|$)/.exec(body)?.[0] ?? body;
}

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.%$&+/-]*/gu)?.length ?? 0;
}

/**
 * Every number, tool and "At <Employer>," in the letter that neither the profile nor the posting supports. Tools
 * named only to say the candidate has not used them ("I haven't used X", "I am new to X") are not claims.
 */
export function unsupportedClaims(letter: string, profile: Profile, posting: Posting): string[] {
  const known = profileText(profile);
  const postingText = posting.text.toLowerCase();
  const problems: string[] = [];
  const body = letterBody(letter);
  for (const number of body.match(/\d[\d,.]*\d|\d/g) ?? []) {
    if (!known.includes(number.toLowerCase()) && !postingText.includes(number.toLowerCase())) {
      problems.push(`number ${number}`);
    }
  }
  const owned = new Set(profileTools(profile).map((tool) => tool.toLowerCase()));
  for (const mention of findToolMentions(body, playbooks.common.tools)) {
    const sentence = body.slice(body.lastIndexOf('.', mention.start) + 1, body.indexOf('.', mention.end));
    const admitted = /haven't used|have not used|new to/i.test(sentence);
    const claimed = owned.has(mention.name.toLowerCase()) || known.includes(mention.name.toLowerCase());
    if (!claimed && !admitted) problems.push(`tool ${mention.name}`);
  }
  const employers = new Set(
    [...profile.achievements, ...profile.projects].flatMap((fact) =>
      fact.employer === undefined ? [] : [fact.employer],
    ),
  );
  for (const match of body.matchAll(/\b[Aa]t ([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*),/g)) {
    const name = match[1] as string;
    if (!employers.has(name) && !posting.text.includes(name)) problems.push(`employer ${name}`);
  }
  return problems;
}
