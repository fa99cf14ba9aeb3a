import type { LetterRecipient } from '../output/letter-document.js';
import { type LetterFonts, loadLetterFonts } from '../output/letter-fonts.js';
import type { LetterFormat } from '../output/letter-format.js';
import { type RenderedLetter, renderLetter } from '../output/render-letter.js';
import type { Profile } from '../profile/profile-schema.js';

/**
 * How draft and batch turn a letter into the format asked for: the profile's name and contact head every document,
 * the posting's company and role address it, and every letter of one run carries the same date. The PDF fonts are
 * read once, when the first PDF is made. `letterhead` false leaves a Markdown or text letter as drafted.
 */
export function renderLetterFor(
  format: LetterFormat,
  profile: Profile,
  date: Date,
  letterhead = true,
): (letter: string, recipient: LetterRecipient) => Promise<RenderedLetter> {
  let fonts: Promise<LetterFonts> | undefined;
  const sender = { name: profile.name, contact: profile.contact };
  return (letter, recipient) =>
    renderLetter(
      format,
      letter,
      { sender, recipient, date, letterhead },
      { loadFonts: () => (fonts ??= loadLetterFonts()) },
    );
}
