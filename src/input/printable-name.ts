// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const controlsBesideLineBreaks = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\r(?!\n)/g;

function escaped(char: string): string {
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/**
 * A file name as it can be printed: control characters (terminal escapes, line breaks) shown as \xNN, never sent raw,
 * so a name can neither rewrite the screen nor break a heading or a table row.
 */
export function printableName(name: string): string {
  return name.replace(controlCharacters, escaped);
}

/**
 * Text bound for a terminal: line breaks and tabs kept, every other control character (an escape sequence, a bare
 * carriage return that rewrites the line) shown as \xNN.
 */
export function printableText(text: string): string {
  return text.replace(controlsBesideLineBreaks, escaped);
}
