/** The tags that fence data inside prompts. Data never gets to open or close one of them. */
export const dataTags = ['posting', 'profile', 'analysis', 'findings', 'letter'] as const;
export type DataTag = (typeof dataTags)[number];

const tagPattern = new RegExp(`<(\\s*/?\\s*(?:${dataTags.join('|')})\\b[^>]*)>`, 'gi');

/**
 * Neutralises anything in `text` that looks like one of lede's data tags (`</posting>`, `< PROFILE >`), so text from
 * a posting cannot end its fence early and pose as instructions. The tag stays readable: `<` becomes `&lt;`.
 */
export function neutraliseDataTags(text: string): string {
  return text.replace(tagPattern, (_tag, inner: string) => `&lt;${inner}>`);
}

/** Fences untrusted text as data: `<tag>\n...\n</tag>`, with any look-alike tags inside neutralised. */
export function wrapData(tag: DataTag, text: string): string {
  return `<${tag}>\n${neutraliseDataTags(text)}\n</${tag}>`;
}
