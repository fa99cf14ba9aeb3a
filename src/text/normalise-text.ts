/**
 * Characters that change how text looks or reads without being visible themselves: zero-width spaces and joiners,
 * the word joiner, soft hyphens, stray byte-order marks, and the bidirectional overrides and isolates that can make
 * text display in a different order than it is stored ("Trojan Source"), and the Unicode tag characters that spell
 * out ASCII invisibly, and variation selectors, which can carry bytes the same way ("ASCII smuggling": a hidden
 * instruction that a model reads and a person does not see).
 */
export const invisibleCharacters =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each variation selector is removed on its own, on purpose.
  /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f\ufeff\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;

/** C0 and C1 control characters other than tab and line feed (and carriage return, handled first). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Spaces that are not U+0020: no-break, en/em and thin spaces, the ideographic space. */
const oddSpaces = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Makes pasted text safe to read, match and print: one line-ending style, NFC-composed letters, no invisible or
 * direction-changing characters (so what the critic checks is what a reader sees, and no terminal escape sequence
 * from a posting reaches the user's screen), and plain spaces.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .normalize('NFC')
    .replace(invisibleCharacters, '')
    .replace(controls, '')
    .replace(oddSpaces, ' ');
}
