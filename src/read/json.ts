import { findNodeAtLocation, getNodeValue, type Node, parseTree } from "jsonc-parser";
import { jsonStringPart } from "../jsonld/extract.js";
import { collectPointers } from "../jsonld/repair.js";
import type { Article, Block, FaqItem, JsonLdBlock, Meta, ReadNote, SourceFormat } from "../model/article.js";
import type { Span, TextPart } from "../model/span.js";
import { META_KEYS, type RepairView } from "./view.js";

const FORMATS = new Set<SourceFormat>(["bundle", "markdown", "html", "json"]);

/** Thrown when a JSON file is not a copydesk model; the CLI turns it into a one-line error. */
export class ModelFormatError extends Error {
  override name = "ModelFormatError";
}

/**
 * Reads what `inspect --format json` prints back into the model, so that
 * inspecting the result prints the same JSON. Spans point into the JSON
 * text; repairs and read notes keep their positions in the original draft.
 */
export function readJsonModel(input: { path: string; text: string }): Article {
  const src = input.text;
  const root = parseTree(src);
  if (root?.type !== "object")
    throw new ModelFormatError(`${input.path}: not a copydesk JSON model (expected an object)`);
  const at = (path: Array<string | number>) => findNodeAtLocation(root, path);
  const span = (n: Node): Span => ({ start: n.offset, end: n.offset + n.length });
  const str = (n: Node | undefined): TextPart | undefined =>
    n && n.type === "string" && n.value !== "" ? jsonStringPart(src, span(n), n.value as string) : undefined;
  const format = at(["format"])?.value as SourceFormat;
  if (!FORMATS.has(format)) throw new ModelFormatError(`${input.path}: not a copydesk JSON model (no "format")`);

  const meta: Meta = {};
  for (const key of META_KEYS) {
    const part = str(at(["meta", key]));
    if (part) meta[key] = part;
  }
  const blocks: Block[] = [];
  const paragraph = (n: Node) => {
    const content = str(n) ?? { text: "", span: span(n) };
    blocks.push({ kind: "paragraph", content, span: span(n) });
  };
  const section = (n: Node) => {
    const heading = findNodeAtLocation(n, ["heading"]);
    const level = Math.min(6, Math.max(1, Number(findNodeAtLocation(n, ["level"])?.value ?? 2))) as
      | 1
      | 2
      | 3
      | 4
      | 5
      | 6;
    const content = str(heading) ?? { text: "", span: span(n) };
    blocks.push({ kind: "heading", level, content, span: span(n) });
    for (const p of findNodeAtLocation(n, ["paragraphs"])?.children ?? []) paragraph(p);
    for (const l of findNodeAtLocation(n, ["lists"])?.children ?? []) {
      const items = (findNodeAtLocation(l, ["items"])?.children ?? []).map(
        (i) => str(i) ?? { text: "", span: span(i) },
      );
      blocks.push({ kind: "list", ordered: findNodeAtLocation(l, ["ordered"])?.value === true, items, span: span(l) });
    }
    for (const s of findNodeAtLocation(n, ["subsections"])?.children ?? []) section(s);
  };
  for (const p of at(["intro"])?.children ?? []) paragraph(p);
  for (const s of at(["sections"])?.children ?? []) section(s);

  const faq: FaqItem[] = (at(["faq"])?.children ?? []).map((f) => {
    const q = findNodeAtLocation(f, ["question"]);
    const a = findNodeAtLocation(f, ["answer"]);
    return {
      question: str(q) ?? { text: "", span: span(f) },
      answer: str(a) ?? { text: "", span: span(f) },
      span: span(f),
    };
  });

  const repairsNode = at(["repairs"]);
  const repairs = (repairsNode ? getNodeValue(repairsNode) : []) as RepairView[];
  const jsonld: JsonLdBlock[] = (at(["structuredData"])?.children ?? []).map((n, i) => {
    const r = repairs[i];
    const pointers: Record<string, Span> = {};
    collectPointers(n, "", undefined, pointers);
    const block: JsonLdBlock = {
      span: span(n),
      origin: r?.origin ?? "model",
      value: n.type === "null" ? undefined : (JSON.parse(src.slice(n.offset, n.offset + n.length)) as unknown),
      repair: r?.step ?? "strict",
      pointers,
      notes: r?.notes ?? [],
    };
    if (r) block.position = { line: r.line, column: r.column };
    return block;
  });

  const readNotes: ReadNote[] = (at(["readNotes"])?.children ?? []).map((n) => {
    const obj = JSON.parse(src.slice(n.offset, n.offset + n.length)) as {
      id: string;
      severity: ReadNote["severity"];
      message: string;
      line: number;
      column: number;
    };
    return {
      id: obj.id,
      message: obj.message,
      severity: obj.severity,
      span: span(n),
      position: { line: obj.line, column: obj.column },
    };
  });

  const article: Article = {
    source: { path: input.path, text: src, format: "json" },
    format,
    meta,
    blocks,
    faq,
    jsonld,
    readNotes,
  };
  const title = str(at(["title"]));
  if (title) article.title = title;
  if (meta.lang) article.lang = meta.lang.text;
  return article;
}
