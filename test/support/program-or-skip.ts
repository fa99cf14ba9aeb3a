/** What a test needs of a program it drives (a browser, an office suite), and the switch that makes its absence fail. */
export interface ProgramNeed {
  /** Why it is missing, with how to install it. */
  readonly missing: string;
  /** The environment variable CI sets to `1`: then a missing program fails the test instead of skipping it. */
  readonly requireVariable: string;
}

/**
 * The program's path, or undefined after skipping the test and saying why where a newcomer running `npm test` sees it
 * (the default reporter counts a skip without its reason). Under `requireVariable=1` a missing program is a failure.
 */
export function programOrSkip(
  context: { skip(note?: string): void },
  path: string | undefined,
  need: ProgramNeed,
): string | undefined {
  if (path !== undefined) return path;
  if (process.env[need.requireVariable] === '1')
    throw new Error(`${need.requireVariable}=1, but ${need.missing}`);
  const reason = `${need.missing}; set ${need.requireVariable}=1 to make that a failure`;
  console.warn(`skipped: ${reason}`);
  context.skip(reason);
  return undefined;
}
