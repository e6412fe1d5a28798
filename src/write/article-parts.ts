import type { Article, Meta } from "../model/article.js";
import { type SectionView, sectionsOf } from "../read/view.js";

/** Meta fields in the order writers emit them, with the key each format uses. */
export const META_ORDER: Array<{ field: keyof Meta; yaml: string; bundle: string }> = [
  { field: "title", yaml: "metaTitle", bundle: "meta_title" },
  { field: "description", yaml: "description", bundle: "meta_description" },
  { field: "focusKeyword", yaml: "focusKeyword", bundle: "focus_keyword" },
  { field: "slug", yaml: "slug", bundle: "slug" },
  { field: "canonical", yaml: "canonical", bundle: "canonical" },
  { field: "lang", yaml: "lang", bundle: "lang" },
  { field: "datePublished", yaml: "date", bundle: "datePublished" },
  { field: "dateModified", yaml: "updated", bundle: "dateModified" },
  { field: "lastReviewed", yaml: "lastReviewed", bundle: "lastReviewed" },
  { field: "author", yaml: "author", bundle: "author" },
  { field: "reviewer", yaml: "reviewer", bundle: "reviewer" },
  { field: "image", yaml: "image", bundle: "image" },
];

/** The body as writers walk it: intro paragraphs and lists, then sections with subsections. */
export function bodyOf(article: Article): {
  intro: string[];
  introLists: SectionView["lists"];
  sections: SectionView[];
} {
  return sectionsOf(article.blocks);
}

/** Writes a section tree with a format's heading, paragraph and list renderers. */
export function writeSections(
  sections: SectionView[],
  render: {
    heading: (text: string, level: number) => string;
    paragraph: (text: string) => string;
    list: (items: string[], ordered: boolean) => string;
  },
): string[] {
  const out: string[] = [];
  for (const s of sections) {
    out.push(render.heading(s.heading, s.level));
    for (const p of s.paragraphs) out.push(render.paragraph(p));
    for (const l of s.lists) out.push(render.list(l.items, l.ordered));
    out.push(...writeSections(s.subsections, render));
  }
  return out;
}
