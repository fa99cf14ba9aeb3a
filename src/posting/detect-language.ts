/** Very common short words per language: enough to tell a posting's language from a few sentences. */
const stopwords: Readonly<Record<string, ReadonlySet<string>>> = {
  English: new Set(
    'the and to of a in you we with for our is will on are as be your or an this that at by from have who can it'.split(
      ' ',
    ),
  ),
  German: new Set(
    'und der die das mit für wir sie ist den von zu ein eine im auf bei unsere unser ihre des dem als oder auch werden'.split(
      ' ',
    ),
  ),
  French: new Set(
    'et le la les de des du un une pour avec nous vous est dans sur en au aux votre notre par qui sont'.split(
      ' ',
    ),
  ),
  Spanish: new Set(
    'y el la los las de del un una para con nosotros tu es en por que su nuestro nuestra al como se'.split(
      ' ',
    ),
  ),
  Italian: new Set(
    'e il lo la gli le di del della un una per con noi è in che sono nostro nostra al come'.split(' '),
  ),
  Dutch: new Set(
    'en de het een van voor met wij je jij is op in te zijn ons onze bij als die dat'.split(' '),
  ),
  Portuguese: new Set(
    'e o a os as de do da um uma para com nós você é em no na que por seu sua como'.split(' '),
  ),
};

/** Scripts that are not Latin, by the language they most likely are. */
const scripts: readonly { pattern: RegExp; language: string }[] = [
  { pattern: /[\u3040-\u30ff]/gu, language: 'Japanese' },
  { pattern: /[\uac00-\ud7af]/gu, language: 'Korean' },
  { pattern: /[\u4e00-\u9fff]/gu, language: 'Chinese' },
  { pattern: /[\u0400-\u04ff]/gu, language: 'Russian or another Cyrillic-script language' },
  { pattern: /[\u0600-\u06ff]/gu, language: 'Arabic or another Arabic-script language' },
  { pattern: /[\u0590-\u05ff]/gu, language: 'Hebrew' },
  { pattern: /[\u0370-\u03ff]/gu, language: 'Greek' },
  { pattern: /[\u0900-\u097f]/gu, language: 'Hindi or another Devanagari-script language' },
  { pattern: /[\u0e00-\u0e7f]/gu, language: 'Thai' },
];

export interface LanguageGuess {
  /** True unless the text is clearly in another language. */
  readonly english: boolean;
  /** The language it most likely is, when not English. */
  readonly language: string | undefined;
}

/**
 * Guesses whether a posting is written in English. Errs towards English: a posting that is mostly tool names and
 * bullet points, or mixes languages, counts as English; only text that is clearly another language does not.
 */
export function detectLanguage(text: string): LanguageGuess {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return { english: true, language: undefined };
  for (const { pattern, language } of scripts) {
    // Japanese mixes kana with Chinese characters, so kana is tested before the ideographs.
    const count = text.match(pattern)?.length ?? 0;
    if (count > letters * 0.3) return { english: false, language };
  }
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin < letters * 0.5) return { english: false, language: 'a non-Latin script' };

  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 30) return { english: true, language: undefined };
  const counts = Object.entries(stopwords).map(
    ([language, set]) => [language, words.filter((word) => set.has(word)).length] as const,
  );
  const english = counts.find(([language]) => language === 'English')?.[1] ?? 0;
  const [bestLanguage, best] = counts.reduce((top, entry) => (entry[1] > top[1] ? entry : top));
  // Another language must clearly dominate: twice English's hits and a real share of the words.
  if (bestLanguage !== 'English' && best > english * 2 && best > words.length * 0.08) {
    return { english: false, language: bestLanguage };
  }
  return { english: true, language: undefined };
}
