import { findDates, withoutDates } from './parse-dates.js';
import type { ResumeLine } from './resume-lines.js';

/** One job (or one project) as the resume lays it out: who, what title, when, and the lines of what was done. */
export interface ExperienceEntry {
  readonly employer?: string;
  readonly role?: string;
  /** The dates as written ("June 2022 – December 2024"). */
  readonly dates?: string;
  /** For a project section: the project's name (its heading line). */
  readonly title?: string;
  readonly items: readonly ExperienceItem[];
  /** Lines listing tools for the whole entry ("Key tech: PyTorch, ONNX"): their tools go to the skills. */
  readonly toolLists: readonly string[];
  /** Every line this entry used, by index. */
  readonly used: readonly number[];
}

/** One achievement line (with its wrapped continuation lines joined), exactly as written without its bullet. */
export interface ExperienceItem {
  readonly text: string;
  readonly lines: readonly number[];
}

const bullet = /^(?:[•◦●▪‣∙·*+▸►➢✓-]|[–—](?=\s)|\d{1,2}[.)](?=\s))\s*/u;
const toolListLabel =
  /(?:^|(?<=[.;)]\s?))\s*(?:key tech|tech stack|tech|technologies|tools used|tools|stack|environment)\s*:\s*/i;
const roleWords =
  /\b(?:engineer|scientist|developer|intern|internship|researcher|research|assistant|analyst|manager|lead|leader|consultant|teacher|tutor|editor|journalist|director|architect|professor|lecturer|fellow|founder|co-?founder|representative|mentor|teller|member|specialist|officer|administrator|head|coordinator|programmer|designer|student|associate|principal|staff|chief|cto|ceo|owner|technician|instructor|volunteer|missionary|sre|devops|swe|mle|postdoc|trainee|apprentice|ta|ra)s?\b/i;
const organisationWords =
  /\b(?:inc|corp|corporation|ltd|llc|gmbh|co|company|group|university|college|institute|school|lab|labs|laboratory|bank|center|centre|department|agency|foundation|technologies|systems|solutions)\b\.?/i;
const location =
  /^(?:remote|hybrid|on-?site|(?:[\p{Lu}][\p{L}.'’-]*\s?){1,3},\s?(?:[A-Z]{2}|(?:[\p{Lu}][\p{L}.'’-]*\s?){1,3})(?:,\s?(?:[A-Z]{2}|[\p{Lu}][\p{L}]+))?)$/u;

/**
 * A header part without the place a PDF line ran into it ("Aquabyte New York, NY" is "Aquabyte"): the one or two
 * capitalised words before a ", NY" or ", Portugal" at its end, as long as a word is left.
 */
export function withoutTrailingPlace(part: string): string {
  const match = part.match(/^(.*?\S)\s+([\p{Lu}][\p{L}.'’-]*),\s?(?:[A-Z]{2}|[\p{Lu}][\p{L}.]+)$/u);
  if (match === null) return part;
  let before = match[1] ?? '';
  const city = match[2] ?? '';
  if (organisationWords.test(city) || roleWords.test(city)) return part;
  // "New York", "San Francisco": the word before the city belongs to it.
  const prefix = before.match(
    /^(.*\S)\s+(New|San|Santa|Los|Las|Mountain|Palo|Hong|Salt|Saint|St\.|Rio|Buenos|Tel|Kuala|Fort|Cape|Abu|São|Sao|Baton|Grand|Long|Ann|Belo)$/u,
  );
  if (prefix !== null) before = prefix[1] ?? before;
  // "University of Strasbourg, France" names the school by its city: nothing is cut.
  if (/\b(?:of|de|da|do|du|di|der|des|la|le|at|in|the|and|for)$/i.test(before.trim())) return part;
  return before.trim().replace(/,$/, '');
}

/** Whether a header part names a place rather than an employer or a title. */
export function isLocation(part: string): boolean {
  // After the comma: a state code ("NY") or a word with lowercase in it ("Portugal"); "Cyber Command, MND" is no place.
  const after = part.split(',').at(-1)?.trim() ?? '';
  if (/^[A-Z.]{3,}$/.test(after)) return false;
  return location.test(part.trim()) && !roleWords.test(part) && !organisationWords.test(part);
}

function endsSentence(text: string): boolean {
  return /[.;!?:]["')\]]?$/.test(text);
}

/** Whether a line is running text (an achievement written as a paragraph) rather than a header line. */
function isProse(line: ResumeLine): boolean {
  // A line that ends in a place ("..., University of Massachusetts, Amherst, MA") heads an entry, however long.
  if (line.cells.length > 1 || withoutTrailingPlace(line.text) !== line.text) return false;
  const words = line.text.split(/\s+/);
  // A title is mostly capitalised words; running text has several lowercase ones.
  const lowercase = words.filter((word) => /^\p{Ll}{3,}/u.test(word)).length;
  return (
    (line.text.length >= 70 && lowercase >= 3) ||
    (words.length >= 6 && endsSentence(line.text) && findDates(line.text).length === 0)
  );
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=(?:[a-z0-9%)\]]|[A-Z]{2})[.!?])\s+(?=[A-Z])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

interface Draft {
  header: ResumeLine[];
  items: { text: string; lines: number[]; bulleted: boolean }[];
  toolLists: string[];
  used: number[];
}

function headerParts(lines: readonly ResumeLine[]): { parts: string[]; dates?: string } {
  const parts: string[] = [];
  let dates: string | undefined;
  for (const line of lines) {
    for (const cell of line.cells) {
      const found = findDates(cell);
      if (found.length > 0 && dates === undefined) dates = found.map((date) => date.text).join(', ');
      const rest = withoutDates(cell).replace(bullet, '');
      if (rest === '') continue;
      for (const part of rest.split(
        /\s+(?:@|\||—|–|-)\s+|\s+[—–]\s*|\s*[—–]\s+|\s+at\s+(?:the\s+)?(?=\p{Lu})/u,
      )) {
        const trimmed = withoutTrailingPlace(part.trim().replace(/[,;]$/, ''));
        // A page's running footer ("Byungjin Park · Résumé 1") names no employer.
        if (trimmed !== '' && !/r[eé]sum[eé]|curriculum vitae|\bpage \d/i.test(trimmed)) parts.push(trimmed);
      }
    }
  }
  return dates === undefined ? { parts } : { parts, dates };
}

/** Reads employer and title from an entry's header lines; places and dates are set aside. */
/** A job title: a role word and no organisation word, or a role word last ("Department Assistant"). */
function isTitle(part: string): boolean {
  const last = part.split(/\s+/).at(-1) ?? '';
  return roleWords.test(part) && (!organisationWords.test(part) || roleWords.test(last));
}

function readHeader(
  lines: readonly ResumeLine[],
): Pick<ExperienceEntry, 'employer' | 'role' | 'dates' | 'title'> {
  const { parts, dates } = headerParts(lines);
  let role: string | undefined;
  let employer: string | undefined;
  for (const part of parts) {
    if (isLocation(part)) continue;
    const pieces = part.split(/,\s+/);
    const first = pieces[0] ?? part;
    if (role === undefined && isTitle(first)) {
      role = first;
      const rest = pieces.slice(1).filter((piece) => !isLocation(piece));
      if (employer === undefined && rest[0] !== undefined && !roleWords.test(rest[0])) employer = rest[0];
      continue;
    }
    if (role !== undefined && isTitle(first)) continue;
    if (employer === undefined) {
      // "Omnious. Co., Ltd." keeps its suffix; "Sunderland, MA" after an employer is its place.
      const kept = [first];
      for (const piece of pieces.slice(1)) {
        if (/^(?:inc|ltd|llc|co|corp|gmbh|plc|s\.?a)\b\.?/i.test(piece)) kept.push(piece);
        else break;
      }
      const name = kept.join(', ');
      if (isLocation(name)) continue;
      employer = name;
    } else if (role === undefined && roleWords.test(part)) role = part;
  }
  return {
    ...(employer === undefined ? {} : { employer }),
    ...(role === undefined ? {} : { role }),
    ...(dates === undefined ? {} : { dates }),
    ...(parts[0] === undefined ? {} : { title: parts[0] }),
  };
}

/**
 * A bullet that opens an entry rather than listing an achievement: the outer bullet of two kinds ("• Google" over
 * "◦ TensorFlow: ..."), or a short line without a full stop that a date or place follows, unless it continues a run
 * of bullets ("· Led beat ..." before the next job's "Intern  Jun 2021").
 */
function isHeaderBullet(
  line: ResumeLine,
  next: ResumeLine | undefined,
  nested: boolean,
  afterBullet: boolean,
): boolean {
  const text = line.text.replace(bullet, '');
  if (text.length > 70 || endsSentence(text)) return false;
  if (nested && line.text.startsWith('•')) return true;
  if (next === undefined || afterBullet) return false;
  return findDates(next.text).length > 0 || isLocation(next.cells[0] ?? '');
}

/**
 * Cuts a section's lines into entries: header lines, then the achievement lines under them. A paragraph under a job
 * gives one achievement per sentence; under a project (`wholeParagraphs`) it stays one, as the project is one fact.
 */
export function parseExperience(
  lines: readonly ResumeLine[],
  options: { readonly wholeParagraphs?: boolean } = {},
): ExperienceEntry[] {
  const nested =
    lines.some((line) => line.text.startsWith('◦')) && lines.some((line) => line.text.startsWith('•'));
  // Markdown and plain text wrap paragraphs at will and separate them by blank lines; a PDF's lines have none.
  const paragraphs = lines.filter((line) => line.afterBlank).length * 3 >= lines.length;
  const drafts: Draft[] = [];
  let current: Draft = { header: [], items: [], toolLists: [], used: [] };
  const start = (): void => {
    if (current.header.length > 0 || current.items.length > 0) drafts.push(current);
    current = { header: [], items: [], toolLists: [], used: [] };
  };
  let previous: ResumeLine | undefined;
  lines.forEach((line, position) => {
    const next = lines[position + 1];
    const isBullet = bullet.test(line.text) && line.text.replace(bullet, '') !== '';
    const last = current.items.at(-1);
    const unbulleted = line.text.replace(bullet, '');
    const labelled = unbulleted.match(toolListLabel);
    if (labelled !== null && labelled.index !== undefined && labelled.index === 0) {
      current.toolLists.push(unbulleted.slice(labelled[0].length));
      current.used.push(line.index);
      previous = line;
      return;
    }
    const afterBullet = previous !== undefined && bullet.test(previous.text);
    if (isBullet && !isHeaderBullet(line, next, nested, afterBullet)) {
      current.items.push({ text: line.text.replace(bullet, ''), lines: [line.index], bulleted: true });
      current.used.push(line.index);
    } else if (
      last !== undefined &&
      previous !== undefined &&
      !bullet.test(line.text) &&
      line.cells.length === 1 &&
      findDates(line.text).length === 0 &&
      // In blank-line paragraphs, a line right under a paragraph's line belongs to it, full stop or not.
      ((paragraphs && !line.afterBlank && last.lines.includes(previous.index)) ||
        // Only right under the item's own lines: a "Key tech:" line between ends the item.
        (!endsSentence(last.text) &&
          last.lines.includes(previous.index) &&
          /^[\p{Ll}\d(&]/u.test(line.text)) ||
        (!endsSentence(last.text) &&
          previous.text.length >= 70 &&
          last.lines.includes(previous.index) &&
          (endsSentence(line.text) || line.text.length >= 40) &&
          withoutTrailingPlace(line.text) === line.text))
    ) {
      // A wrapped line: the previous line stopped mid-sentence.
      last.text = previous.hyphenated ? `${last.text}${line.text}` : `${last.text} ${line.text}`;
      last.lines.push(line.index);
      current.used.push(line.index);
    } else if (isProse(line) && (current.header.length > 0 || current.items.length > 0)) {
      current.items.push({ text: line.text, lines: [line.index], bulleted: false });
      current.used.push(line.index);
    } else if (/^[^.]{1,40}:$/.test(line.text) && current.header.length > 0) {
      // A label over the bullets ("Selected outcomes:") names neither employer nor title.
      current.used.push(line.index);
    } else {
      // A second "Employer  City, Country" line before any bullet opens the next job (the first had none).
      const placed = (each: ResumeLine): boolean => withoutTrailingPlace(each.text) !== each.text;
      if (current.items.length > 0 || (placed(line) && current.header.some(placed))) start();
      current.header.push(line);
      current.used.push(line.index);
    }
    previous = line;
  });
  start();
  return drafts.map((draft) => {
    const items: ExperienceItem[] = [];
    const toolLists = [...draft.toolLists];
    for (const item of draft.items) {
      // "...potential threats.Tech: Python, Nmap" keeps its tool list apart from the achievement.
      const labelled = item.text.match(toolListLabel);
      let text = item.text;
      if (labelled?.index !== undefined && labelled.index > 0) {
        toolLists.push(text.slice(labelled.index + labelled[0].length));
        text = text.slice(0, labelled.index).trim();
      }
      const pieces = item.bulleted || options.wholeParagraphs === true ? [text] : splitSentences(text);
      for (const piece of pieces) items.push({ text: piece, lines: item.lines });
    }
    return { ...readHeader(draft.header), items, toolLists, used: draft.used };
  });
}
