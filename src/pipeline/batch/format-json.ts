/**
 * JSON for big batch files (manifest, summary): the top level indented for people, and each item of one large list
 * or record on a line of its own. Ten thousand postings stay a few MB, diffable line by line, and cheap to write.
 */
export function formatJsonWithItemLines(value: Record<string, unknown>, key: string): string {
  const { [key]: items, ...rest } = value;
  const head = JSON.stringify(rest, null, 2);
  let body: string;
  if (Array.isArray(items)) {
    body =
      items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  } else if (items !== null && typeof items === 'object') {
    const entries = Object.entries(items);
    body =
      entries.length === 0
        ? '{}'
        : `{\n${entries.map(([name, item]) => `    ${JSON.stringify(name)}: ${JSON.stringify(item)}`).join(',\n')}\n  }`;
  } else {
    body = JSON.stringify(items ?? null);
  }
  const opening = head === '{}' ? '{\n' : `${head.slice(0, -2)},\n`;
  return `${opening}  ${JSON.stringify(key)}: ${body}\n}\n`;
}
