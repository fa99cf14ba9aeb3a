import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/posting/html-to-text.js';

describe("htmlToText weighs a page's own <style> rules as a browser would", () => {
  it('follows descendant and child combinators: a rule for one section hides nothing elsewhere', () => {
    const html =
      '<style>section[data-note] > p { display: none } aside p { color: #fff }</style>' +
      '<section data-note="x"><p>Hidden child.</p></section><section><p>Shown child.</p></section>' +
      '<aside><div><p>Hidden descendant.</p></div></aside><p>Shown paragraph.</p>';
    expect(htmlToText(html)).toBe('Shown child.\n\nShown paragraph.');
  });

  it('drops dark text on a dark panel and keeps light text on it', () => {
    const html =
      '<style>.panel { background: #101010 } .panel .dim { color: #181818 } .panel .lit { color: #f0f0f0 }</style>' +
      '<div class="panel"><p class="dim">Dark on dark.</p><p class="lit">Light on dark.</p></div>';
    expect(htmlToText(html)).toBe('Light on dark.');
  });

  it('keeps ordinary colours, sizes and positions', () => {
    const html =
      '<p style="color:#333;font-size:14px;left:-10px;transform:translateX(-20px)">Readable.</p>' +
      '<p style="color:rgba(0,0,0,0.8)">Also readable.</p><details open><summary>More</summary><p>Open body.</p></details>';
    expect(htmlToText(html)).toBe('Readable.\n\nAlso readable.\n\nMore\n\nOpen body.');
  });
});
