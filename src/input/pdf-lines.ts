/** One run of text on a PDF page, as PDF.js reports it (origin bottom-left, in points). */
export interface PdfTextRun {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly hasEOL: boolean;
}

/** Word and others draw list bullets from Symbol or Wingdings, whose glyphs sit in the private-use area. */
const symbolBullet = /^[ \t]*[\uf000-\uf0ff]/;

/**
 * Rebuilds a page's lines from its text runs. The runs come in the order the document drew them, which for
 * word processors and LaTeX is reading order even across columns, so the order is kept and only the breaks are
 * decided here: a new line where the run says so, where the baseline moves by more than half a font size, or where
 * the pen jumps back to the left; a space where a gap on the same line is wider than a sliver of the font size.
 */
export function pdfLines(runs: readonly PdfTextRun[]): string[] {
  const lines: string[] = [];
  let line = '';
  let previous: PdfTextRun | undefined;
  for (const run of runs) {
    if (previous !== undefined && line !== '') {
      const size = Math.max(previous.fontSize, run.fontSize, 1);
      const moved = Math.abs(run.y - previous.y) > size * 0.5;
      const wentBack = run.x < previous.x - size;
      if (previous.hasEOL || moved || wentBack) {
        lines.push(line);
        line = '';
      } else if (
        run.x - (previous.x + previous.width) > size * 0.15 &&
        !/\s$/.test(line) &&
        !/^\s/.test(run.str)
      ) {
        line += ' ';
      }
    }
    if (run.str !== '') line += run.str;
    previous = run.str === '' && !run.hasEOL ? previous : run;
  }
  if (line !== '') lines.push(line);
  return lines
    .map((text) =>
      text
        .replace(symbolBullet, '•')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((text) => text !== '');
}
