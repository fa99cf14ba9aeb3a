/**
 * Drops what a Markdown posting never shows its reader: HTML comments (`<!-- ... -->`) and link reference definitions,
 * which Markdown writers use as comments (`[//]: # (note)`, `[comment]: # "note"`) and which render as nothing.
 */
export function withoutMarkdownComments(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*\S[^\n]*\n?/gm, '');
}
