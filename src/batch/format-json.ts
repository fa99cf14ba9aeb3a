/** Pieces of about this many characters: few writes, and no string the size of the whole file. */
const chunkCharacters = 64 * 1024;

/**
 * JSON for big batch files (manifest, summary): the top level indented for people, and each item of one large list
 * or record on a line of its own. Ten thousand postings stay a few MB, diffable line by line, and cheap to write.
 * The text comes in pieces of about 64 KB, so a file of ten thousand items is written without ever being one string.
 */
export function* jsonChunksWithItemLines(value: Record<string, unknown>, key: string): Generator<string> {
  const { [key]: items, ...rest } = value;
  const head = JSON.stringify(rest, null, 2);
  let chunk = `${head === '{}' ? '{\n' : `${head.slice(0, -2)},\n`}  ${JSON.stringify(key)}: `;
  const lines: Iterable<string> | undefined = Array.isArray(items)
    ? (function* () {
        for (const item of items) yield JSON.stringify(item);
      })()
    : items !== null && typeof items === 'object'
      ? (function* () {
          for (const [name, item] of Object.entries(items))
            yield `${JSON.stringify(name)}: ${JSON.stringify(item)}`;
        })()
      : undefined;
  if (lines === undefined) {
    yield `${chunk}${JSON.stringify(items ?? null)}\n}\n`;
    return;
  }
  const [open, close] = Array.isArray(items) ? ['[', ']'] : ['{', '}'];
  let count = 0;
  for (const line of lines) {
    chunk += `${count === 0 ? `${open}\n` : ',\n'}    ${line}`;
    count++;
    if (chunk.length >= chunkCharacters) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${count === 0 ? `${open}${close}` : `\n  ${close}`}\n}\n`;
}

/** The whole text of `jsonChunksWithItemLines` as one string (small files, tests). */
export function formatJsonWithItemLines(value: Record<string, unknown>, key: string): string {
  return [...jsonChunksWithItemLines(value, key)].join('');
}
