import { describe, expect, it } from 'vitest';
import { parseDuration, retryAfterMs } from '../../../src/engines/openai/rate-limit-headers.js';

describe('retryAfterMs', () => {
  it('reads retry-after-ms, retry-after in seconds, and retry-after as a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(
      [
        { 'retry-after-ms': '250' },
        { 'retry-after': '2' },
        { 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' },
        { 'retry-after': 'later' },
        {},
      ].map((headers) => retryAfterMs(new Headers(headers), now)),
    ).toEqual([250, 2000, 5000, undefined, undefined]);
  });
});

describe('parseDuration', () => {
  it('reads the reset formats OpenAI sends, and plain seconds', () => {
    expect(
      ['1s', '6m0s', '120ms', '1h2m3.5s', '20', '0.5', 'soon', '', undefined].map(parseDuration),
    ).toEqual([1000, 360_000, 120, 3_723_500, 20_000, 500, undefined, undefined, undefined]);
  });
});
