import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../../src/critic/rule.js';
import { createLlmEngine } from '../../../src/engines/openai/llm-engine.js';
import { createOpenAiClient } from '../../../src/engines/openai/openai-client.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import { loadPlaybooks } from '../../../src/playbooks/load-playbooks.js';
import { loadPosting } from '../../../src/posting/load-posting.js';
import { loadProfile } from '../../../src/profile/load-profile.js';
import { chatCompletion } from './support/chat-completion.js';
import { chatEndpoint, testBaseUrl } from './support/chat-endpoint.js';

/** A placeholder rule for this composition test: square-bracket blanks are an error. */
const noBrackets: Rule = {
  id: 'no-brackets',
  industries: 'all',
  severity: 'error',
  requires: [],
  description: 'The letter has no [bracketed] blanks.',
  why: 'A blank left in tells the reader the letter is a form.',
  examples: { pass: { letter: 'Dear Dana,' }, fail: { letter: 'Dear [Name],' } },
  repair: 'drop-sentence',
  check(letter) {
    const match = /\[[^\]\n]+\]/.exec(letter.text);
    if (match === null) return [];
    return [
      {
        ruleId: 'no-brackets',
        severity: 'error',
        message: `Replace ${match[0]} with the real words from the posting or your profile.`,
        evidence: { text: match[0], start: match.index, end: match.index + match[0].length },
      },
    ];
  },
};

const firstDraft =
  'Dear Dana Whitfield,\n\n' +
  'I lifted AUC from 0.71 to 0.78 on the small-business credit model at Northwind Lending, with SHAP reason codes ' +
  'for every decision, and it passed two model risk audits with zero findings.\n\n' +
  "I'm drawn to [Company Name] because of its move to real-time card fraud decisions.\n\n" +
  'Best,\nPriya Raman';
const revisedDraft = firstDraft.replace('[Company Name]', 'Quarry Bank');

function completion(value: unknown) {
  return {
    body: chatCompletion({ content: JSON.stringify(value), promptTokens: 500, completionTokens: 100 }),
  };
}

beforeAll(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
});

describe('runPipeline with the LLM engine', () => {
  it('revises a draft that fails a rule, sending only that finding, and returns the passing letter', async () => {
    const posting = await loadPosting('test/fixtures/llm/postings/quarry-bank-fraud.txt');
    const evidence = 'moving card fraud scoring from a nightly batch to real-time decisions at authorization';
    const { scope, bodies } = chatEndpoint([
      completion({
        industry: 'finance',
        confidence: 0.93,
        signals: ['Quarry Bank', 'card fraud'],
        company: 'Quarry Bank',
        role: 'Senior Machine Learning Engineer, Fraud Decisioning',
        hiringManager: 'Dana Whitfield',
        hook: { text: 'real-time card fraud decisions', evidence },
        requiredTools: ['Python', 'SQL', 'XGBoost', 'Airflow', 'Kafka', 'Kubeflow'],
      }),
      completion({ letter: firstDraft, usedFactIds: ['credit-explainability'] }),
      completion({ letter: revisedDraft, usedFactIds: ['credit-explainability'] }),
    ]);
    const client = createOpenAiClient({
      apiKey: 'test-key-not-real',
      baseUrl: testBaseUrl,
      model: 'gpt-test',
      maxRetries: 0,
    });

    const result = await runPipeline(
      posting,
      await loadProfile('examples/profiles/experienced-mle.yaml'),
      {
        engine: createLlmEngine({ client, temperature: 0.4 }),
        playbooks: await loadPlaybooks(),
        rules: [noBrackets],
      },
      { maxAttempts: 3, maxWords: 250, analysis: 'model' },
    );

    expect({
      engine: result.engine,
      model: result.model,
      industry: result.industry.industry,
      company: result.analysis.company,
      hook: result.analysis.hook,
      status: result.status,
      bestAttempt: result.bestAttempt,
      letter: result.letter,
      usedFactIds: result.usedFactIds,
      attempts: result.attempts.map((attempt) => [
        attempt.attempt,
        attempt.critique.passed,
        attempt.usage.calls,
      ]),
      usage: result.usage,
    }).toEqual({
      engine: 'openai',
      model: 'gpt-test',
      industry: 'finance',
      company: 'Quarry Bank',
      hook: { text: 'real-time card fraud decisions', evidence },
      status: 'passed-after-revision',
      bestAttempt: 2,
      letter: revisedDraft,
      usedFactIds: ['credit-explainability'],
      attempts: [
        [1, false, 1],
        [2, true, 1],
      ],
      usage: { calls: 3, promptTokens: 1500, completionTokens: 300, cachedCalls: 0 },
    });

    expect(bodies.map((body) => body.response_format?.json_schema?.name)).toEqual([
      'posting_analysis',
      'cover_letter',
      'cover_letter',
    ]);
    const [, draft, revision] = bodies;
    expect(draft?.messages[0]?.content).toContain('The employer is in Finance.');
    // The posting without its equal-opportunity line.
    expect(draft?.messages[1]?.content).toContain(
      `<posting>\n${posting.text.replace(/\nQuarry Bank is an equal opportunity employer\.\n?$/, '')}\n</posting>`,
    );
    expect(revision?.messages.slice(0, 2)).toEqual(draft?.messages);
    expect(revision?.messages[2]).toEqual({
      role: 'assistant',
      content: JSON.stringify({ letter: firstDraft, usedFactIds: ['credit-explainability'] }),
    });
    expect(revision?.messages[3]?.content).toContain(
      '<findings>\n' +
        '- [no-brackets] Replace [Company Name] with the real words from the posting or your profile.\n' +
        '  quoted: "[Company Name]"\n' +
        '</findings>',
    );
    scope.done();
  });

  it('sends no revision that repeats an earlier request byte for byte, and says why it stopped', async () => {
    const posting = await loadPosting('test/fixtures/llm/postings/quarry-bank-fraud.txt');
    const { scope, bodies } = chatEndpoint([
      completion({
        industry: 'finance',
        confidence: 0.9,
        signals: [],
        company: 'Quarry Bank',
        role: null,
        hiringManager: null,
        hook: null,
        requiredTools: [],
      }),
      completion({ letter: firstDraft, usedFactIds: ['credit-explainability'] }),
      // The model gives the same letter back: asking again would send the very same request.
      completion({ letter: firstDraft, usedFactIds: ['credit-explainability'] }),
    ]);
    const client = createOpenAiClient({
      apiKey: 'test-key-not-real',
      baseUrl: testBaseUrl,
      model: 'gpt-test',
      maxRetries: 0,
    });

    const result = await runPipeline(
      posting,
      await loadProfile('examples/profiles/experienced-mle.yaml'),
      {
        engine: createLlmEngine({ client, temperature: 0 }),
        playbooks: await loadPlaybooks(),
        rules: [noBrackets],
      },
      { maxAttempts: 5, maxWords: 250, analysis: 'model' },
    );

    expect(bodies).toHaveLength(3);
    expect(result.attempts).toHaveLength(2);
    expect(result.revisionStopped).toEqual({ reason: 'repeated-request', attempt: 3, sameAs: 2 });
    expect(result.status).toBe('failed');
    scope.done();
  });

  it('costs one call for a letter that passes when the offline reading is confident (--analysis auto)', async () => {
    const posting = await loadPosting('test/fixtures/llm/postings/quarry-bank-fraud.txt');
    const { scope, bodies } = chatEndpoint([
      completion({ letter: revisedDraft, usedFactIds: ['credit-explainability'] }),
    ]);
    const client = createOpenAiClient({
      apiKey: 'test-key-not-real',
      baseUrl: testBaseUrl,
      model: 'gpt-test',
      maxRetries: 0,
    });

    const result = await runPipeline(
      posting,
      await loadProfile('examples/profiles/experienced-mle.yaml'),
      { engine: createLlmEngine({ client }), playbooks: await loadPlaybooks(), rules: [noBrackets] },
      { maxAttempts: 3, maxWords: 250, analysis: 'auto' },
    );

    expect(bodies.map((body) => body.response_format?.json_schema?.name)).toEqual(['cover_letter']);
    expect({
      status: result.status,
      calls: result.usage.calls,
      company: result.analysis.company,
      source: result.readingSource?.by,
    }).toEqual({ status: 'passed', calls: 1, company: 'Quarry Bank', source: 'offline' });
    // The draft request carries the offline reading the letter is built on.
    expect(JSON.stringify(bodies[0])).toContain('company: Quarry Bank');
    scope.done();
  });
});
