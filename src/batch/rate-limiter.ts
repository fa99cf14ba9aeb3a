import type { LlmError } from '../errors.js';

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Node's timers hold at most about 24.8 days; a longer delay fires after 1 ms, so a long wait is taken in parts. */
const longestTimerMs = 2 ** 31 - 1;

export const realSleep: Sleep = async (ms, signal) => {
  for (let left = ms; left > 0; left -= longestTimerMs)
    await sleepOnce(Math.min(left, longestTimerMs), signal);
  signal?.throwIfAborted();
};

function sleepOnce(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RateLimits {
  /** Requests per minute (`--rpm`); undefined for no limit. */
  readonly requestsPerMinute?: number | undefined;
  /** Tokens per minute, prompt plus completion (`--tpm`); undefined for no limit. */
  readonly tokensPerMinute?: number | undefined;
  /** The longest pause the limiter takes (`--max-pause`); a longer one is cut to this. Default 600000 ms. */
  readonly maxPauseMs?: number | undefined;
}

export interface RateLimiterDeps {
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

/** A granted request: what it reserved, so the real token count can be settled afterwards. */
export interface Reservation {
  readonly tokens: number;
}

const minute = 60_000;
/** How far ahead of the steady rate a burst may run: a tenth of a minute's budget. */
const burstMs = minute / 10;
const defaultMaxPauseMs = 600_000;

/**
 * Keeps a run under a requests-per-minute and a tokens-per-minute budget, and pauses every caller when the endpoint
 * says to (a 429's retry-after, or rate-limit headers reporting an empty budget).
 *
 * Each budget is a generic cell rate: a request may start when the budget's "theoretical arrival time" is at most
 * `burstMs` ahead of now, and pushes it forward by its share of a minute. The long-run rate never exceeds the limit,
 * bursts stay within a tenth of it, and the state is two numbers however long the run.
 */
export class RateLimiter {
  private readonly limits: RateLimits;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private requestsAt: number;
  private tokensAt: number;
  private pausedUntil = 0;
  private refusal: LlmError | undefined;
  private readonly pauseListeners = new Set<() => void>();
  /** Callers wait in order: one acquisition at a time. */
  private queue: Promise<void> = Promise.resolve();

  constructor(limits: RateLimits, deps: RateLimiterDeps = {}) {
    this.limits = limits;
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? realSleep;
    this.requestsAt = this.now();
    this.tokensAt = this.now();
  }

  /** Waits until one request of about `tokens` tokens fits the budgets and no pause is in force. */
  acquire(tokens: number, signal?: AbortSignal): Promise<Reservation> {
    const turn = this.queue.then(() => this.waitForRoom(tokens, signal));
    this.queue = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** Corrects the token budget with what a request really cost (or refunds it when the cache answered). */
  settle(reservation: Reservation, actual: { tokens: number; requests: number }): void {
    const perMinute = this.limits.tokensPerMinute;
    if (perMinute !== undefined) this.tokensAt += ((actual.tokens - reservation.tokens) * minute) / perMinute;
    const requests = this.limits.requestsPerMinute;
    if (requests !== undefined && actual.requests === 0) this.requestsAt -= minute / requests;
  }

  /** Holds every caller until `ms` from now (a 429's retry-after), never longer than the pause limit. */
  pauseFor(ms: number): void {
    const longest = this.limits.maxPauseMs ?? defaultMaxPauseMs;
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.min(longest, Math.max(0, ms)));
    if (this.pausedFor() > 0) for (const listener of this.pauseListeners) listener();
  }

  /** Refuses every caller from now on with `error` (the endpoint asked for a wait no real limit needs). */
  refuse(error: LlmError): void {
    this.refusal ??= error;
  }

  /** Calls `listener` whenever a pause starts or grows; returns the way to stop listening. */
  onPause(listener: () => void): () => void {
    this.pauseListeners.add(listener);
    return () => this.pauseListeners.delete(listener);
  }

  /** Milliseconds until callers may go on; 0 when not paused. */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  private async waitForRoom(tokens: number, signal: AbortSignal | undefined): Promise<Reservation> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.refusal !== undefined) throw this.refusal;
      const now = this.now();
      const wait = Math.max(
        this.pausedUntil - now,
        this.waitFor(this.requestsAt, now),
        this.limits.tokensPerMinute === undefined ? 0 : this.waitFor(this.tokensAt, now),
      );
      if (wait <= 0) {
        const requests = this.limits.requestsPerMinute;
        if (requests !== undefined) this.requestsAt = Math.max(this.requestsAt, now) + minute / requests;
        const perMinute = this.limits.tokensPerMinute;
        // A request larger than the whole budget still goes (alone), or it would wait forever.
        if (perMinute !== undefined)
          this.tokensAt = Math.max(this.tokensAt, now) + (Math.min(tokens, perMinute) * minute) / perMinute;
        return { tokens };
      }
      await this.sleep(wait, signal);
    }
  }

  private waitFor(arrival: number, now: number): number {
    return arrival - now - burstMs;
  }
}
