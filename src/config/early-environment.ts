/** The environment as main.ts passes it in; nothing else in lede reads `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The two environment values the CLI needs before (or without) resolving the config: the key to scrub from output
 * and whether to show stack traces. Kept apart from `resolveConfig` so `lede --help` does not load the config schema.
 */

/** The API key (`OPENAI_API_KEY`), so the CLI can scrub it from everything it prints. */
export function apiKeyFrom(env: Environment): string | undefined {
  const value = env.OPENAI_API_KEY?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Whether stack traces should be shown: `--verbose` on the command line or a truthy `LEDE_VERBOSE`. */
export function wantsVerbose(argv: readonly string[], env: Environment): boolean {
  if (argv.includes('--verbose')) return true;
  return ['1', 'true', 'yes', 'on'].includes((env.LEDE_VERBOSE ?? '').trim().toLowerCase());
}
