import { InputError } from '../errors.js';
import { maxInputBytes } from './read-text-file.js';

/** What `readStdin` needs of standard input: an async stream of bytes that says whether it is a terminal. */
export interface StdinStream extends AsyncIterable<Uint8Array | string> {
  readonly isTTY?: boolean | undefined;
  /** Stops reading early (Node's `destroy`), so an oversized pipe is not drained. */
  readonly destroy?: (() => void) | undefined;
}

export interface ReadStdinOptions {
  /** What the bytes are, for the messages. */
  readonly kind: 'posting' | 'letter';
  /** Refuse more than this; default `maxInputBytes` (2 MB), the cap for files. */
  readonly maxBytes?: number;
}

/**
 * Reads standard input (`-` on the command line) up to the same cap as a file. A terminal with nothing piped in is
 * refused with a hint, rather than waiting for typing the user does not know is expected.
 */
export async function readStdin(stdin: StdinStream, options: ReadStdinOptions): Promise<Buffer> {
  const { kind } = options;
  const maxBytes = options.maxBytes ?? maxInputBytes;
  if (stdin.isTTY === true) {
    throw new InputError(
      `${kind}.stdin-is-terminal`,
      `- reads the ${kind} from standard input, but nothing is piped in (standard input is the terminal)`,
      {
        file: 'stdin',
        hint: `pipe the ${kind} in (\`pbpaste | lede ... -\`, \`lede ... - < ${kind}.txt\`), or pass its file instead of -`,
      },
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += bytes.length;
    if (total > maxBytes) {
      stdin.destroy?.();
      throw new InputError(
        `${kind}.too-large`,
        `standard input holds more than ${(maxBytes / 1024 / 1024).toFixed(1)} MB; a ${kind} should be a few KB`,
        { file: 'stdin', hint: `pipe in only the ${kind}'s text (max ${maxBytes / 1024 / 1024} MB)` },
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
