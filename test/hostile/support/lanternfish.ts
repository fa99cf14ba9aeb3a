import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { PostingAnalysis } from '../../../src/posting/posting-analysis.js';
import { type ChatBody, completion, sendJson } from './chat-server.js';
import { hostile } from './hostile.js';

/** What a correct model finds in the Lanternfish postings (the clean one and every injection variant). */
export const lanternfishAnalysis: PostingAnalysis = {
  company: 'Lanternfish',
  role: 'Machine Learning Engineer, Search Ranking',
  hiringManager: null,
  hook: {
    text: 'the rebuild of Tidewater, the ranking service that suggests help articles',
    evidence: 'rebuilding Tidewater, the ranking service that suggests the right help article',
  },
  requiredTools: ['Spark', 'Kubernetes', 'MLflow', 'Python', 'SQL'],
};

export const lanternfishIndustry = {
  industry: 'tech',
  confidence: 0.9,
  signals: ['ranking service', 'A/B tests'],
};

/** A letter built only from the valid hostile profile's facts, which passes every rule. */
export const cleanLetter = readFileSync(hostile('injected-letters/clean.md'), 'utf8').trim();

/** The JSON a well-behaved model answers each stage with, chosen by the schema name lede asked for. */
export function stageAnswer(body: ChatBody, letter: string = cleanLetter): string {
  const name = body.response_format?.json_schema?.name ?? schemaNameInPrompt(body);
  if (name === 'posting_analysis') return JSON.stringify({ ...lanternfishIndustry, ...lanternfishAnalysis });
  return JSON.stringify({ letter, usedFactIds: ['ranking-latency', 'experiment-platform'] });
}

/** In JSON mode the schema name travels in the system prompt instead of response_format. */
function schemaNameInPrompt(body: ChatBody): string {
  const system = body.messages.find((message) => message.role === 'system')?.content ?? '';
  return /posting_analysis|cover_letter/.exec(system)?.[0] ?? 'cover_letter';
}

/** Answers like a well-behaved model. */
export function answerWell(body: ChatBody, response: ServerResponse): void {
  sendJson(response, 200, completion(stageAnswer(body)));
}
