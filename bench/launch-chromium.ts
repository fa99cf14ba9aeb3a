import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium: the review page's tests and bench drive it; Playwright never downloads a browser for lede. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * Flags for a machine without network: without them Chromium waits on connections it can never make (updates, sync,
 * QUIC probes) and a page load can hang.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Whether the browser tests run, skip (with the reason) or fail. */
export type BrowserPlan =
  | { readonly kind: 'run' }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'fail'; readonly reason: string };

/**
 * Run when Chromium is there; else skip, with the reason, on a newcomer's machine, and fail where the environment
 * says a browser is required (CI sets LEDE_REQUIRE_BROWSER=1 and installs chromium).
 */
export function browserPlan(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean = existsSync,
): BrowserPlan {
  if (exists(chromiumPath)) return { kind: 'run' };
  const missing = `${chromiumPath} is missing (install Debian's chromium package to run the review page's browser tests)`;
  return env.LEDE_REQUIRE_BROWSER === '1'
    ? { kind: 'fail', reason: `LEDE_REQUIRE_BROWSER=1, but ${missing}` }
    : { kind: 'skip', reason: missing };
}

/** A headless Chromium with a fresh profile folder, removed on close. */
export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<LaunchedChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'lede-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs],
    });
    return {
      context,
      async close() {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
