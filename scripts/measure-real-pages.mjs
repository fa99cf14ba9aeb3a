// Measures how much of each real job page's posting lede's extraction keeps and how much of the site around it it
// drops, against datasets/real-pages/labels.json. Needs `npm run build` and the pages (scripts/fetch-real-pages.mjs).
//
//   npm run build && node scripts/measure-real-pages.mjs            # lede's extraction (JSON-LD, board, Readability)
//   node scripts/measure-real-pages.mjs --whole-page                # the page's whole visible text, for comparison
//   node scripts/measure-real-pages.mjs --readability-only          # no JSON-LD and no job-board containers
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { measurePageExtraction } from '../dist/src/evals/pages/measure-page-extraction.js';
import { htmlToText } from '../dist/src/posting/html-to-text.js';
import { webPageText } from '../dist/src/posting/web-page-text.js';

const folder = new URL('../datasets/real-pages/', import.meta.url).pathname;
const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8'));
const wholePage = process.argv.includes('--whole-page');
const extract = wholePage
  ? (html) => ({ text: htmlToText(html), via: 'whole-page' })
  : process.argv.includes('--readability-only')
    ? (html) => webPageText(html, { jsonLd: false, jobBoards: false })
    : undefined;

const share = (kept, total) => (total === 0 ? '-' : (kept / total).toFixed(3));
const rows = [['page', 'via', 'posting words kept', 'chrome words dropped', 'posting lines kept', 'chrome lines dropped', 'ms']];
const totals = { pw: 0, pk: 0, cw: 0, ck: 0 };
for (const [id, label] of Object.entries(labels)) {
  if (id.startsWith('$')) continue;
  const path = join(folder, 'pages', `${id}.html`);
  if (!existsSync(path)) {
    rows.push([id, 'missing: run scripts/fetch-real-pages.mjs', '', '', '', '', '']);
    continue;
  }
  const html = readFileSync(path, 'utf8');
  const started = performance.now();
  const figures = measurePageExtraction(html, label, extract);
  const ms = (performance.now() - started).toFixed(0);
  if (figures === undefined) {
    rows.push([id, '(no posting on the page)', '', '', '', '', ms]);
    continue;
  }
  totals.pw += figures.postingWords;
  totals.pk += figures.postingWordsKept;
  totals.cw += figures.chromeWords;
  totals.ck += figures.chromeWordsKept;
  rows.push([
    id,
    figures.via,
    `${share(figures.postingWordsKept, figures.postingWords)} (${figures.postingWordsKept}/${figures.postingWords})`,
    `${share(figures.chromeWords - figures.chromeWordsKept, figures.chromeWords)} (${figures.chromeWords - figures.chromeWordsKept}/${figures.chromeWords})`,
    `${figures.postingLinesKept}/${figures.postingLines}`,
    `${figures.chromeLines - figures.chromeLinesKept}/${figures.chromeLines}`,
    ms,
  ]);
}
rows.push(['all', '', share(totals.pk, totals.pw), share(totals.cw - totals.ck, totals.cw), '', '', '']);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
