import { z } from 'zod';
import type { DraftRequest, Engine, EngineCallOptions, Metered } from '../../pipeline/engine.js';
import { type Draft, DraftSchema, type PostingSent } from '../../pipeline/engine.js';
import type { PlaybookSet } from '../../playbooks/playbook-schema.js';
import { type LeanPosting, leanPosting, leanPostingTokens } from '../../posting/lean-posting.js';
import type { Posting } from '../../posting/posting.js';
import { IndustryResultSchema, PostingAnalysisSchema } from '../../posting/posting-analysis.js';
import { profileFacts } from '../../profile/profile-schema.js';
import { loadPrompt } from '../../prompts/load-prompt.js';
import { renderPrompt } from '../../prompts/render-prompt.js';
import { wrapData } from '../../prompts/wrap-data.js';
import { letterMaxTokens, refuseOverlong } from './letter-budget.js';
import { letterMessages, revisionMessages } from './letter-messages.js';
import type { ChatMessage, LlmClient } from './llm-client.js';
import { callStructured } from './structured-call.js';

export interface LlmEngineOptions {
  /** The endpoint, usually `withResponseCache(createOpenAiClient(...))`. */
  readonly client: LlmClient;
  /** Sampling temperature for every call (`--temperature`); absent means the server's default. */
  readonly temperature?: number | undefined;
  /** Output token limit for every call; absent: the server's default for the analysis, and for a letter a limit from its word limit. */
  readonly maxTokens?: number | undefined;
  /** Which repeat of the same run this is (eval `--repeat`); keeps repeats apart in the response cache. */
  readonly repeat?: number | undefined;
  /** Most tokens of posting text the analysis and each letter call carry, boilerplate left out first. */
  readonly postingTokens?: { readonly analysis: number; readonly letter: number } | undefined;
}

/** What the model is told of the posting's reading: nothing when it saw the whole text. */
function sentOf(lean: LeanPosting): PostingSent | undefined {
  if (lean.boilerplateDropped === 0 && lean.cutForBudget === 0) return undefined;
  const { words, totalWords, boilerplateDropped, cutForBudget } = lean;
  return { words, totalWords, boilerplateDropped, cutForBudget };
}

/** Blank strings mean "not given": null, so they do not cost a repair call. */
function blankToNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

/**
 * A confidence on another scale, read as one on 0 to 1: a percentage (85) as 0.85, anything else held to the range.
 * JSON Schema's minimum and maximum are not sent (strict mode refuses them), so a small model may write 3 or 85; the
 * number only ranks the reading, and a repair call (or the lost letter when the repair writes 3 again) costs more.
 */
function toUnitConfidence(value: unknown): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  const scaled = value > 1 && value <= 100 ? value / 100 : value;
  return Math.min(1, Math.max(0, scaled));
}

function prepareAnalysis(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  const hook = record.hook as Record<string, unknown> | null | undefined;
  const emptyHook =
    typeof hook === 'object' &&
    hook !== null &&
    (blankToNull(hook.text) === null || blankToNull(hook.evidence) === null);
  return {
    ...record,
    ...('confidence' in record ? { confidence: toUnitConfidence(record.confidence) } : {}),
    company: blankToNull(record.company),
    role: blankToNull(record.role),
    hiringManager: blankToNull(record.hiringManager),
    hook: emptyHook ? null : hook,
  };
}

/**
 * The one answer about a posting, flat so small models fill it reliably: the industry fields, then the analysis. The
 * endpoint sees the industry as an enum of playbook ids; locally any id is accepted and an unknown one becomes general.
 */
const AnalysisAnswerSchema = IndustryResultSchema.extend(PostingAnalysisSchema.shape);

function draftResponseSchema(request: DraftRequest): z.ZodType {
  const ids = profileFacts(request.profile).map((fact) => fact.id);
  const [firstId, ...otherIds] = ids;
  // An enum lets strict servers keep the ids honest; zod locally accepts any string and the stage drops unknown ones.
  const factId = firstId === undefined ? z.string() : z.enum([firstId, ...otherIds]);
  return z.object({ letter: z.string(), usedFactIds: z.array(factId) });
}

/**
 * The engine behind an OpenAI-compatible endpoint. One call reads the posting (industry and analysis), one per draft or revision,
 * plus at most one schema repair per call and, for letters only, one retry when the answer hit the token limit.
 * Usage counts every call made, repairs and retries included.
 */
export function createLlmEngine(options: LlmEngineOptions): Engine {
  const { client } = options;
  const budgets = options.postingTokens ?? leanPostingTokens;
  const lean = (posting: Posting, playbooks: PlaybookSet, call: 'analysis' | 'letter'): LeanPosting =>
    leanPosting(posting.text, playbooks.common, budgets[call]);
  const sampling = {
    client,
    temperature: options.temperature,
    maxTokens: options.maxTokens,
    repeat: options.repeat,
  };

  const letter = async (
    messages: ChatMessage[],
    request: DraftRequest,
    callOptions: EngineCallOptions,
  ): Promise<Metered<Draft>> => {
    const answered = await callStructured({
      ...sampling,
      // Bounded by the word limit unless the caller set a limit for every call.
      maxTokens: options.maxTokens ?? letterMaxTokens(request.maxWords),
      messages,
      name: 'cover_letter',
      schema: DraftSchema,
      responseSchema: draftResponseSchema(request),
      onLength: 'retry-larger',
      signal: callOptions.signal,
    });
    const where = `${client.baseUrl} (model ${client.model})`;
    return { ...answered, value: refuseOverlong(answered.value, request.maxWords, where) };
  };

  return {
    name: 'openai',
    model: client.model,

    async readPosting(posting: Posting, playbooks: PlaybookSet, callOptions: EngineCallOptions = {}) {
      const industries = [...playbooks.playbooks.values()];
      const system = renderPrompt(await loadPrompt('analyze-posting'), {
        industries: industries
          .map((playbook) => `- ${playbook.industry}: ${playbook.description.trim()}`)
          .join('\n'),
      });
      const [firstId = 'general', ...otherIds] = industries.map((playbook) => playbook.industry);
      const sent = lean(posting, playbooks, 'analysis');
      const result = await callStructured({
        ...sampling,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: wrapData('posting', sent.text) },
        ],
        name: 'posting_analysis',
        schema: AnalysisAnswerSchema,
        responseSchema: AnalysisAnswerSchema.extend({ industry: z.enum([firstId, ...otherIds]) }),
        prepare: prepareAnalysis,
        onLength: 'fail',
        signal: callOptions.signal,
      });
      const { industry, confidence, signals, ...analysis } = result.value;
      return {
        value: { industry: { industry, confidence, signals }, analysis },
        usage: result.usage,
        sent: sentOf(sent),
      };
    },

    async draftLetter(request, callOptions = {}) {
      const sent = lean(request.posting, request.playbooks, 'letter');
      const drafted = await letter(await letterMessages(request, sent.text), request, callOptions);
      const seen = sentOf(sent);
      return seen === undefined ? drafted : { ...drafted, sent: seen };
    },

    async reviseLetter(request, callOptions = {}) {
      return letter(
        await revisionMessages(request, lean(request.posting, request.playbooks, 'letter').text),
        request,
        callOptions,
      );
    },
  };
}
