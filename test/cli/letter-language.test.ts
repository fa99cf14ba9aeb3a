import { describe, expect, it } from 'vitest';
import { type ChatBody, chatBody } from '../hostile/support/chat-server.js';
import { hostile, lede, validProfile } from '../hostile/support/hostile.js';
import { answerWell } from '../hostile/support/lanternfish.js';
import { chatServerPerTest, ledeAgainst } from '../hostile/support/scripted-endpoint.js';

const serve = chatServerPerTest();
const germanPosting = hostile('postings/german.txt');
const englishOnly = /reads English only; the letter is in German/;

/** The user message of the letter call (the last message lede wrote itself). */
function letterRequest(bodies: readonly ChatBody[]): string {
  const letterCall = bodies.find((body) => body.response_format?.json_schema?.name === 'cover_letter');
  return letterCall?.messages.find((message) => message.role === 'user')?.content ?? '';
}

describe('a posting in another language', () => {
  it('on the model path: read by the model, the letter asked for in German, English-only rules skipped and listed', async () => {
    const endpoint = await serve((request, response) => answerWell(chatBody(request), response));
    const run = await ledeAgainst(endpoint, ['draft', germanPosting, '--profile', validProfile, '--json']);
    expect(run.exitCode).not.toBe(2);
    const result = JSON.parse(run.stdout) as {
      readingSource: { by: string; reason: string };
      attempts: { critique: { checked: string[]; skipped: { ruleId: string; reason: string }[] } }[];
    };
    const bodies = endpoint.requests.map(chatBody);
    expect(bodies.map((body) => body.response_format?.json_schema?.name)).toEqual([
      'posting_analysis',
      'cover_letter',
    ]);
    expect(result.readingSource).toEqual({
      by: 'model',
      reason: 'the posting is in German, and the offline reader reads English only',
    });
    expect(letterRequest(bodies)).toMatch(/Write the whole letter in German, the language of the posting/);
    const critique = result.attempts[0]?.critique;
    expect(critique?.checked.sort()).toEqual([
      'grounded-claims',
      'no-injected-content',
      'no-placeholder',
      'word-limit',
    ]);
    expect(critique?.skipped.map((rule) => rule.ruleId)).toContain('no-stock-opener');
    expect(critique?.skipped.filter((rule) => englishOnly.test(rule.reason)).length).toBeGreaterThan(5);
  });

  it('--language en: an English letter, every rule checked, no language line in the request', async () => {
    const endpoint = await serve((request, response) => answerWell(chatBody(request), response));
    const run = await ledeAgainst(endpoint, [
      'draft',
      germanPosting,
      '--profile',
      validProfile,
      '--language',
      'en',
      '--json',
    ]);
    const result = JSON.parse(run.stdout) as {
      attempts: { critique: { checked: string[]; skipped: { reason: string }[] } }[];
    };
    expect(letterRequest(endpoint.requests.map(chatBody))).not.toMatch(/Write the whole letter in/);
    expect(result.attempts[0]?.critique.checked).toContain('no-stock-opener');
    expect(result.attempts[0]?.critique.skipped.some((rule) => englishOnly.test(rule.reason))).toBe(false);
  });

  it('offline: refused with the two ways on, before anything is drafted', async () => {
    const run = await lede(['draft', germanPosting, '--profile', validProfile, '--engine', 'offline']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(
      'looks like it is written in German; the offline engine reads and writes English only',
    );
    expect(run.stderr).toContain('or draft with a model (--engine openai)');
    expect(run.stdout).toBe('');
  });

  it('--analysis offline on the model path: refused too (the offline reader cannot read it)', async () => {
    const endpoint = await serve((request, response) => answerWell(chatBody(request), response));
    const run = await ledeAgainst(endpoint, [
      'draft',
      germanPosting,
      '--profile',
      validProfile,
      '--analysis',
      'offline',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('the offline engine reads and writes English only');
    expect(endpoint.requests).toEqual([]);
  });
});
