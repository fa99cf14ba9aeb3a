export { escapeHtml } from '../output/escape-html.js';

const scriptUnsafe: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * A value as JSON that can sit inside `<script type="application/json">`: no `<` (so no `</script>` or `<!--` can
 * end or bend the block), no `>` or `&`, and no U+2028/U+2029 line separators. JSON.parse reads it back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (character) => scriptUnsafe[character] ?? character,
  );
}
