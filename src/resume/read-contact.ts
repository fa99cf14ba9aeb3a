import type { ResumeLine } from './resume-lines.js';

/** Who the resume is for and how to reach them, each value copied from its text. */
export interface ResumeContact {
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly links: readonly string[];
  readonly used: readonly number[];
}

const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const phone = /(?<![\w/.])\(?\+?\(?\d[\d\s().-]{7,}\d(?![\w/])/;
const link =
  /\b(?:https?:\/\/[^\s|)\]>"]+|(?:www\.)?(?:linkedin\.com|github\.com|gitlab\.com|scholar\.google\.com)\/[^\s|)\]>"]+|[\w-]+\.github\.io\b[^\s|)\]>"]*)/gi;
const nameLike =
  /^(?:[\p{Lu}][\p{L}'’.-]*|[\p{Lu}]\.)(?:\s(?:[\p{Lu}][\p{L}'’.-]*|[\p{Lu}]\.|de|da|van|von|der|del|la|le)){1,4}$/u;

/** A header line's first cell, cut where a PDF ran the title into it ("Telmo BaptistaSOFTWARE ENGINEER"). */
function nameIn(line: ResumeLine): string {
  const cell = line.cells[0] ?? '';
  const glued = cell.search(/(?<=\p{Ll})\p{Lu}{2,}/u);
  return (glued > 0 ? cell.slice(0, glued) : cell).trim();
}

// Profile addresses are contact details wherever they are; any other address only in the header (a DOI in the
// publications is not a way to reach anyone).
const profileSites = /linkedin\.com|github\.com|gitlab\.com|scholar\.google|github\.io/i;

function sameLink(a: string, b: string): boolean {
  const bare = (link: string): string =>
    link
      .replace(/^https?:\/\/(?:www\.)?|^www\./i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return bare(a) === bare(b);
}

/**
 * Reads the name from the header (the first line shaped like a person's name) and the email, phone and links from
 * the whole resume: some layouts put them in a sidebar or at the end.
 */
export function readContact(header: readonly ResumeLine[], all: readonly ResumeLine[]): ResumeContact {
  const used = new Set<number>();
  const nameLine = header
    .slice(0, 6)
    .find(
      (line) =>
        nameLike.test(nameIn(line)) && !/\b(?:cv|resume|résumé|curriculum|download|pdf)\b/i.test(line.text),
    );
  if (nameLine !== undefined) used.add(nameLine.index);
  const inHeader = new Set(header.map((line) => line.index));
  let foundEmail: string | undefined;
  let foundPhone: string | undefined;
  const links: string[] = [];
  for (const line of all) {
    const emailMatch = line.raw.match(email)?.[0];
    if (emailMatch !== undefined && foundEmail === undefined && !/\.(?:png|jpg|svg)$/i.test(emailMatch)) {
      foundEmail = emailMatch;
      used.add(line.index);
    }
    // A phone only where contact details go: the header, or a line that says so (a DOI is digits too).
    const phoneMatch =
      inHeader.has(line.index) || /\b(?:tel|phone|mobile|cell)\b\s*[:.]?\s*[+(\d]/i.test(line.text)
        ? line.text.match(phone)?.[0]
        : undefined;
    if (phoneMatch !== undefined && foundPhone === undefined && (phoneMatch.match(/\d/g)?.length ?? 0) >= 9) {
      if (!/^(?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}$/.test(phoneMatch.trim())) {
        foundPhone = phoneMatch.trim();
        used.add(line.index);
      }
    }
    for (const match of line.raw.matchAll(link)) {
      const value = match[0].replace(/[.,;]+$/, '');
      if (/^mailto:/i.test(value) || /\.(?:pdf|png|jpg)$/i.test(value)) continue;
      if (!inHeader.has(line.index) && !profileSites.test(value)) continue;
      if (!links.some((link) => sameLink(link, value))) links.push(value);
      used.add(line.index);
    }
  }
  return {
    ...(nameLine === undefined ? {} : { name: nameIn(nameLine) }),
    ...(foundEmail === undefined ? {} : { email: foundEmail }),
    ...(foundPhone === undefined ? {} : { phone: foundPhone }),
    links,
    used: [...used],
  };
}
