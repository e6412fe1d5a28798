/**
 * The pointer table of a block whose pre-pass text is valid JSON, in one linear scan: no
 * syntax tree, and source offsets read in ascending order through the pre-pass map. It gives
 * what `collectPointers` gives over jsonc-parser's tree of the same text: the same keys, in
 * the same order (pre-order, `#key` before its value), with the same spans.
 */
import type { Span } from "../model/span.js";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** JSON Pointer escaping (RFC 6901), without a regex pass when there is nothing to escape. */
function token(key: string): string {
  if (!key.includes("~") && !key.includes("/")) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Fills `out` with the pointers of the JSON value that starts `text` (valid JSON, or the result
 * is unspecified). `source` maps a text offset to a source offset and must be asked in ascending
 * order, which the scan does.
 */
export function scanPointers(text: string, source: (offset: number) => number, out: Record<string, Span>): void {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  };
  /** moves past the string that starts at `i`; true when it holds an escape */
  const skipString = (): boolean => {
    const open = i;
    let q = text.indexOf('"', open + 1);
    for (;;) {
      // a quote after an odd run of backslashes is escaped: look for the next one
      let b = q;
      while (text.charCodeAt(b - 1) === BACKSLASH) b--;
      if ((q - b) % 2 === 0) break;
      q = text.indexOf('"', q + 1);
    }
    i = q + 1;
    const slash = text.indexOf("\\", open);
    return slash !== -1 && slash < q;
  };
  const value = (pointer: string): void => {
    skipSpace();
    const span: Span = { start: source(i), end: 0 };
    out[pointer] = span;
    const c = text.charCodeAt(i);
    if (c === 0x7b) {
      i++;
      skipSpace();
      while (text.charCodeAt(i) !== 0x7d) {
        const keyStart = i;
        const escaped = skipString();
        const key = escaped ? (JSON.parse(text.slice(keyStart, i)) as string) : text.slice(keyStart + 1, i - 1);
        const p = `${pointer}/${token(key)}`;
        out[`${p}#key`] = { start: source(keyStart), end: source(i - 1) + 1 };
        skipSpace();
        i++; // :
        value(p);
        skipSpace();
        if (text.charCodeAt(i) === 0x2c) {
          i++;
          skipSpace();
        }
      }
      i++;
    } else if (c === 0x5b) {
      i++;
      skipSpace();
      for (let k = 0; text.charCodeAt(i) !== 0x5d; k++) {
        value(`${pointer}/${k}`);
        skipSpace();
        if (text.charCodeAt(i) === 0x2c) i++;
        skipSpace();
      }
      i++;
    } else if (c === QUOTE) {
      skipString();
    } else {
      // number, true, false, null
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
        i++;
      }
    }
    span.end = source(i - 1) + 1;
  };
  value("");
}
