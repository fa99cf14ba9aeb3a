import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { letterDocument } from '../../src/output/letter-document.js';
import { renderLetterHtml } from '../../src/output/render-letter-html.js';
import { accentedFacts, accentedLetter } from '../support/sample-letter.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

function documentFor(letter: string, facts = accentedFacts) {
  return letterDocument(letter, facts.sender, facts.recipient, facts.date);
}

function* elements(node: Node): Generator<DefaultTreeAdapterTypes.Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if ('tagName' in node && node.tagName === 'br') return '\n';
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function paragraphs(html: string): string[] {
  return [...elements(parse(html))].filter((element) => element.tagName === 'p').map((p) => textOf(p).trim());
}

describe('renderLetterHtml', () => {
  it('writes the letterhead, then the paragraphs in order, with every accent, quote and dash intact', () => {
    expect(paragraphs(renderLetterHtml(documentFor(accentedLetter)))).toEqual([
      'José Núñez',
      'Kraków, Poland · jose@example.com · github.com/jose-example',
      'December 7, 2026',
      'Café Crème Ltd\nRe: Senior ML Engineer',
      'Dear Zoë Dvořák,',
      'At Société Générale I cut model review time by 40% — from weeks to days — with “explainable” scoring.',
      'Łódź’s data team and I shipped the café-pricing model to 2M+ users.',
      'Best,\nJosé Núñez',
    ]);
  });

  it('is one self-contained page: UTF-8, an 11pt font in inline CSS, nothing loaded from elsewhere', () => {
    const html = renderLetterHtml(documentFor(accentedLetter));
    const tags = [...elements(parse(html))].map((element) => element.tagName);
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('link');
    expect(tags).not.toContain('img');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/font: 11pt/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)=/);
  });

  it('escapes markup from the letter, the profile and the posting, so it shows as text and never runs', () => {
    const payload = '<script>alert(1)</script> <img src=x onerror=alert(2)> "quoted" & \'single\'';
    const html = renderLetterHtml(
      letterDocument(
        `Dear team,\n\n${payload}\n\nBest,\nJosé`,
        { name: '<b>José</b>', contact: { email: '"><script>alert(3)</script>' } },
        { company: '<img src=x onerror=alert(4)>', role: '</title><script>alert(5)</script>' },
        accentedFacts.date,
      ),
    );
    const parsed = [...elements(parse(html))];
    expect(parsed.map((element) => element.tagName)).toEqual(
      expect.not.arrayContaining(['script', 'img', 'b']),
    );
    expect(parsed.flatMap((element) => element.attrs.map((attribute) => attribute.name))).not.toContain(
      'onerror',
    );
    expect(paragraphs(html)).toContain(payload);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;');
    expect(textOf(parsed.find((element) => element.tagName === 'title') ?? parse(''))).toBe(
      'Cover letter from <b>José</b> to <img src=x onerror=alert(4)>',
    );
  });

  it('leaves out of the letterhead what the profile and the posting do not say', () => {
    const facts = {
      ...accentedFacts,
      sender: { name: 'José Núñez' },
      recipient: { company: null, role: null },
    };
    expect(paragraphs(renderLetterHtml(documentFor(accentedLetter, facts))).slice(0, 3)).toEqual([
      'José Núñez',
      'December 7, 2026',
      'Dear Zoë Dvořák,',
    ]);
  });
});
