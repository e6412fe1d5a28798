/** One line of the source: [start, end) excludes the line break. */
export interface Line {
  start: number;
  end: number;
  /** index of the line (0-based) */
  index: number;
}

/** Splits text into lines (LF, CRLF or CR), starting after an optional BOM. */
export function splitLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  let start = from;
  if (text.indexOf("\r", from) < 0) {
    // LF only (the usual case): let indexOf find the breaks instead of testing every character
    for (let i = text.indexOf("\n", from); i >= 0; i = text.indexOf("\n", start)) {
      lines.push({ start, end: i, index: lines.length });
      start = i + 1;
    }
    if (start < text.length) lines.push({ start, end: text.length, index: lines.length });
    return lines;
  }
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push({ start, end: i, index: lines.length });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length) lines.push({ start, end: text.length, index: lines.length });
  return lines;
}

/** Offset after a leading byte-order mark, if any. */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}
