/**
 * Front matter made only of `key: value` lines, read without the YAML parser: the drafts' usual
 * shape, where yaml's lexer, parser and composer cost more than the rest of the Markdown reader's
 * bookkeeping. Anything this does not recognise as trivially simple returns `undefined`, and the
 * caller parses with yaml as before, so values, spans and diagnostics never depend on which path ran.
 */

/**
 * One `key: value` line: offsets into the YAML text, the value's as yaml's `range[0..1]` gives them;
 * `value` is null for a `key:` with nothing after it.
 */
export interface SimpleEntry {
  key: string;
  value: string | null;
  start: number;
  end: number;
}

/** `key:` then blanks and the rest of the line; keys that yaml would read as non-strings are refused below. */
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/;
/**
 * Plain scalars yaml's core schema (its default) reads as null, booleans or numbers: stringOf would
 * turn `1e3` into "1000", so these go to yaml. The union of the core tags' own tests.
 */
const NOT_A_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** First characters that make a plain scalar something else (indicators), or that we leave to yaml. */
const PLAIN_FIRST = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** Whether a character may appear in a simple line: printable, no tab, no line break but `\n`. */
function plainChar(c: number): boolean {
  if (c < 0x20 || c === 0x7f) return false;
  if (c < 0x80) return true;
  return !(c <= 0x9f || c === 0xfeff || c === 0x2028 || c === 0x2029);
}

/** The entries of `yaml`, or `undefined` when it is not only simple `key: value` lines and blank lines. */
export function simpleEntries(yaml: string): SimpleEntry[] | undefined {
  const out: SimpleEntry[] = [];
  let at = 0;
  while (at < yaml.length) {
    let eol = yaml.indexOf("\n", at);
    if (eol < 0) eol = yaml.length;
    if (eol > at) {
      const entry = simpleLine(yaml, at, eol);
      if (!entry) return undefined;
      out.push(entry);
    }
    at = eol + 1;
  }
  return out;
}

/** The entry of the non-empty line from `at` to `eol`, or `undefined` when it is not simple. */
function simpleLine(yaml: string, at: number, eol: number): SimpleEntry | undefined {
  for (let i = at; i < eol; i++) if (!plainChar(yaml.charCodeAt(i))) return undefined;
  const line = yaml.slice(at, eol);
  const m = LINE.exec(line);
  if (!m) return undefined;
  const key = m[1] as string;
  // yaml refuses implicit keys over 1024 characters; null/boolean keys are not strings
  if (key.length > 1000 || NOT_A_STRING.test(key)) return undefined;
  let end = line.length;
  while (end > m[0].length && line.charCodeAt(end - 1) === 0x20) end--;
  const start = m[0].length;
  if (start === end) return { key, value: null, start: at + start, end: at + start };
  const raw = line.slice(start, end);
  const q = raw.charCodeAt(0);
  if (q === 0x22 || q === 0x27) {
    // quoted, without escapes or inner quotes of its kind: the value is what lies between the quotes
    if (raw.length < 2 || raw.charCodeAt(raw.length - 1) !== q) return undefined;
    const inner = raw.slice(1, -1);
    if (inner.includes(q === 0x22 ? '"' : "'") || (q === 0x22 && inner.includes("\\"))) return undefined;
    return { key, value: inner, start: at + start, end: at + end };
  }
  if (PLAIN_FIRST.test(raw) || raw.includes(": ") || raw.includes(" #") || raw.endsWith(":")) return undefined;
  if (NOT_A_STRING.test(raw)) return undefined;
  return { key, value: raw, start: at + start, end: at + end };
}
