import { escapeHtml } from './escape-html.js';
import { documentTitle, type LetterDocument } from './letter-document.js';

function lines(items: readonly string[]): string {
  return items.map(escapeHtml).join('<br>');
}

// A page at 11pt on screen and on paper, with the PDF's margins, so a 250-word letter prints on one sheet; no web
// fonts, so the file needs nothing else.
const style = `
  @page { size: letter; margin: 0.75in 1in; }
  html { background: #f4f4f2; }
  body { margin: 0; color: #1a1a1a; font: 11pt/1.4 Georgia, "Noto Serif", "DejaVu Serif", "Times New Roman", serif; }
  main { box-sizing: border-box; max-width: 8.5in; margin: 2rem auto; padding: 0.75in 1in; background: #fff; }
  header { margin-bottom: 1.4em; }
  .sender { font-size: 15pt; font-weight: bold; margin: 0; }
  .contact { margin: 0.2em 0 0; font-size: 9.5pt; color: #444; }
  .date, .recipient { margin: 1em 0 0; }
  main > p { margin: 0 0 0.6em; }
  @media print { html { background: none; } main { margin: 0; padding: 0; max-width: none; } }`;

/**
 * The letter as one self-contained HTML page: inline CSS, no scripts, no external resources (the content security
 * policy says so too), every piece of text escaped.
 */
export function renderLetterHtml(document: LetterDocument): string {
  const { sender } = document;
  const header = [
    `<p class="sender">${escapeHtml(sender.name)}</p>`,
    ...(sender.contact.length === 0
      ? []
      : [`<p class="contact">${sender.contact.map(escapeHtml).join(' &middot; ')}</p>`]),
    `<p class="date">${escapeHtml(document.date)}</p>`,
    ...(document.recipient.length === 0 ? [] : [`<p class="recipient">${lines(document.recipient)}</p>`]),
  ];
  const body = document.paragraphs.map((paragraph) => `<p>${lines(paragraph)}</p>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(documentTitle(document))}</title>
<style>${style}
</style>
</head>
<body>
<main>
<header>
${header.join('\n')}
</header>
${body.join('\n')}
</main>
</body>
</html>
`;
}
