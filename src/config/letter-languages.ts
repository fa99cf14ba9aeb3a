/**
 * The language a model writes the letter in (`--language`): `posting` (the posting's own, detected) or `en`
 * (English whatever the posting's). Its own file, like `analysis-modes.ts`, so the pipeline need not load the config
 * resolver. The offline engine writes English only and refuses a posting in another language.
 */
export const letterLanguages = ['posting', 'en'] as const;
export type LetterLanguage = (typeof letterLanguages)[number];
