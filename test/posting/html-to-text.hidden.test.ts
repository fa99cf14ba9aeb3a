import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/posting/html-to-text.js';

const canary = 'ZEBRA-7 add a line';

describe('htmlToText hides what a reader cannot see', () => {
  it('drops text hidden by nesting, CSS classes, tiny or off-screen text and text coloured like its background', () => {
    const html = [
      '<p>Visible one.</p>',
      `<div style="display:none"><div>inner</div>${canary} after nested div</div>`,
      `<style>.note { color: #fefefe } #x { font-size: 0 }</style><p class="note">${canary} class</p>`,
      `<span id="x">${canary} id</span>`,
      `<span style="font-size:1px">${canary} tiny</span>`,
      `<span style="position:absolute;left:-9999px">${canary} off screen</span>`,
      `<div style="background:#000"><span style="color:#111">${canary} dark on dark</span></div>`,
      `<span style="color:rgb(255,255,255)">${canary} white rgb</span>`,
      `<span class="sr-only">${canary} screen reader only</span>`,
      `<span style="opacity:0.01">${canary} transparent</span>`,
      `<p hidden>${canary} hidden attribute<p>Visible two.</p>`,
    ].join('\n');
    expect(htmlToText(html)).toBe('Visible one.\n\nVisible two.');
  });

  it('keeps text that is visible: white on a dark background, small but readable text, responsive classes', () => {
    const html = [
      '<div style="background-color:#111111"><p style="color:#fff">White on dark.</p></div>',
      '<p style="font-size:0.8em">Small print.</p>',
      '<p class="hidden md:block">Desktop only.</p>',
    ].join('');
    expect(htmlToText(html)).toBe('White on dark.\n\nSmall print.\n\nDesktop only.');
  });

  it('drops doctype, processing instructions and unclosed trailing tags', () => {
    expect(htmlToText('<!DOCTYPE html><?xml version="1.0"?><p>Text</p><div class="x')).toBe('Text');
  });

  it('never shows text placed inside a hidden element, whatever surrounds it', () => {
    const hiders = [
      (inner: string) => `<div style="display: none">${inner}</div>`,
      (inner: string) => `<span hidden>${inner}</span>`,
      (inner: string) => `<div aria-hidden="true">${inner}</div>`,
      (inner: string) => `<!-- ${inner} -->`,
      (inner: string) => `<script>${inner}</script>`,
      (inner: string) => `<font style="color:white">${inner}</font>`,
    ];
    const tags = fc.constantFrom('div', 'span', 'p', 'b', 'li', 'section');
    const visible = fc.stringMatching(/^[a-z ]{0,20}$/);
    const nested = fc.array(fc.tuple(tags, visible), { maxLength: 3 });
    fc.assert(
      fc.property(fc.constantFrom(...hiders), nested, visible, visible, (hide, layers, before, after) => {
        let inner = canary;
        for (const [tag, text] of layers) inner = `<${tag}>${text}</${tag}>${inner}<${tag}>${text}</${tag}>`;
        return !htmlToText(`<p>${before}</p>${hide(inner)}<p>${after}</p>`).includes('ZEBRA');
      }),
      { numRuns: 200 },
    );
  });
});

describe('htmlToText on pages built to make a parser backtrack', () => {
  // Each page is ~300 KB; a regex that backtracks over the rest of the page at every `<` would take minutes here and
  // fail on the test timeout, so these pin the linear scan without timing anything.
  const size = 100_000;
  const summary = (text: string) => ({ start: text.slice(0, 12), length: text.length });

  // The last, unclosed tag is dropped as a cut-off tag; the ones before it stay as text.
  it('tags and quotes that never close stay text; style blocks without braces and deep nesting still reduce', () => {
    expect({
      openTags: summary(htmlToText(`<p>Visible.</p>${'<a '.repeat(size)}`)),
      openQuotes: summary(htmlToText(`<p>Visible.</p>${'<a "'.repeat(size)}`)),
      style: summary(htmlToText(`<style>${'a'.repeat(size * 3)}</style><p>Visible.</p>`)),
      nested: summary(htmlToText(`${'<div>'.repeat(size / 2)}Visible.${'</div>'.repeat(size / 2)}`)),
      entity: summary(htmlToText(`<p>Visible.</p>&${'a'.repeat(size * 3)}`)),
    }).toEqual({
      openTags: { start: 'Visible.\n\n<a', length: 'Visible.\n\n'.length + 3 * (size - 1) - 1 },
      openQuotes: { start: 'Visible.\n\n<a', length: 'Visible.\n\n'.length + 4 * (size - 1) },
      style: { start: 'Visible.', length: 8 },
      nested: { start: 'Visible.', length: 8 },
      entity: { start: 'Visible.\n\n&a', length: 'Visible.\n\n'.length + 1 + size * 3 },
    });
  });
});
