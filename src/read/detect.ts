import type { SourceFormat } from "../model/article.js";

/**
 * Picks a reader from the file name and the first characters: `.md`/`.markdown`
 * or front matter → markdown; `.html`/`.htm` or a leading tag → html; a JSON
 * object starting with copydesk's `format` key (or a `.json` file with `sections`) → json; anything else
 * (including JSON-LD at the top of a draft) → bundle.
 */
export function detectFormat(text: string, path: string): SourceFormat {
  const named = nameKind(path);
  if (named === "html" || named === "markdown") return named;
  const head = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, 4096).trimStart();
  if (named === "json" && head.startsWith("{") && /"sections"\s*:/.test(text)) return "json";
  if (/^<(!doctype|html|head|body|article|main|meta|!--)/i.test(head)) return "html";
  if (head.startsWith("---\n") || head.startsWith("---\r\n")) return "markdown";
  if (head.startsWith("{") && /^\{\s*"format"\s*:\s*"(bundle|markdown|html|json)"/.test(head)) return "json";
  return "bundle";
}

/**
 * What a file's name alone tells `detectFormat`: "html", "markdown", "json" (a `.json` name, which the
 * text then confirms) or "" (the text decides). Two files with the same bytes and the same kind are read
 * alike, which is what a cache keyed by content must know (engine/cache.ts).
 */
export function nameKind(path: string): "html" | "markdown" | "json" | "" {
  const lower = path.toLowerCase();
  if (/\.(html?|xhtml)$/.test(lower)) return "html";
  if (/\.(md|markdown|mdx)$/.test(lower)) return "markdown";
  return lower.endsWith(".json") ? "json" : "";
}
