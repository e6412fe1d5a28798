import type { Article, Block, JsonLdOrigin, Meta, RepairStep, SourceFormat } from "../model/article.js";
import { LineIndex } from "../model/span.js";

/** The summary `inspect --format json` prints, and the JSON reader reads back. */
export interface ArticleView {
  format: SourceFormat;
  title: string;
  meta: Record<MetaKey, string>;
  intro: string[];
  sections: SectionView[];
  faq: Array<{ question: string; answer: string }>;
  structuredData: unknown[];
  repairs: RepairView[];
  readNotes: ReadNoteView[];
}

export interface SectionView {
  heading: string;
  level: number;
  paragraphs: string[];
  lists: Array<{ ordered: boolean; items: string[] }>;
  /** h3 (and deeper) headings inside the section, with their own paragraphs */
  subsections: SectionView[];
}

export interface RepairView {
  origin: JsonLdOrigin;
  step: RepairStep | "failed";
  line: number;
  column: number;
  notes: string[];
}

export interface ReadNoteView {
  id: string;
  severity: "error" | "warn" | "info";
  message: string;
  line: number;
  column: number;
}

export const META_KEYS = [
  "title",
  "description",
  "focusKeyword",
  "slug",
  "canonical",
  "lang",
  "datePublished",
  "dateModified",
  "lastReviewed",
  "author",
  "reviewer",
  "image",
] as const satisfies ReadonlyArray<keyof Meta>;
export type MetaKey = (typeof META_KEYS)[number];

function emptySection(heading: string, level: number): SectionView {
  return { heading, level, paragraphs: [], lists: [], subsections: [] };
}

/**
 * Groups body blocks into h2-level sections (h1 counts as h2 here); h3 and
 * deeper headings become `subsections` of the section they sit in, so a
 * section's own `paragraphs` are only those before its first subheading.
 */
export function sectionsOf(blocks: Block[]): {
  intro: string[];
  introLists: SectionView["lists"];
  sections: SectionView[];
} {
  const intro: string[] = [];
  const introLists: SectionView["lists"] = [];
  const sections: SectionView[] = [];
  let section: SectionView | undefined;
  let target: SectionView | undefined;
  for (const b of blocks) {
    if (b.kind === "heading") {
      if (b.level <= 2 || !section) {
        section = emptySection(b.content.text, b.level);
        sections.push(section);
        target = section;
      } else {
        target = emptySection(b.content.text, b.level);
        section.subsections.push(target);
      }
      continue;
    }
    const text = b.kind === "paragraph" || b.kind === "quote" ? b.content.text : undefined;
    if (b.kind === "list") {
      const list = { ordered: b.ordered, items: b.items.map((i) => i.text) };
      (target ? target.lists : introLists).push(list);
    } else if (text !== undefined) (target ? target.paragraphs : intro).push(text);
  }
  return { intro, introLists, sections };
}

/** The article as `inspect --format json` shows it. */
export function articleView(article: Article): ArticleView {
  const index = new LineIndex(article.source.text);
  const meta = {} as Record<MetaKey, string>;
  for (const key of META_KEYS) meta[key] = article.meta[key]?.text ?? "";
  const { intro, sections } = sectionsOf(article.blocks);
  return {
    format: article.format,
    title: article.title?.text ?? "",
    meta,
    intro,
    sections,
    faq: article.faq.map((f) => ({ question: f.question.text, answer: f.answer.text })),
    structuredData: article.jsonld.map((b) => b.value ?? null),
    repairs: article.jsonld.map((b) => {
      const pos = b.position ?? index.position(b.span.start);
      return { origin: b.origin, step: b.repair, line: pos.line, column: pos.column, notes: b.notes };
    }),
    readNotes: article.readNotes.map((n) => {
      const pos = n.position ?? index.position(n.span.start);
      return { id: n.id, severity: n.severity, message: n.message, line: pos.line, column: pos.column };
    }),
  };
}

function words(text: string): number {
  const t = text.trim();
  return t === "" ? 0 : t.split(/\s+/).length;
}

function typeName(d: unknown): string {
  if (Array.isArray(d)) return `[${d.map(typeName).join(", ")}]`;
  if (!d || typeof d !== "object") return "(nothing parsed)";
  const o = d as Record<string, unknown>;
  if ("@type" in o) return String(o["@type"]);
  if (Array.isArray(o["@graph"])) return `@graph ${typeName(o["@graph"])}`;
  return "(no @type)";
}

/** A readable summary for `inspect --format text`. */
export function articleText(article: Article, path: string): string {
  const v = articleView(article);
  const out: string[] = [];
  out.push(`${path} (${v.format})`);
  out.push(`title: ${v.title || "(none)"}`);
  for (const key of META_KEYS) if (v.meta[key]) out.push(`meta.${key}: ${v.meta[key]}`);
  if (v.intro.length)
    out.push(`intro: ${v.intro.length} paragraph(s), ${v.intro.reduce((n, p) => n + words(p), 0)} words`);
  out.push(`sections (${v.sections.length}):`);
  for (const s of v.sections) {
    const count = s.paragraphs.reduce((n, p) => n + words(p), 0);
    out.push(`  h${s.level} ${s.heading} — ${s.paragraphs.length} paragraph(s), ${count} words`);
    for (const sub of s.subsections)
      out.push(`    h${sub.level} ${sub.heading} — ${sub.paragraphs.length} paragraph(s)`);
  }
  out.push(`faq (${v.faq.length}):`);
  for (const f of v.faq) out.push(`  Q: ${f.question}`);
  out.push(`structured data (${v.structuredData.length}):`);
  v.structuredData.forEach((d, i) => {
    const r = v.repairs[i] as RepairView;
    const type = typeName(d);
    out.push(`  ${type} — ${r.origin} at ${r.line}:${r.column}, repair: ${r.step}`);
    for (const n of r.notes) out.push(`    ${n}`);
  });
  if (v.readNotes.length) {
    out.push(`read notes (${v.readNotes.length}):`);
    for (const n of v.readNotes) out.push(`  ${n.line}:${n.column} ${n.severity} ${n.message} (${n.id})`);
  }
  return `${out.join("\n")}\n`;
}
