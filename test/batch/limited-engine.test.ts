import { describe, expect, it } from 'vitest';
import { withBatchLimits } from '../../src/batch/limited-engine.js';
import type { RateLimiter } from '../../src/batch/rate-limiter.js';
import { loadPlaybooks } from '../../src/playbooks/load-playbooks.js';
import { createFakeEngine } from './fake-engine.js';

/** A limiter that grants everything and records what each call reserved. */
function recordingLimiter(reserved: number[]): RateLimiter {
  return {
    acquire: async (tokens: number) => {
      reserved.push(tokens);
      return { tokens, requests: 1 };
    },
    settle: () => {},
    pauseFor: () => {},
  } as unknown as RateLimiter;
}

describe('withBatchLimits', () => {
  it('reserves tokens for the posting only up to what the analysis call carries of it', async () => {
    const reserved: number[] = [];
    const engine = withBatchLimits(createFakeEngine(), {
      limiter: recordingLimiter(reserved),
      maxOutputTokens: 500,
    });
    const playbooks = await loadPlaybooks();
    const short = { source: 'short.txt', text: 'Company: Acme\n\nA short posting.' };
    const long = { source: 'long.txt', text: `Company: Acme\n\n${'Benefits and legal text. '.repeat(2000)}` };

    await engine.readPosting(short, playbooks);
    await engine.readPosting(long, playbooks);

    expect(reserved[0]).toBe(Math.ceil((short.text.length + 4000) / 4) + 500);
    expect(reserved[1]).toBe(Math.ceil((1500 * 4 + 4000) / 4) + 500);
  });
});
