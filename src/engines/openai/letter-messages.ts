import { stringify } from 'yaml';
import type { DraftRequest, RevisionRequest } from '../../pipeline/engine.js';
import type { Playbook } from '../../playbooks/playbook-schema.js';
import { missingTools, type ToolGap } from '../../profile/candidate-tools.js';
import { loadPrompt, type PromptName } from '../../prompts/load-prompt.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import { wrapData } from '../../prompts/wrap-data.js';
import type { ChatMessage } from './llm-client.js';

/** How many words of each playbook vocabulary list go into the prompt; the critic reads the full lists. */
const vocabularyPerList = 8;

/** How many stock openers the prompt quotes as examples; the critic checks every one. */
const stockOpenersShown = 10;

const levelPrompts: Record<DraftRequest['profile']['level'], PromptName> = {
  experienced: 'level-experienced',
  'early-career': 'level-early-career',
  'career-changer': 'level-career-changer',
};

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

function vocabularyHighlights(playbook: Playbook): string {
  const lists = Object.entries(playbook.vocabulary);
  if (lists.length === 0) return '- (none listed)';
  return lists
    .map(([list, words]) => {
      const shown = words.slice(0, vocabularyPerList).join(', ');
      return `- ${list}: ${shown}${words.length > vocabularyPerList ? ', ...' : ''}`;
    })
    .join('\n');
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

/** The profile as the model sees it: everything a letter may cite, compact, without contact details it never needs. */
function profileData(request: DraftRequest): string {
  const { contact: _contact, ...rest } = request.profile;
  return stringify(compact(rest), { lineWidth: 0 }).trim();
}

function analysisData(request: DraftRequest): string {
  const { analysis, industry } = request;
  return stringify(
    {
      industry: industry.industry,
      company: analysis.company,
      role: analysis.role,
      hiringManager: analysis.hiringManager,
      hook: analysis.hook,
      requiredTools: analysis.requiredTools,
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
    priorities: bullets(playbook.priorities),
    dos: bullets(playbook.dos),
    donts: bullets(playbook.donts),
    skeleton: playbook.skeleton.trim(),
    vocabulary: vocabularyHighlights(playbook),
  });
  const user = renderPrompt(await loadPrompt('draft-request'), {
    analysis: wrapData('analysis', analysisData(request)),
    posting: wrapData('posting', postingText),
    profile: wrapData('profile', profileData(request)),
  });
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
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
