/**
 * A resume's text as lines to read: Markdown and HTML marks removed, each line cut into its cells (the parts a tab,
 * a run of spaces or a dotted leader separates in a PDF or Word layout). Removing marks never changes a value: every
 * value the importer keeps is a cell, or a part of one, exactly as the resume wrote it.
 */
export interface ResumeLine {
  /** 0-based position among the resume's lines, for the list of lines the importer could not place. */
  readonly index: number;
  /** The line without marks, its cells joined by " | ". */
  readonly text: string;
  readonly cells: readonly string[];
  /** The line as the reader gave it, trimmed. */
  readonly raw: string;
  /** Ends in a soft hyphen: the word goes on at the start of the next line ("Con-" "sul"). */
  readonly hyphenated: boolean;
  /** A blank line comes before it. In text that separates paragraphs by blank lines, a line without one continues. */
  readonly afterBlank: boolean;
}

const invisible = /\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g;
const entities: Readonly<Record<string, string>> = { '&amp;': '&', '&nbsp;': ' ', '&lt;': '<', '&gt;': '>' };

function withoutMarks(line: string): string {
  return (
    line
      .replace(invisible, '')
      .replace(/&(?:amp|nbsp|lt|gt);/g, (entity) => entities[entity] ?? entity)
      .replace(/\u00a0/g, ' ')
      .replace(/<\/?[a-zA-Z][\w-]*(?:\s[^<>]{0,200})?\/?>/g, ' ')
      .replace(/!?\[([^\]]*)\]\([^)]*\)(?:\{[^}]*\})?/g, '$1')
      .replace(/^\s*#{1,6}\s+/, '')
      // Marks only around whole words: "0`0`" is no code span, and taking its marks would make "00", a value the
      // resume never wrote.
      .replace(/(^|[^\p{L}\p{N}])(\*\*|__|`)(\S(?:.*?\S)?)\2(?![\p{L}\p{N}])/gu, '$1$3')
      .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s),.;:])/g, '$1$2')
      .replace(/^\s*[*_]+(?=\S)|(?<=\S)[*_]+\s*$/g, '')
  );
}

/** Splits `text` into lines, dropping Markdown front matter and HTML comments. */
export function resumeLines(text: string): ResumeLine[] {
  const withoutFrontMatter = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, (block) =>
    '\n'.repeat(block.split('\n').length - 1),
  );
  const withoutComments = withoutFrontMatter.replace(/<!--[\s\S]*?-->/g, (block) =>
    '\n'.repeat(block.split('\n').length - 1),
  );
  const lines: ResumeLine[] = [];
  let blank = true;
  withoutComments.split(/\r?\n/).forEach((raw, index) => {
    const afterBlank = blank;
    blank = raw.trim() === '';
    if (/^\s*\{%.*%\}\s*$/.test(raw)) return;
    // Icon-font glyphs (private use, or a NUL where a font had no code) stand between a PDF header's cells:
    // "Connor Reed <github icon> cwreed".
    const cells = withoutMarks(raw.replaceAll(String.fromCharCode(0), '\ue000'))
      .split(/\t+| {2,}|(?:\s?\.){4,}\s?|\s*[\ue000-\uf8ff]\s*/)
      .map((cell) => cell.replace(/\s+/g, ' ').trim())
      .filter((cell) => cell !== '' && !/^[|•·]$/.test(cell));
    if (cells.length === 0 || /^[-=_*]{3,}$/.test(cells.join(''))) return;
    lines.push({
      index,
      text: cells.join(' | '),
      cells,
      raw: raw.trim(),
      hyphenated: /\u00ad\s*$/.test(raw),
      afterBlank,
    });
  });
  return lines;
}
