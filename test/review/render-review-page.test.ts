import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/review/render-review-page.js';
import { reviewPageScript } from '../../src/review/review-page-script.js';
import { reviewPageStyle } from '../../src/review/review-page-style.js';
import { writeReviewPage } from '../../src/review/write-review-page.js';
import { newTemporaryFolder } from '../support/temporary-folder.js';
import { type PostingSpec, writeBatchOutput } from './support/batch-output.js';
import { hostileBatch, payloads } from './support/hostile-batch.js';
import { sampleBatch } from './support/sample-batch.js';

async function pageFor(specs: readonly PostingSpec[]): Promise<string> {
  const out = await newTemporaryFolder('review');
  await writeBatchOutput(out, specs);
  return readFile(await writeReviewPage(out), 'utf8');
}

const base64Sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

describe('review.html', () => {
  it('forbids every remote load and allows only its own style and script, by hash', () => {
    expect(contentSecurityPolicy()).toBe(
      [
        "default-src 'none'",
        `style-src 'sha256-${base64Sha256(reviewPageStyle)}'`,
        `script-src 'sha256-${base64Sha256(reviewPageScript)}'`,
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
      ].join('; '),
    );
  });

  it('is one self-contained page: the policy first in the head, no address outside the page', async () => {
    const html = await pageFor(sampleBatch);
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<title>'));
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html.match(/<script\b/g)).toHaveLength(2);
  });

  it('links each finding, claim and the hook from the letter, and says what each claim rests on', async () => {
    const html = await pageFor(sampleBatch);
    expect(html).toContain(
      '<mark class="finding error"><a href="#p1-f1" class="claim unbacked" aria-describedby="p1-f1">Globex</a></mark>',
    );
    expect(html).toContain('<a href="#p1-c2" class="claim" aria-describedby="p1-c2">40%</a>');
    expect(html).toContain(
      '<a href="#p1-hook" class="hook" aria-describedby="p1-hook">real-time ranking service</a>',
    );
    expect(html).toContain('<li id="p1-c2">number <q>40%</q>: <code>achievements[0].metrics[0]</code></li>');
    expect(html).toContain(
      '<blockquote id="p1-hook" cite="#p1">This year we are rebuilding our real-time ranking service for every customer.</blockquote>',
    );
    expect(html).toContain(
      '<br>Fix: Remove the employer &#39;Globex&#39; or add that work to your profile.</li>',
    );
  });

  it('escapes every payload from a posting, a letter and a report: no markup but its own', async () => {
    const html = await pageFor(hostileBatch);
    const [, body = ''] = html.split('<body>');
    const withoutOwnScripts = body
      .replace(/<script type="application\/json" id="review-data">[^<]*<\/script>/, '')
      .replace(`<script>${reviewPageScript}</script>`, '');
    expect(withoutOwnScripts).not.toMatch(/<(?:script|img|svg|iframe)\b/i);
    // Every tag is the page's own: its attributes are the page's few, never an event handler, links only within.
    const attributes = new Set<string>();
    for (const tag of withoutOwnScripts.matchAll(/<[a-z][a-z0-9]*((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/gi)) {
      for (const attribute of (tag[1] ?? '').matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)) {
        attributes.add(attribute[1] ?? '');
        if (attribute[1] === 'href') expect(attribute[2]).toMatch(/^#p\d+(-[a-z]+\d*)?$/);
      }
    }
    expect([...attributes].sort()).toEqual([
      'aria-describedby',
      'aria-labelledby',
      'aria-live',
      'cite',
      'class',
      'data-for',
      'href',
      'id',
      'role',
      'scope',
      'tabindex',
      'type',
      'value',
    ]);
    expect(withoutOwnScripts.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
    expect(html).toContain(`&lt;img src=x onerror=&quot;window.__pwned = &#39;img&#39;&quot;&gt;`);
    const data = /<script type="application\/json" id="review-data">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(data).postings[0].industry).toBe(`tech${payloads.attribute}`);
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
  });
});
