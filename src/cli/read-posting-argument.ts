import type { Config } from '../config/resolve-config.js';
import { InputError } from '../errors.js';
import { printableName } from '../input/printable-name.js';
import { readStdin } from '../input/read-stdin.js';
import { fetchPosting, isWebAddress } from '../posting/fetch-posting.js';
import { loadPosting, postingFromBytes } from '../posting/load-posting.js';
import type { Posting } from '../posting/posting.js';
import type { CliContext } from './cli-context.js';
import { inputFile } from './input-path.js';

/** The name a posting read from standard input goes by in reports and messages. */
export const stdinSource = 'stdin';

const viaText = {
  'json-ld': "the page's JobPosting data (JSON-LD)",
  'job-board': "the job board's posting section",
  'main-content': "the page's main content",
  'whole-page': "the page's visible text (no main content found)",
  text: 'the text as served',
  document: 'the document',
} as const;

/** Where a posting argument points: a file, standard input (`-`) or a web address. */
export function postingArgumentKind(argument: string): 'stdin' | 'url' | 'file' {
  if (argument === '-') return 'stdin';
  return isWebAddress(argument) ? 'url' : 'file';
}

/**
 * Refuses `-` for more than one input of a command (`lede check - --posting -`): standard input can be read once.
 */
export function refuseStdinTwice(arguments_: readonly (string | undefined)[]): void {
  if (arguments_.filter((argument) => argument === '-').length > 1) {
    throw new InputError('input.stdin-twice', '- (standard input) is given for more than one input', {
      hint: 'pipe in one of them and pass the others as files',
    });
  }
}

/**
 * Reads the posting a command was given: `-` from standard input (capped like a file; a terminal gets a hint), an
 * http(s) address fetched and reduced to the posting (`fetchPosting`, `postingFromPage`; where it came from is noted on
 * stderr), anything else as a file.
 */
export async function readPostingArgument(
  argument: string,
  context: CliContext,
  config: Pick<Config, 'fetchTimeoutMs'>,
): Promise<Posting> {
  const kind = postingArgumentKind(argument);
  if (kind === 'stdin') {
    const bytes = await readStdin(context.stdin ?? { isTTY: true, [Symbol.asyncIterator]: emptyStream }, {
      kind: 'posting',
    });
    // No extension to go by: a PDF or .docx piped in is known by its first bytes.
    return postingFromBytes(bytes, stdinSource, '');
  }
  if (kind === 'url') {
    const page = await fetchPosting(argument, {
      fetch: context.fetch ?? globalThis.fetch,
      timeoutMs: config.fetchTimeoutMs,
      signal: context.signal,
    });
    // Loaded only for a web address: the DOM and Readability are not needed for a file.
    const { postingFromPage } = await import('../posting/posting-from-page.js');
    const { posting, via } = await postingFromPage(page);
    const hops = page.redirects.length;
    const redirected =
      hops === 0
        ? ''
        : ` (redirected ${hops === 1 ? 'once' : `${hops} times`}, to ${printableName(page.finalUrl)})`;
    context.io.stderr(`lede: fetched ${printableName(argument)}${redirected}; read ${viaText[via]}\n`);
    return posting;
  }
  return loadPosting(inputFile(context, argument, 'posting'));
}

async function* emptyStream(): AsyncGenerator<Uint8Array> {}
