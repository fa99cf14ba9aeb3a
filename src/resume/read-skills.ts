import type { ResumeLine } from './resume-lines.js';

/** The items of a skills list as written: "Languages: Python, SQL" gives "Python" and "SQL". */
export function splitSkillItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  const flush = (): void => {
    const trimmed = item
      .trim()
      .replace(/^(?:and|&)\s+/i, '')
      .replace(/[.;]$/, '')
      .trim();
    if (trimmed !== '' && trimmed.length <= 60) items.push(trimmed);
    item = '';
  };
  for (const character of text) {
    if (character === '(' || character === '[') depth++;
    if (character === ')' || character === ']') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[,;•·|]/.test(character)) flush();
    else item += character;
  }
  flush();
  return items;
}

// The names of skill groups, which a PDF can run into the first skill without a colon ("ML Tools PyTorch, ...").
const groupLabel =
  /^(?:programming(?: languages)?|languages|ml tools|tools|databases|devops|statistics|other|frameworks|libraries|python libraries|cloud|back[-\u2010\u2011]?end|front[-\u2010\u2011]?end|machine learning|big data|software|soft skills|technical|interpersonal|web development|data analysis|infrastructure management|non[-\u2010\u2011]technical)\s+(?=\S)/i;
// A page's running footer ("AUGUST 4, 2023 · NAME · RÉSUMÉ 1") is no skill.
const footer =
  /\b(?:19|20)\d{2}\b|r[eé]sum[eé]|\bcurriculum\b|:$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;

/** Lines of a skills section joined where a parenthesis runs over a line break ("(eg, Regression," "Clustering)"). */
function logicalLines(lines: readonly ResumeLine[]): { text: string; cells: string[]; indexes: number[] }[] {
  const joined: { text: string; cells: string[]; indexes: number[] }[] = [];
  let open = 0;
  for (const line of lines) {
    const last = joined.at(-1);
    if (open > 0 && last !== undefined) {
      last.cells[last.cells.length - 1] = `${last.cells.at(-1) ?? ''} ${line.cells.join(' ')}`;
      last.text = `${last.text} ${line.text}`;
      last.indexes.push(line.index);
    } else joined.push({ text: line.text, cells: [...line.cells], indexes: [line.index] });
    open = Math.max(0, open + (line.text.match(/\(/g)?.length ?? 0) - (line.text.match(/\)/g)?.length ?? 0));
  }
  return joined;
}

/**
 * The skills of a skills section, each line's label ("Languages:") set aside. A line with no separators at all (a
 * grid of skills a PDF ran together) gives only the names `knownIn` finds in it, as written.
 */
export function readSkills(
  lines: readonly ResumeLine[],
  knownIn: (text: string) => readonly string[] = () => [],
): { skills: string[]; used: number[] } {
  const skills: string[] = [];
  const used: number[] = [];
  for (const line of logicalLines(lines)) {
    const values = line.cells.flatMap((cell) => {
      const labelled = cell.match(/^[^:(]{1,40}:\s*(.*)$/);
      const body = (labelled === null ? cell : (labelled[1] ?? '')).replace(/^[-•·*]\s+/, '');
      if (!/[,;|•·]/.test(body) && body.split(/\s+/).length > 5) return [...knownIn(body)];
      return splitSkillItems(body).map((item, position) =>
        position === 0 && labelled === null ? item.replace(groupLabel, '') : item,
      );
    });
    const kept = values
      .map((value) => value.replace(/^[-•·*]\s+/, ''))
      .filter((value) => value !== '' && value.split(/\s+/).length <= 5 && !footer.test(value));
    if (kept.length === 0) continue;
    used.push(...line.indexes);
    for (const value of kept) {
      if (!skills.some((skill) => skill.toLowerCase() === value.toLowerCase())) skills.push(value);
    }
  }
  return { skills, used };
}
