import type { KeywordInput } from "./draft.js";

/** A CSV field list: quoted fields may hold commas and doubled quotes (RFC 4180, one record per line). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      out.push(value.trim());
      const comma = line.indexOf(",", i);
      i = comma < 0 ? line.length + 1 : comma + 1;
    } else {
      const comma = line.indexOf(",", i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end).trim());
      i = end + 1;
    }
  }
  return out;
}

/**
 * Reads a keyword list: one keyword a line, or CSV whose first line is a
 * header naming `keyword` (and optionally `audience`, `notes`). Blank lines
 * and `#` comments are skipped; duplicates are kept once.
 */
export function parseKeywordList(text: string): KeywordInput[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  const header = lines[0] ? csvFields(lines[0]).map((h) => h.toLowerCase()) : [];
  const isCsv = header.includes("keyword") && lines[0]?.includes(",");
  const seen = new Set<string>();
  const out: KeywordInput[] = [];
  const push = (k: KeywordInput) => {
    const key = k.keyword.toLowerCase();
    if (k.keyword === "" || seen.has(key)) return;
    seen.add(key);
    out.push(k);
  };
  if (!isCsv) {
    for (const l of lines) push({ keyword: l });
    return out;
  }
  const col = (name: string) => header.indexOf(name);
  for (const l of lines.slice(1)) {
    const f = csvFields(l);
    const input: KeywordInput = { keyword: f[col("keyword")] ?? "" };
    const audience = col("audience") >= 0 ? f[col("audience")] : undefined;
    const notes = col("notes") >= 0 ? f[col("notes")] : undefined;
    if (audience) input.audience = audience;
    if (notes) input.notes = notes;
    push(input);
  }
  return out;
}
