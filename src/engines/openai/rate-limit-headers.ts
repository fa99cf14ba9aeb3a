/**
 * What an OpenAI-compatible endpoint's headers say about waiting: `retry-after-ms`, `retry-after` (seconds or an HTTP
 * date) and the `x-ratelimit-remaining-*` / `x-ratelimit-reset-*` budgets. Read here only, for the SDK path's errors
 * and for `lede batch`'s rate limiter alike.
 */

interface RetryAfter {
  readonly milliseconds: number;
  /** `retry-after-ms` is exact; seconds and dates are rounded up to whole seconds when reported in seconds. */
  readonly exact: boolean;
}

function readRetryAfter(headers: Headers | undefined, now: number): RetryAfter | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return { milliseconds, exact: true };
  const value = headers?.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return { milliseconds: seconds * 1000, exact: false };
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : { milliseconds: Math.max(0, date - now), exact: false };
}

/** Milliseconds the endpoint asked to wait (`retry-after-ms`, `retry-after` in seconds or as a date). */
export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  return readRetryAfter(headers, now)?.milliseconds;
}

/** The same wait in seconds: fractional from `retry-after-ms`, else rounded up to whole seconds. */
export function retryAfterSeconds(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const wait = readRetryAfter(headers, now);
  if (wait === undefined) return undefined;
  return wait.exact ? wait.milliseconds / 1000 : Math.ceil(wait.milliseconds / 1000);
}

/** "1s", "6m0s", "120ms", "1h2m3.5s" or plain seconds -> milliseconds. */
export function parseDuration(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  let matched = '';
  for (const part of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    total += Number(part[1]) * (units[part[2] ?? 's'] ?? 0);
    matched += part[0];
  }
  return matched === trimmed ? total : undefined;
}

/** The `x-ratelimit-*` headers of a response, by lower-case name. */
export function rateLimitHeaders(headers: Headers): Record<string, string> {
  const found: Record<string, string> = {};
  headers.forEach((value, key) => {
    if (key.toLowerCase().startsWith('x-ratelimit-')) found[key.toLowerCase()] = value;
  });
  return found;
}

/**
 * How long until a spent budget resets, from OpenAI's `x-ratelimit-remaining-*` and `x-ratelimit-reset-*` headers
 * (requests and tokens, the later reset when both are spent); undefined while budget remains.
 */
export function spentBudgetResetMs(
  headers: Readonly<Record<string, string | undefined>>,
): number | undefined {
  let wait: number | undefined;
  for (const kind of ['requests', 'tokens'] as const) {
    const remaining = Number(headers[`x-ratelimit-remaining-${kind}`]);
    const reset = parseDuration(headers[`x-ratelimit-reset-${kind}`]);
    if (Number.isFinite(remaining) && remaining <= 0 && reset !== undefined)
      wait = Math.max(wait ?? 0, reset);
  }
  return wait;
}
