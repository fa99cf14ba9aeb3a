import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** The font files a PDF letter embeds. */
export interface LetterFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

/**
 * Noto Serif, from the font package lede depends on. pdfkit writes the fonts built into every PDF reader in
 * Windows-1252 only, so a Łukasz, a Dvořák or a Greek name would come out wrong; Noto covers Latin, Greek and Cyrillic
 * in full, and only the glyphs a letter uses are embedded.
 */
export async function loadLetterFonts(): Promise<LetterFonts> {
  const require = createRequire(import.meta.url);
  const file = (weight: string): string =>
    require.resolve(`@expo-google-fonts/noto-serif/${weight}/NotoSerif_${weight}.ttf`);
  const [regular, bold] = await Promise.all([readFile(file('400Regular')), readFile(file('700Bold'))]);
  return { regular, bold };
}

/** The distinct characters of `text` that `font` has no glyph for (each once, in order of appearance). */
export async function charactersMissingFrom(font: Buffer, text: string): Promise<string[]> {
  // Loaded with the PDF writer only (pdfkit needs it too), never for a Markdown letter.
  const { create: openFont } = await import('fontkit');
  const opened = openFont(font);
  if (!('hasGlyphForCodePoint' in opened)) return [];
  const missing = new Set<string>();
  for (const char of text) {
    if (/\s/.test(char)) continue;
    if (!opened.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)) missing.add(char);
  }
  return [...missing];
}
