import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../errors.js';

type Kind = 'profile' | 'playbook' | 'dataset' | 'input';

/** Parses YAML or JSON text (by extension; YAML is a superset, so anything else is read as YAML). */
export function parseDataFile(text: string, path: string, kind: Kind): unknown {
  if (extname(path).toLowerCase() === '.json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec(String(error))?.[1];
      const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
      throw new InputError(
        `${kind}.syntax`,
        `${path}${line === undefined ? '' : `:${line}`}: invalid JSON (${(error as Error).message})`,
        { file: path, line, hint: 'fix the JSON syntax, or write the file as YAML', cause: error },
      );
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = document.errors[0];
  if (first !== undefined) {
    const line = first.linePos?.[0].line;
    throw new InputError(
      `${kind}.syntax`,
      `${path}${line === undefined ? '' : `:${line}`}: invalid YAML: ${first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
      {
        file: path,
        line,
        hint: 'check the indentation and quoting on that line (quote text that contains ": " or starts with a symbol)',
        cause: first,
      },
    );
  }
  return document.toJS();
}
