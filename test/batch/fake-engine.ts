import type { Engine, EngineCallOptions } from '../../src/pipeline/engine.js';
import type { Usage } from '../../src/pipeline/usage.js';
import type { Posting } from '../../src/posting/posting.js';

/** One engine call, as the fake saw it. */
export interface FakeCall {
  readonly stage: 'analyze' | 'draft' | 'revise';
  readonly source: string;
}

export interface FakeEngineOptions {
  readonly name?: 'offline' | 'openai';
  readonly model?: string;
  /** Runs before each call; throw to make the call fail, await to hold it. */
  readonly before?: (call: FakeCall, options: EngineCallOptions | undefined) => void | Promise<void>;
  /** What each call costs. */
  readonly usage?: Usage;
  /** The first draft for a posting; revisions drop every "TODO". */
  readonly draft?: (company: string | null, source: string) => string;
}

export const callUsage: Usage = { calls: 1, promptTokens: 1000, completionTokens: 200, cachedCalls: 0 };

/** "Company: Acme Robotics" in the posting names the company. */
export function companyIn(text: string): string | null {
  return /Company: ([A-Z][\w ]*\w)/.exec(text)?.[1] ?? null;
}

export function defaultDraft(company: string | null): string {
  return `Dear Hiring Manager,\n\nI cut inference latency by 40% at Streamline, and I would like to do the same for ${
    company ?? 'your team'
  }.\n\nBest,\nPriya Raman`;
}

/**
 * A deterministic engine for batch tests: the industry is "finance" when the posting mentions a bank, else "tech";
 * the company comes from a "Company:" line; letters come from `draft`. Records every call.
 */
export function createFakeEngine(options: FakeEngineOptions = {}): Engine & { readonly calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const usage =
    options.usage ??
    (options.name === 'offline'
      ? { calls: 0, promptTokens: 0, completionTokens: 0, cachedCalls: 0 }
      : callUsage);
  const draft = options.draft ?? defaultDraft;
  const enter = async (
    stage: FakeCall['stage'],
    posting: Posting,
    callOptions: EngineCallOptions | undefined,
  ) => {
    const call = { stage, source: posting.source };
    calls.push(call);
    await options.before?.(call, callOptions);
    callOptions?.signal?.throwIfAborted();
  };
  return {
    name: options.name ?? 'openai',
    model: options.model ?? 'gpt-4o-mini',
    calls,
    async readPosting(posting, _playbooks, callOptions) {
      await enter('analyze', posting, callOptions);
      const industry = /\bbank/i.test(posting.text) ? 'finance' : 'tech';
      return {
        value: {
          industry: { industry, confidence: 0.9, signals: [industry] },
          analysis: {
            company: companyIn(posting.text),
            role: null,
            hiringManager: null,
            hook: null,
            requiredTools: [],
          },
        },
        usage,
      };
    },
    async draftLetter(request, callOptions) {
      await enter('draft', request.posting, callOptions);
      return {
        value: {
          letter: draft(request.analysis.company, request.posting.source),
          usedFactIds: ['realtime-serving'],
        },
        usage,
      };
    },
    async reviseLetter(request, callOptions) {
      await enter('revise', request.posting, callOptions);
      return {
        value: { letter: request.previous.letter.replaceAll('TODO ', ''), usedFactIds: ['realtime-serving'] },
        usage,
      };
    },
  };
}
