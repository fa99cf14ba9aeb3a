import { createHash } from 'node:crypto';
import { usd } from '../batch/render-summary.js';
import { escapeHtml, jsonForScript } from './escape-html.js';
import type {
  LetterPiece,
  ReviewClaim,
  ReviewIndexEntry,
  ReviewPage,
  ReviewPosting,
} from './review-model.js';
import { reviewPageScript } from './review-page-script.js';
import { reviewPageStyle } from './review-page-style.js';

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing loads from anywhere (no fonts, images, frames or requests), and only this page's own style and script run,
 * by hash: an injected `<script>` or `onerror=` would be refused even if escaping ever failed.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(reviewPageStyle)}`,
    `script-src ${sha256(reviewPageScript)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const statusLabels: Record<ReviewPosting['status'], string> = {
  passed: 'passed',
  'passed-after-revision': 'passed after revision',
  failed: 'failed',
  'bad-input': 'bad input',
  error: 'error',
  'not-run': 'not run',
  interrupted: 'interrupted',
};

function statusBadge(posting: Pick<ReviewPosting, 'ok' | 'status'>): string {
  const kind = posting.ok ? 'ok' : posting.status;
  return `<span class="status ${kind}">${escapeHtml(statusLabels[posting.status])}</span>`;
}

function summarySection(page: ReviewPage): string {
  const { counts } = page;
  const figures: [string, string][] = [
    ['Postings', String(counts.postings)],
    ['Passed', String(counts.passed)],
    ['Passed after revision', String(counts.passedAfterRevision)],
    ['Failed the rules', String(counts.failed)],
    ['Errored', String(counts.error + counts.badInput)],
  ];
  if (counts.notRun > 0) figures.push(['Not run', String(counts.notRun)]);
  if (page.costUsd !== null) figures.push(['Estimated cost', usd(page.costUsd)]);
  if (page.usage !== null && page.usage.calls > 0) {
    figures.push(['Model calls', String(page.usage.calls)]);
    figures.push(['Tokens', String(page.usage.promptTokens + page.usage.completionTokens)]);
  }
  const industries = page.industries
    .map(({ industry, postings }) => `<li>${escapeHtml(industry)}: ${postings}</li>`)
    .join('');
  const engine =
    page.engine === null
      ? ''
      : `<p class="meta">Engine ${escapeHtml(page.engine)} (${escapeHtml(page.model ?? '')})${
          page.finishedAt === null ? '' : `, finished ${escapeHtml(page.finishedAt)}`
        }.</p>`;
  return [
    '<section aria-labelledby="summary-title">',
    '<h2 id="summary-title">Summary</h2>',
    `<dl class="counts">${figures.map(([name, value]) => `<div><dt>${name}</dt><dd>${value}</dd></div>`).join('')}</dl>`,
    `<h3>Industries</h3><ul class="industries">${industries}</ul>`,
    engine,
    page.stopped === null ? '' : `<p class="stopped" role="status">${escapeHtml(page.stopped)}</p>`,
    '</section>',
  ].join('\n');
}

function controls(page: ReviewPage): string {
  const options = page.industries
    .map(({ industry }) => `<option value="${escapeHtml(industry)}">${escapeHtml(industry)}</option>`)
    .join('');
  return [
    '<div class="controls">',
    '<fieldset><legend>Filters</legend>',
    '<label><input type="checkbox" id="filter-failed"> Needs attention only (failed, errored, not run)</label>',
    `<label>Industry <select id="filter-industry"><option value="">all</option>${options}</select></label>`,
    '</fieldset>',
    '<p class="keys" id="keys-help">Keys: <kbd>j</kbd> or <kbd>↓</kbd> next posting, <kbd>k</kbd> or <kbd>↑</kbd> previous, ' +
      '<kbd>f</kbd> needs attention only.</p>',
    `<p id="shown-count" role="status" aria-live="polite">Showing ${page.index.length} of ${page.index.length} postings</p>`,
    '</div>',
  ].join('\n');
}

function overview(page: ReviewPage): string {
  const rows = page.index.map(
    (posting: ReviewIndexEntry) =>
      `<tr data-for="${posting.id}"><td><a href="#${posting.id}">${escapeHtml(posting.posting)}</a></td>` +
      `<td>${statusBadge(posting)}</td><td>${escapeHtml(posting.industry)}</td>` +
      `<td>${escapeHtml(posting.company ?? '-')}</td></tr>`,
  );
  return [
    '<table class="overview"><caption class="meta">Every posting of the batch</caption>',
    '<thead><tr><th scope="col">Posting</th><th scope="col">Status</th><th scope="col">Industry</th>' +
      '<th scope="col">Company</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
  ].join('\n');
}

function pieceHtml(
  piece: LetterPiece,
  posting: ReviewPosting,
  claims: ReadonlyMap<string, ReviewClaim>,
): string {
  const text = escapeHtml(piece.text);
  const finding = piece.findings[0];
  const claim = piece.claim === null ? undefined : claims.get(piece.claim);
  if (finding === undefined && claim === undefined && !piece.hook) return text;
  const classes: string[] = [];
  if (claim !== undefined) classes.push('claim', ...(claim.source === null ? ['unbacked'] : []));
  if (piece.hook) classes.push('hook');
  // One link per piece: a finding matters most, then the claim's fact, then the hook's sentence.
  const target = finding?.id ?? claim?.id ?? `${posting.id}-hook`;
  const link = `<a href="#${target}" class="${classes.join(' ')}" aria-describedby="${target}">${text}</a>`;
  if (finding === undefined) return link;
  const severity = piece.findings.some((mark) => mark.severity === 'error') ? 'error' : 'warning';
  return `<mark class="finding ${severity}">${link}</mark>`;
}

function claimItem(claim: ReviewClaim, detail: string): string {
  return `<li id="${claim.id}">${claim.kind} <q>${escapeHtml(claim.text)}</q>${detail}</li>`;
}

/** The claims under the profile fact behind them (the fact said once), then those backed elsewhere or not at all. */
function claimsHtml(claims: readonly ReviewClaim[]): string {
  const byFact = new Map<string, { says: string; items: string[] }>();
  const others: string[] = [];
  for (const claim of claims) {
    const { source } = claim;
    if (source?.from === 'profile' && source.factId !== null) {
      const group = byFact.get(source.factId) ?? { says: source.says, items: [] };
      group.items.push(claimItem(claim, `: <code>${escapeHtml(source.field)}</code>`));
      byFact.set(source.factId, group);
    } else if (source?.from === 'profile') {
      others.push(claimItem(claim, `: your profile, <code>${escapeHtml(source.field)}</code>`));
    } else if (source?.from === 'posting') {
      others.push(claimItem(claim, `: from the posting (${escapeHtml(source.says)})`));
    } else {
      others.push(
        claimItem(
          claim,
          ': <span class="problem">in neither your profile nor the posting: remove it, or add it to your profile</span>',
        ),
      );
    }
  }
  const facts = [...byFact.entries()].map(
    ([factId, group]) =>
      `<li>Fact <code>${escapeHtml(factId)}</code>: <span class="source">${escapeHtml(group.says)}</span><ul>${group.items.join('')}</ul></li>`,
  );
  return `<ul class="claims">${[...facts, ...others].join('\n')}</ul>`;
}

function postingArticle(posting: ReviewPosting): string {
  const claims = new Map(posting.claims.map((claim) => [claim.id, claim]));
  const title = [posting.company ?? 'Unnamed company', posting.role]
    .filter((part) => part !== null)
    .join(': ');
  const parts = [
    `<article class="posting" id="${posting.id}" tabindex="-1" aria-labelledby="${posting.id}-title">`,
    `<h2 id="${posting.id}-title">${escapeHtml(title)}</h2>`,
    `<p class="meta">${statusBadge(posting)} ${escapeHtml(posting.industry ?? 'unknown')} · <code>${escapeHtml(posting.posting)}</code>` +
      `${posting.attempts > 0 ? ` · ${posting.attempts} attempt${posting.attempts === 1 ? '' : 's'}, ${posting.words} words` : ''}</p>`,
  ];
  if (posting.error !== null) {
    parts.push(
      `<p class="problem">${escapeHtml(posting.error.message)} <code>${escapeHtml(posting.error.code)}</code></p>`,
    );
  }
  if (posting.reportProblem !== null)
    parts.push(`<p class="problem">${escapeHtml(posting.reportProblem)}</p>`);
  if (posting.letter.length > 0) {
    parts.push(
      `<h3 id="${posting.id}-letter">Letter</h3>`,
      `<div class="letter" aria-labelledby="${posting.id}-letter">${posting.letter.map((piece) => pieceHtml(piece, posting, claims)).join('')}</div>`,
    );
  }
  if (posting.findings.length > 0) {
    const items = posting.findings.map(
      (finding) =>
        `<li id="${finding.id}"><span class="severity ${finding.severity}">${finding.severity}</span> ` +
        `<code>${escapeHtml(finding.ruleId)}</code>${finding.evidence === null ? ' (nothing to quote: something is missing)' : `: <q>${escapeHtml(finding.evidence)}</q>`}` +
        `<br>Fix${finding.needsProfile ? ' (in your profile)' : ''}: ${escapeHtml(finding.fix)}</li>`,
    );
    parts.push(`<h3>Findings</h3><ol class="findings">${items.join('\n')}</ol>`);
  } else if (posting.letter.length > 0) {
    parts.push('<h3>Findings</h3><p>No finding: every rule held.</p>');
  }
  if (posting.claims.length > 0) {
    parts.push(`<h3>Claims and the facts behind them</h3>${claimsHtml(posting.claims)}`);
  } else if (posting.claimsUnrecorded) {
    parts.push(
      '<h3>Claims</h3><p class="meta">This report predates recorded claims; rerun the batch with --force to see them.</p>',
    );
  }
  if (posting.hook !== null) {
    parts.push(
      '<h3>Hook</h3>',
      `<p>${escapeHtml(posting.hook.text)}${posting.hook.inLetter ? '' : ' (not found word for word in the letter)'}</p>`,
      `<blockquote id="${posting.id}-hook" cite="#${posting.id}">${escapeHtml(posting.hook.evidence)}</blockquote>`,
      '<p class="meta">The posting\'s sentence the hook came from.</p>',
    );
  }
  parts.push('</article>');
  return parts.join('\n');
}

/** The postings' ids, statuses and industries for the script's filters. */
function pageData(page: ReviewPage): unknown {
  return {
    postings: page.index.map(({ id, status, ok, industry }) => ({ id, status, ok, industry })),
  };
}

/**
 * `review.html`: one static page, self-contained, that shows a batch for review before anything is sent. Every piece
 * of text from a posting, a letter or a report is escaped; the script's data sits in a JSON block that cannot end early.
 * Comes in pieces, a posting at a time, so a batch of thousands is never one string in memory.
 */
export async function* renderReviewPage(
  page: ReviewPage,
  postings: AsyncIterable<ReviewPosting> | Iterable<ReviewPosting>,
): AsyncGenerator<string> {
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy())}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>lede review: ${escapeHtml(page.out)}</title>`,
    `<style>${reviewPageStyle}</style>`,
    '</head>',
    '<body>',
    '<header class="page">',
    `<h1>Review before you send: <code>${escapeHtml(page.out)}</code></h1>`,
    summarySection(page),
    controls(page),
    overview(page),
    '</header>',
    '<main aria-describedby="keys-help">',
    '',
  ].join('\n');
  for await (const posting of postings) yield `${postingArticle(posting)}\n`;
  yield [
    '</main>',
    `<script type="application/json" id="review-data">${jsonForScript(pageData(page))}</script>`,
    `<script>${reviewPageScript}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
