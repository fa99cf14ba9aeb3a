import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { CliContext } from './cli-context.js';

/**
 * A path from the command line, resolved against the command's working folder. Kept as typed when that folder is the
 * process's own, so messages name the file the way the user wrote it.
 */
export function inputPath(context: CliContext, path: string): string {
  if (isAbsolute(path) || context.cwd === process.cwd()) return path;
  return resolve(context.cwd, path);
}

/** `https://...`, `http://...`, `file://...`: a scheme and two slashes, which no file path on the command line starts with. */
const webAddress = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A file lede reads (a posting, profile or letter) from the command line, resolved like `inputPath`. A web address is
 * refused here, before it can be taken for a path that "does not exist".
 */
export function inputFile(
  context: CliContext,
  argument: string,
  kind: 'posting' | 'profile' | 'letter',
): string {
  if (webAddress.test(argument)) {
    // http(s) addresses of postings are fetched before a path is looked for; anything else (ftp://, file://) is not.
    if (kind === 'posting') {
      throw new InputError(
        'posting.url-scheme',
        `${argument}: lede fetches only http:// and https:// addresses`,
        {
          file: argument,
          hint: "save the posting's text (or the page, as .html) to a file and pass that file",
        },
      );
    }
    throw new InputError(
      `${kind}.is-url`,
      `${argument} is a web address; lede reads the ${kind} from a file`,
      {
        file: argument,
        hint: `download the ${kind} to a file and pass that file`,
      },
    );
  }
  return inputPath(context, argument);
}
