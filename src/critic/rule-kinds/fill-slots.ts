/**
 * A declared message with its `{slot}`s filled. One pass, so a slot's value (a profile's words) is never read as a
 * slot itself, and a function replacer, so a `$` in it stays literal.
 */
export function fillSlots(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole);
}
