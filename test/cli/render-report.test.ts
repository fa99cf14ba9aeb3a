import { describe, expect, it } from 'vitest';
import { renderCritique } from '../../src/cli/render-critique.js';
import { renderReport } from '../../src/cli/render-report.js';
import type { Critique } from '../../src/critic/finding.js';
import type { PipelineResult } from '../../src/pipeline/run-pipeline.js';

const failing: Critique = {
  passed: false,
  industry: 'finance',
  findings: [
    {
      ruleId: 'no-placeholder',
      severity: 'error',
      message: 'Replace the template slot with the company name from the posting.',
      evidence: { text: '[Company Name]', start: 120, end: 134 },
    },
    {
      ruleId: 'finance-regulatory',
      severity: 'warning',
      message: 'Mention the governance you worked under (model risk review, SR 11-7, audit).',
      evidence: null,
    },
  ],
  skipped: [{ ruleId: 'grounded-claims', reason: 'needs the profile (pass --profile)' }],
  checked: ['no-placeholder', 'finance-regulatory'],
};

const passing: Critique = {
  passed: true,
  industry: 'finance',
  findings: [],
  skipped: [],
  checked: ['no-placeholder'],
};
const usage = { calls: 1, promptTokens: 900, completionTokens: 300, cachedCalls: 0 };

const result: PipelineResult = {
  source: 'postings/harborline.txt',
  engine: 'openai',
  model: 'gpt-4o-mini',
  industry: { industry: 'finance', confidence: 0.9, signals: ['bank', 'credit risk'] },
  analysis: {
    company: 'Harborline Bank',
    role: 'Machine Learning Engineer - Credit Risk Modeling',
    hiringManager: null,
    hook: {
      text: 'the small-business lending decision engine',
      evidence: 'We are modernizing our small-business lending decision engine',
    },
    requiredTools: ['Python', 'SHAP'],
  },
  letter: 'Dear Hiring Manager,\n\n...\n\nBest,\nPriya Raman',
  usedFactIds: ['credit-explainability'],
  status: 'passed-after-revision',
  bestAttempt: 2,
  attempts: [
    { attempt: 1, draft: { letter: 'first', usedFactIds: [] }, critique: failing, usage, durationMs: 812.4 },
    {
      attempt: 2,
      draft: { letter: 'second', usedFactIds: ['credit-explainability'] },
      critique: { ...passing, findings: [failing.findings[1] as Critique['findings'][number]] },
      usage: { ...usage, cachedCalls: 1 },
      durationMs: 640,
    },
  ],
  usage: { calls: 4, promptTokens: 3600, completionTokens: 1200, cachedCalls: 1 },
  timings: { analyzeMs: 790.2, draftMs: 812.4, reviseMs: 640, totalMs: 2242.6 },
};

describe('renderReport', () => {
  it("shows what was learned, the verdict, the kept attempt's findings, every attempt and the cost", () => {
    expect(renderReport(result)).toMatchInlineSnapshot(`
      "# Report: postings/harborline.txt

      - Status: passed-after-revision (attempt 2 of 2)
      - Engine: openai (gpt-4o-mini)
      - Industry: finance (confidence 0.90); signals: bank, credit risk
      - Company: Harborline Bank
      - Role: Machine Learning Engineer - Credit Risk Modeling
      - Hook: the small-business lending decision engine, from the posting: "We are modernizing our small-business lending decision engine"
      - Tools the posting asks for: Python, SHAP
      - Profile facts used: credit-explainability

      ## Findings (attempt 2)

      - ⚠ finance-regulatory: Mention the governance you worked under (model risk review, SR 11-7, audit).

      ## Attempts

      | attempt | errors | warnings | calls | time |
      | --- | --- | --- | --- | --- |
      | 1 | 1 | 1 | 1 | 812 ms |
      | 2 (kept) | 0 | 1 | 1 | 640 ms |

      ### Findings of attempt 1

      - ✖ no-placeholder: Replace the template slot with the company name from the posting. "[Company Name]"
      - ⚠ finance-regulatory: Mention the governance you worked under (model risk review, SR 11-7, audit).

      ## Usage

      - LLM calls: 4 (1 from the cache); tokens: 3600 prompt + 1200 completion
      - Time: analyse 790 ms, draft 812 ms, revise 640 ms, total 2243 ms
      "
    `);
  });

  it('says so when the posting names no company or hook, and lists skipped rules', () => {
    const bare: PipelineResult = {
      ...result,
      analysis: { company: null, role: null, hiringManager: null, hook: null, requiredTools: [] },
      usedFactIds: [],
      status: 'failed',
      bestAttempt: 1,
      attempts: [result.attempts[0] as PipelineResult['attempts'][number]],
    };
    const report = renderReport(bare);
    expect(report.split('\n').slice(2, 9)).toEqual([
      '- Status: failed (attempt 1 of 1)',
      '- Engine: openai (gpt-4o-mini)',
      '- Industry: finance (confidence 0.90); signals: bank, credit risk',
      '- Company: (not named in the posting)',
      '- Hook: none (the posting names no specific initiative; the letter ties to what the team does)',
      '',
      '## Findings (attempt 1)',
    ]);
    expect(report).toContain(
      '- ✖ no-placeholder: Replace the template slot with the company name from the posting. "[Company Name]"\n',
    );
    expect(report).toContain('## Skipped rules\n\n- grounded-claims: needs the profile (pass --profile)\n');
  });

  it('says how much of the posting the model was sent when some was left out', () => {
    const report = renderReport({
      ...result,
      postingSent: { words: 812, totalWords: 7756, boilerplateDropped: 41, cutForBudget: 120 },
    });
    expect(report.trimEnd().split('\n').at(-1)).toBe(
      '- Posting sent to the model: 812 of 7756 words (41 boilerplate sentence(s) left out; 120 sentence(s) cut to fit the prompt budget)',
    );
    expect(renderReport(result)).not.toContain('Posting sent');
  });

  it('says how many of the tokens came from the cache and were not paid for', () => {
    const report = renderReport({
      ...result,
      usage: { ...result.usage, cachedPromptTokens: 900, cachedCompletionTokens: 300 },
    });
    expect(report).toContain(
      '- LLM calls: 4 (1 from the cache: 1200 of the tokens below not paid for); tokens: 3600 prompt + 1200 completion\n',
    );
  });

  it('says when revising stopped because the next request would have repeated an earlier one', () => {
    const report = renderReport({
      ...result,
      revisionStopped: { reason: 'repeated-request', attempt: 3, sameAs: 2 },
    });
    expect(report).toContain(
      '- Revisions stopped: attempt 3 would have sent the same letter and findings as attempt 2, so it was not sent\n',
    );
    expect(renderReport(result)).not.toContain('Revisions stopped');
  });
});

describe('renderCritique', () => {
  it('prints the verdict, one line per finding with its quoted evidence, then the skipped rules', () => {
    expect(renderCritique(failing, 'letter.md')).toBe(
      [
        '✖ letter.md fails 1 error-level rule (1 error, 1 warning; industry finance)',
        '  ✖ no-placeholder: Replace the template slot with the company name from the posting. "[Company Name]"',
        '  ⚠ finance-regulatory: Mention the governance you worked under (model risk review, SR 11-7, audit).',
        '',
        'Skipped rules:',
        '  - grounded-claims: needs the profile (pass --profile)',
        '',
      ].join('\n'),
    );
  });

  it('passes a letter with no error-level finding', () => {
    expect(renderCritique(passing, 'letter.md')).toBe(
      '✔ letter.md passes every error-level rule (no findings; industry finance)\n',
    );
  });

  it('shortens long evidence in the middle and keeps it on one line', () => {
    const long = 'word '.repeat(60);
    const critique: Critique = {
      ...passing,
      passed: false,
      findings: [
        {
          ruleId: 'word-limit',
          severity: 'error',
          message: 'Cut it.',
          evidence: { text: `${long}\nend`, start: 0, end: 1 },
        },
      ],
    };
    const line = renderCritique(critique, 'x.txt').split('\n')[1] ?? '';
    expect(line).toBe(`  ✖ word-limit: Cut it. "${'word '.repeat(11).trim()} ... ${'word '.repeat(10)}end"`);
  });

  it('quotes evidence without its Markdown marks', () => {
    const critique: Critique = {
      ...passing,
      passed: false,
      findings: [
        {
          ruleId: 'company-hook',
          severity: 'error',
          message: 'Name it.',
          evidence: { text: 'we are building **Project Relay**, a `feature store`', start: 0, end: 1 },
        },
      ],
    };
    expect(renderCritique(critique, 'x.txt').split('\n')[1]).toBe(
      '  ✖ company-hook: Name it. "we are building Project Relay, a feature store"',
    );
  });

  it('cuts long evidence between words, and mid-word only in text without spaces', () => {
    const finding = (text: string): Critique => ({
      ...passing,
      passed: false,
      findings: [
        { ruleId: 'word-limit', severity: 'error', message: 'Cut it.', evidence: { text, start: 0, end: 1 } },
      ],
    });
    const prose =
      'We help nurses and doctors spend less time on paperwork by building models that read clinical notes, ' +
      'flag missing codes and suggest the next task for a care team, all inside the tools they already use every day.';
    const quoted = /"(.*)"$/.exec(renderCritique(finding(prose), 'x.txt').split('\n')[1] ?? '')?.[1] ?? '';
    const [head = '', tail = ''] = quoted.split(' ... ');
    expect({ head: prose.startsWith(`${head} `), tail: prose.endsWith(` ${tail}`) }).toEqual({
      head: true,
      tail: true,
    });
    const unbroken = 'x'.repeat(200);
    expect(renderCritique(finding(unbroken), 'x.txt').split('\n')[1]).toBe(
      `  ✖ word-limit: Cut it. "${'x'.repeat(57)} ... ${'x'.repeat(57)}"`,
    );
  });
});
