import type { Command } from 'commander';

/** What the posting argument of draft, check and classify accepts, for their help. */
export const postingArgumentHelp =
  'the job posting: a file (.txt, .md, .html), an http(s):// address, or - for standard input';

/** `--fetch-timeout-ms` on every command that reads a posting. */
export function addPostingSourceOptions(command: Command): Command {
  return command.option(
    '--fetch-timeout-ms <ms>',
    'timeout for a posting given as an http(s) address (default: 20000; env LEDE_FETCH_TIMEOUT_MS)',
  );
}
