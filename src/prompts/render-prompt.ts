import { ConfigError } from '../errors.js';

/** A prompt template: its name (for messages) and its text with `{{slot}}` markers. */
export interface PromptTemplate {
  readonly name: string;
  readonly text: string;
}

const slotPattern = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The slot names a template uses, in order of first use. */
export function promptSlots(template: PromptTemplate): string[] {
  return [...new Set([...template.text.matchAll(slotPattern)].map((match) => match[1] as string))];
}

/**
 * Fills a template's `{{slots}}` from `values`. Replacement is one pass over the template, so a value holding
 * `{{anything}}` is inserted literally and never expanded; a slot without a value is a bug in the caller or in an
 * edited prompt file, and throws.
 */
export function renderPrompt(template: PromptTemplate, values: Readonly<Record<string, string>>): string {
  const missing = promptSlots(template).filter((slot) => !Object.hasOwn(values, slot));
  if (missing.length > 0) {
    const known = Object.keys(values);
    throw new ConfigError(
      'config.prompt-slot',
      `prompt ${template.name} uses ${missing.map((slot) => `{{${slot}}}`).join(', ')} but no value was given; ` +
        `known slots: ${known.length === 0 ? '(none)' : known.join(', ')}`,
      {
        file: template.name,
        hint: 'fix the slot name in the prompt file, or restore it from the lede package',
      },
    );
  }
  return template.text.replace(slotPattern, (_marker, slot: string) => values[slot] as string);
}
