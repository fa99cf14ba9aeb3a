import { extname } from 'node:path';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type YAMLError } from 'yaml';
import { InputError } from '../errors.js';

type Kind = 'profile' | 'playbook' | 'dataset' | 'input' | 'overrides';

/** Parsed data and a way back from a field path to the line it was written on. */
export interface ParsedDataFile {
  readonly data: unknown;
  /** The 1-based line of the field at `path`, or of its closest parent that exists; undefined when unknown. */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** What to do about each kind of YAML syntax error, in the words of someone fixing a hand-written file. */
const yamlHints: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'a key appears twice in the same block: keep one of them',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'line the key up with the keys around it (use spaces)',
  MISSING_CHAR: 'close the quote or bracket opened on that line',
  BAD_DQ_ESCAPE: 'a backslash in double quotes starts an escape: use single quotes or write \\\\',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line: check for a missing ":" or an unclosed quote above',
  BLOCK_AS_IMPLICIT_KEY: 'quote text that contains ": " (for example did: "moved ranking: the whole thing")',
  RESOURCE_EXHAUSTION: 'remove the anchors and aliases (&name, *name): write the values out',
  MULTIPLE_DOCS: 'a file holds one document: remove the "---" line',
};
const defaultYamlHint =
  'check the indentation and quoting on that line (quote text that contains ": " or starts with a symbol)';

/** The line as written, for the message; a long line is cut to a window around the column of the error. */
function lineText(text: string, line: number, column?: number): string {
  const raw = text.split('\n')[line - 1] ?? '';
  // Error messages end up in logs and bug reports: never quote a line that may hold a credential.
  if (/key|token|secret|password|bearer|authorization/i.test(raw))
    return '(line not shown: it may hold a secret)';
  const content = raw.trim();
  if (content.length <= 80) return content;
  const indent = raw.length - raw.trimStart().length;
  const start = Math.max(0, (column ?? 0) - indent - 50);
  const window = content.slice(start, start + 74);
  return `${start > 0 ? '...' : ''}${window}${start + 74 < content.length ? '...' : ''}`;
}

function lineFinder(document: Document, counter: LineCounter): ParsedDataFile['lineOf'] {
  return (path) => {
    let node: unknown = document.contents;
    let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0];
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (pair === undefined) break;
        offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item === undefined) break;
        offset = (item as { range?: [number] }).range?.[0] ?? offset;
        node = item;
      } else break;
    }
    return offset === undefined ? undefined : counter.linePos(offset).line;
  };
}

/**
 * Parses YAML or JSON text (by extension; YAML is a superset, so anything else is read as YAML), and keeps the
 * positions so validation errors can name the line. Syntax errors, duplicate keys and alias bombs become an
 * InputError naming the file and line, quoting the line, and saying how to fix it.
 */
export function parseDataDocument(text: string, path: string, kind: Kind): ParsedDataFile {
  const isJson = extname(path).toLowerCase() === '.json';
  let jsonData: unknown;
  if (isJson) {
    try {
      jsonData = JSON.parse(text);
    } catch (error) {
      const position = /position (\d+)/.exec(String(error))?.[1];
      const before = position === undefined ? undefined : text.slice(0, Number(position)).split('\n');
      const line = before?.length;
      const column = before === undefined ? undefined : (before.at(-1)?.length ?? 0) + 1;
      const quoted = line === undefined ? '' : `\n  ${line} | ${lineText(text, line, column)}`;
      throw new InputError(
        `${kind}.syntax`,
        `${path}${line === undefined ? '' : `:${line}`}: invalid JSON (${(error as Error).message})${quoted}`,
        {
          file: path,
          line,
          hint: 'fix the JSON syntax (a trailing comma or a missing quote is the usual cause), or write the file as YAML',
          cause: error,
        },
      );
    }
  }
  const counter = new LineCounter();
  let document: Document;
  try {
    document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: counter });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(path, kind, error);
    throw error;
  }
  const lineOf = lineFinder(document, counter);
  if (isJson) {
    // JSON.parse keeps the last of two equal keys without a word; YAML (and so lede) refuses them.
    const duplicate = document.errors.find((error) => error.code === 'DUPLICATE_KEY');
    if (duplicate !== undefined) throw syntaxError(text, path, kind, duplicate);
    return { data: refuseExpansion(jsonData, text, path, kind), lineOf };
  }

  const first = document.errors[0];
  if (first !== undefined) throw syntaxError(text, path, kind, first);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep(path, kind, error);
    // The yaml package refuses documents whose aliases would expand without bound ("billion laughs").
    throw expandsTooFar(path, kind, error);
  }
  return { data: refuseExpansion(data, text, path, kind), lineOf };
}

function syntaxError(text: string, path: string, kind: Kind, error: YAMLError): InputError {
  // The parser reports running out of stack as resource exhaustion, the code it also uses for alias bombs.
  if (/call stack/i.test(error.message)) return tooDeep(path, kind, error);
  const line = error.linePos?.[0].line;
  const column = error.linePos?.[0].col;
  const what = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
  const language = extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML';
  return new InputError(
    `${kind}.syntax`,
    `${path}${line === undefined ? '' : `:${line}`}: invalid ${language}: ${what}${line === undefined ? '' : `\n  ${line} | ${lineText(text, line, column)}`}`,
    { file: path, line, hint: yamlHints[error.code] ?? defaultYamlHint, cause: error },
  );
}

function expandsTooFar(path: string, kind: Kind, cause?: unknown): InputError {
  return new InputError(
    `${kind}.syntax`,
    `${path}: its anchors and aliases (&name, *name) expand to far more data than a ${kind} holds`,
    { file: path, hint: yamlHints.RESOURCE_EXHAUSTION, cause },
  );
}

function tooDeep(path: string, kind: Kind, cause: unknown): InputError {
  return new InputError(
    `${kind}.syntax`,
    `${path}: it nests lists and mappings far deeper than a ${kind} does`,
    {
      file: path,
      hint: 'flatten the nesting: a profile or playbook is a few levels deep',
      cause,
    },
  );
}

/**
 * Most characters a parsed file may expand to, counting every use of an aliased value: an anchor of 1.5 MB used 899
 * times passes the alias count but would build strings no program can hold.
 */
const maxExpandedChars = 16 * 1024 * 1024;

/** The data, unless shared values (YAML aliases) make it expand past `maxExpandedChars`; walked without recursion. */
function refuseExpansion(data: unknown, text: string, path: string, kind: Kind): unknown {
  let size = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    size += typeof value === 'string' ? value.length : 1;
    if (size > Math.max(maxExpandedChars, text.length * 4)) throw expandsTooFar(path, kind);
    if (Array.isArray(value)) for (const entry of value) stack.push(entry);
    else if (value !== null && typeof value === 'object') {
      for (const [key, entry] of Object.entries(value)) {
        size += key.length;
        stack.push(entry);
      }
    }
  }
  return data;
}

/** Parses YAML or JSON text (by extension; YAML is a superset, so anything else is read as YAML). */
export function parseDataFile(text: string, path: string, kind: Kind): unknown {
  return parseDataDocument(text, path, kind).data;
}
