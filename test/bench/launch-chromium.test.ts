import { describe, expect, it } from 'vitest';
import { browserPlan, chromiumPath } from '../../bench/launch-chromium.js';

const present = (path: string): boolean => path === chromiumPath;
const absent = (): boolean => false;

describe('browserPlan', () => {
  it('runs the browser tests where Chromium is installed', () => {
    expect(browserPlan({}, present)).toEqual({ kind: 'run' });
    expect(browserPlan({ LEDE_REQUIRE_BROWSER: '1' }, present)).toEqual({ kind: 'run' });
  });

  it("skips them, saying why, on a newcomer's machine without Chromium", () => {
    expect(browserPlan({}, absent)).toEqual({
      kind: 'skip',
      reason:
        "/usr/bin/chromium is missing (install Debian's chromium package to run the review page's browser tests)",
    });
  });

  it('fails them without Chromium where LEDE_REQUIRE_BROWSER=1 (CI)', () => {
    expect(browserPlan({ LEDE_REQUIRE_BROWSER: '1' }, absent)).toEqual({
      kind: 'fail',
      reason:
        "LEDE_REQUIRE_BROWSER=1, but /usr/bin/chromium is missing (install Debian's chromium package to run the review page's browser tests)",
    });
  });
});
