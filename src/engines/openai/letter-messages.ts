import { stringify } from 'yaml';
import type { DraftRequest, RevisionRequest } from '../../pipeline/engine.js';
import type { Playbook } from '../../playbooks/playbook-schema.js';
import { missingTools, type ToolGap } from '../../profile/candidate-tools.js';
import type { Profile } from '../../profile/profile-schema.js';
import { loadPrompt, type PromptName } from '../../prompts/load-prompt.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import { wrapData } from '../../prompts/wrap-data.js';
import { memoWeak } from '../../text/memo.js';
import type { ChatMessage } from './llm-client.js';

/** How many words of each playbook vocabulary list go into the prompt; the critic reads the full lists. */
const vocabularyPerList = 5;

/** How many stock openers the prompt quotes as examples; the critic checks every one. */
const stockOpenersShown = 3;

const levelPrompts: Record<DraftRequest['profile']['level'], PromptName> = {
  experienced: 'level-experienced',
  'early-career': 'level-early-career',
  'career-changer': 'level-career-changer',
};

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/**
 * The vocabulary lists the industry's rules want a letter to use (what `mentions` and `quantifies` rules look for, and
 * the companion a pitched term needs); lists a rule wants avoided are the don'ts' business. A playbook without rules
 * offers all its lists.
 */
function soughtLists(playbook: Playbook): string[] {
  if (playbook.rules.length === 0) return Object.keys(playbook.vocabulary);
  const names = playbook.rules.flatMap((rule) => {
    if (rule.kind === 'mentions' || rule.kind === 'quantifies') return [rule.vocabulary];
    if (rule.kind === 'needs-companion') return [rule.companion];
    return [];
  });
  return [...new Set(names)];
}

function vocabularyHighlights(playbook: Playbook): string {
  const lines = soughtLists(playbook).flatMap((list) => {
    const words = playbook.vocabulary[list] ?? [];
    if (words.length === 0) return [];
    const shown = words.slice(0, vocabularyPerList).join(', ');
    return [`- ${list}: ${shown}${words.length > vocabularyPerList ? ', ...' : ''}`];
  });
  return lines.length === 0 ? '- (none listed)' : lines.join('\n');
}

/**
 * Tools the posting asks for that the candidate cannot claim, each with the comparable tool they know, if any: the
 * same tool gaps the critic and the offline drafter see.
 */
function toolsTheCandidateLacks(request: DraftRequest): ToolGap[] {
  const { analysis, posting, profile, playbooks } = request;
  return missingTools(analysis.requiredTools, posting, profile, playbooks.common).map(
    ({ tool, comparable }) => ({
      tool,
      comparable,
    }),
  );
}

/**
 * A profile value in few tokens: lists of words on one line, and what only lede uses (tags, empty lists, a `false`
 * production flag) left out.
 */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string'))
      return value.length === 0 ? undefined : value.join(', ');
    return value.length === 0 ? undefined : value.map(compact);
  }
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value)
    .filter(([key, item]) => key !== 'tags' && !(key === 'production' && item === false))
    .map(([key, item]) => [key, compact(item)] as const)
    .filter(([, item]) => item !== undefined);
  return Object.fromEntries(entries);
}

/**
 * The profile as the model sees it: everything a letter may cite, compact, without the contact details it never needs.
 * Written once per profile: a batch sends the same block with every letter.
 */
const profileData = memoWeak((profile: Profile): string => {
  // The level is the system prompt's guidance already.
  const { contact: _contact, level: _level, ...rest } = profile;
  return stringify(compact(rest), { lineWidth: 0 }).trim();
});

/**
 * What was read from the posting, as the letter needs it. The industry is the system prompt's, and the tools the
 * posting asks for are in its text; the tools the candidate lacks are not, so they are spelled out.
 */
function analysisData(request: DraftRequest): string {
  const { analysis } = request;
  return stringify(
    {
      company: analysis.company,
      role: analysis.role,
      hiringManager: analysis.hiringManager,
      // The hook's text alone: its evidence is a sentence of the posting, which the model has below.
      hook: analysis.hook?.text ?? null,
      toolsTheCandidateLacks: toolsTheCandidateLacks(request),
    },
    { lineWidth: 0 },
  ).trim();
}

/**
 * The drafting conversation: a system prompt built from the industry's playbook and the rules every letter follows,
 * and a user message carrying the analysis, the posting (as much of it as the call's budget holds) and the profile as
 * fenced data (never rendered as a template).
 */
export async function letterMessages(request: DraftRequest, postingText: string): Promise<ChatMessage[]> {
  const { playbook, playbooks, profile } = request;
  const system = renderPrompt(await loadPrompt('draft-letter'), {
    stockOpeners: playbooks.common.stockOpeners
      .slice(0, stockOpenersShown)
      .map((opener) => `"${opener}"`)
      .join(', '),
    maxWords: String(request.maxWords),
    levelGuidance: (await loadPrompt(levelPrompts[profile.level])).text,
    industryLabel: playbook.label,
    dos: bullets(playbook.dos),
    donts: bullets(playbook.donts),
    skeleton: playbook.skeleton.trim(),
    vocabulary: vocabularyHighlights(playbook),
  });
  const user = renderPrompt(await loadPrompt('draft-request'), {
    analysis: wrapData('analysis', analysisData(request)),
    posting: wrapData('posting', postingText),
    profile: wrapData('profile', profileData(request.profile)),
  });
  // After the data, where a model reads it last; the system prompt stays the same for every letter (prompt caching).
  const language =
    request.language === undefined
      ? ''
      : `\n\n${renderPrompt(await loadPrompt('write-in-language'), { language: request.language })}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: `${user}${language}` },
  ];
}

function findingsData(request: RevisionRequest): string {
  return request.findings
    .map((finding) => {
      const line = `- [${finding.ruleId}] ${finding.message}`;
      return finding.evidence === null ? line : `${line}\n  quoted: ${JSON.stringify(finding.evidence.text)}`;
    })
    .join('\n');
}

/**
 * The revision conversation: the drafting conversation unchanged, the last draft as the model's own answer, then only
 * the failed findings (rule id, instruction, quoted evidence) and the request for a corrected letter.
 */
export async function revisionMessages(
  request: RevisionRequest,
  postingText: string,
): Promise<ChatMessage[]> {
  const revise = renderPrompt(await loadPrompt('revise-letter'), {
    findings: wrapData('findings', findingsData(request)),
    maxWords: String(request.maxWords),
  });
  return [
    ...(await letterMessages(request, postingText)),
    { role: 'assistant', content: JSON.stringify(request.previous) },
    { role: 'user', content: revise },
  ];
}
