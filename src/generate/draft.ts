import { stringify } from "yaml";
import type { Span } from "../model/span.js";
import { slugify as siteSlug } from "../write/site.js";

/** One keyword to write about, with what the editor knows of its readers. */
export interface KeywordInput {
  keyword: string;
  audience?: string;
  notes?: string;
}

export interface DraftSection {
  heading: string;
  paragraphs: string[];
  summary: string;
}

/** The generated article as plain data, before it is written in a draft format. */
export interface Draft {
  keyword: string;
  lang: string;
  health: boolean;
  h1: string;
  intro: DraftSection;
  sections: DraftSection[];
  faq: Array<{ question: string; answer: string }>;
  meta: { seoTitle: string; metaDescription: string; slug: string; focusKeyphrase: string };
  /** errors remain after the last revision round: never built unless allowed */
  unfinished: boolean;
  model: string;
}

export type DraftFormat = "markdown" | "bundle";

/** Which part of the draft a stretch of the written text came from (revisions go back to that part). */
export type PartRef =
  | { kind: "meta" }
  /** the H1: revised with the metadata */
  | { kind: "title" }
  | { kind: "intro" }
  | { kind: "section"; index: number }
  | { kind: "faq"; index: number };

export interface RenderedDraft {
  text: string;
  parts: Array<{ ref: PartRef; span: Span }>;
}

/** Lower-case ASCII words joined by hyphens (the site's slug rules): whatever the model wrote, the slug is usable in a URL. */
export function slugify(text: string): string {
  return siteSlug(text) || "article";
}

/** One line of prose: models sometimes put line breaks inside a paragraph or heading. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** FAQPage markup built from the visible FAQ, so the two can never differ. */
export function faqJsonLd(draft: Draft): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: draft.faq.map((f) => ({
      "@type": "Question",
      name: oneLine(f.question),
      acceptedAnswer: { "@type": "Answer", text: oneLine(f.answer) },
    })),
  };
}

export const FAQ_HEADING = "Frequently asked questions";

/** Appends text and remembers the span of each part. */
class Writer {
  text = "";
  parts: RenderedDraft["parts"] = [];
  add(s: string): void {
    this.text += s;
  }
  part(ref: PartRef, write: () => void): void {
    const start = this.text.length;
    write();
    this.parts.push({ ref, span: { start, end: this.text.length } });
  }
}

function writeBody(w: Writer, draft: Draft): void {
  w.part({ kind: "title" }, () => w.add(`# ${oneLine(draft.h1)}\n\n`));
  w.part({ kind: "intro" }, () => {
    for (const p of draft.intro.paragraphs) w.add(`${oneLine(p)}\n\n`);
  });
  draft.sections.forEach((s, index) => {
    w.part({ kind: "section", index }, () => {
      w.add(`## ${oneLine(s.heading)}\n\n`);
      for (const p of s.paragraphs) w.add(`${oneLine(p)}\n\n`);
    });
  });
  if (draft.faq.length === 0) return;
  w.add(`## ${FAQ_HEADING}\n\n`);
  draft.faq.forEach((f, index) => {
    w.part({ kind: "faq", index }, () => w.add(`### ${oneLine(f.question)}\n\n${oneLine(f.answer)}\n\n`));
  });
}

/**
 * Writes the draft as Markdown with YAML front matter (metadata and the
 * FAQPage markup under `jsonld`), or as the bundle layout (body, then a
 * schema block between markers holding metadata and markup as strict JSON).
 */
export function renderDraft(draft: Draft, format: DraftFormat): RenderedDraft {
  const w = new Writer();
  const meta = {
    title: oneLine(draft.meta.seoTitle),
    description: oneLine(draft.meta.metaDescription),
    slug: slugify(draft.meta.slug),
    focusKeyword: oneLine(draft.meta.focusKeyphrase),
    lang: draft.lang,
  };
  if (format === "markdown") {
    const front: Record<string, unknown> = { ...meta };
    if (draft.unfinished) front.draft = true;
    front.generator = `copydesk generate (${draft.model})`;
    if (draft.faq.length) front.jsonld = faqJsonLd(draft);
    w.part({ kind: "meta" }, () => w.add(`---\n${stringify(front, { lineWidth: 0 })}---\n\n`));
    writeBody(w, draft);
  } else {
    writeBody(w, draft);
    const block: Record<string, unknown> = {
      meta_title: meta.title,
      meta_description: meta.description,
      focus_keyword: meta.focusKeyword,
      slug: meta.slug,
      lang: meta.lang,
    };
    if (draft.unfinished) block.draft = true;
    if (draft.faq.length) block.faq_schema = faqJsonLd(draft);
    w.part({ kind: "meta" }, () =>
      w.add(`===SCHEMA_JSON_START===\n${JSON.stringify(block, null, 2)}\n===SCHEMA_JSON_END===\n`),
    );
  }
  return { text: w.text.replace(/\n+$/, "\n"), parts: w.parts };
}
