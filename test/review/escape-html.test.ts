import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../src/review/escape-html.js';

describe('escapeHtml', () => {
  it('turns every character that can open a tag, an entity or leave a quoted attribute into an entity', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')"> & more`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; more',
    );
  });

  it('leaves no markup character in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
    );
  });
});

describe('jsonForScript', () => {
  it('escapes what could end or bend a script block, and line separators', () => {
    const value = { text: '</script><!-- & > \u2028\u2029' };
    expect(jsonForScript(value)).toBe(
      '{"text":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u003e \\u2028\\u2029"}',
    );
  });

  it('reads back as the same value, with none of < > & U+2028 U+2029 left raw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = jsonForScript(value);
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
