/** A non-text format recognised by its first bytes, with what to do instead. */
export interface SniffedFormat {
  /** "a PDF document", with its article, for "x.txt is a PDF document". */
  readonly name: string;
  readonly advice: string;
}

const formats: readonly { magic: readonly number[]; format: SniffedFormat }[] = [
  {
    magic: [0x25, 0x50, 0x44, 0x46, 0x2d],
    format: { name: 'a PDF document', advice: 'copy the text out of the PDF' },
  },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    format: {
      name: 'a zip archive (a Word .docx or OpenDocument file is one)',
      advice: 'open it and copy its text, or "Save as" plain text',
    },
  },
  {
    magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    format: { name: 'an old Word or Excel document', advice: 'open it and "Save as" plain text' },
  },
  {
    magic: [0x7b, 0x5c, 0x72, 0x74, 0x66],
    format: { name: 'an RTF document', advice: 'open it and "Save as" plain text' },
  },
  {
    magic: [0x89, 0x50, 0x4e, 0x47],
    format: { name: 'a PNG image', advice: 'type or copy the text it shows' },
  },
  { magic: [0xff, 0xd8, 0xff], format: { name: 'a JPEG image', advice: 'type or copy the text it shows' } },
  {
    magic: [0x47, 0x49, 0x46, 0x38],
    format: { name: 'a GIF image', advice: 'type or copy the text it shows' },
  },
  { magic: [0x1f, 0x8b], format: { name: 'a gzip archive', advice: 'unpack it first' } },
  {
    magic: [0x7f, 0x45, 0x4c, 0x46],
    format: { name: 'a program (ELF executable)', advice: 'pass the right file' },
  },
];

/** Recognises common document, image and archive formats that people save a posting as by mistake. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | undefined {
  for (const { magic, format } of formats) {
    if (bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte)) return format;
  }
  return undefined;
}
