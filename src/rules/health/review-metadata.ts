import { z } from "zod";
import type { Rule } from "../../engine/types.js";
import { pointerSpan } from "../../jsonld/repair.js";
import type { Article } from "../../model/article.js";
import type { Span } from "../../model/span.js";

const options = z.object({
  /** a review older than this many months is stale */
  maxAgeMonths: z.number().int().min(1).default(12),
});
export type ReviewMetadataOptions = z.infer<typeof options>;

/** Post-nominal letters and titles that show a health qualification. */
const CREDENTIALS =
  /(?:^|[\s,(])(?:Dr\.?|MD|M\.D\.|DO|D\.O\.|PhD|Ph\.D\.|RN|NP|PA-C|PT|DPT|PharmD|MPH|MSc|RD|RDN|FRCP|FRCS|FRACP|MBBS|MBChB|MRCGP|DDS|DMD|LCSW|PsyD|CSCS|IBCLC)(?=$|[\s,.)])/;

interface JsonLdFacts {
  reviewedBy: boolean;
  lastReviewed?: { text: string; span?: Span };
  /** authors named in JSON-LD, with whether they carry a credential */
  authors: Array<{ name: string; credentialed: boolean; span?: Span }>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nonEmpty(v: unknown): boolean {
  if (typeof v === "string") return v.trim() !== "";
  if (Array.isArray(v)) return v.some(nonEmpty);
  if (isObject(v)) return nonEmpty(v.name) || nonEmpty(v["@id"]);
  return false;
}

/** reviewedBy, lastReviewed and author facts from every JSON-LD node (nested and @graph included). */
function jsonLdFacts(article: Article): JsonLdFacts {
  const facts: JsonLdFacts = { reviewedBy: false, authors: [] };
  for (const block of article.jsonld) {
    const walk = (v: unknown, pointer: string, depth: number): void => {
      if (depth > 12) return;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) walk(v[i], `${pointer}/${i}`, depth + 1);
        return;
      }
      if (!isObject(v)) return;
      if (nonEmpty(v.reviewedBy)) facts.reviewedBy = true;
      if (typeof v.lastReviewed === "string" && v.lastReviewed.trim() !== "" && !facts.lastReviewed) {
        facts.lastReviewed = { text: v.lastReviewed.trim(), span: pointerSpan(block, `${pointer}/lastReviewed`) };
      }
      // index loops: a thread's first drafts run this as baseline code, where for-of calls and allocates per step
      const authors: unknown[] = Array.isArray(v.author) ? v.author : [v.author];
      for (let a = 0; a < authors.length; a++) {
        const author = authors[a];
        if (!isObject(author) || typeof author.name !== "string" || author.name.trim() === "") continue;
        const credentialed =
          CREDENTIALS.test(author.name) ||
          nonEmpty(author.hasCredential) ||
          (typeof author.honorificSuffix === "string" && author.honorificSuffix.trim() !== "") ||
          (typeof author.honorificPrefix === "string" && CREDENTIALS.test(author.honorificPrefix));
        facts.authors.push({
          name: author.name.trim(),
          credentialed,
          span: pointerSpan(block, `${pointer}/author/name`),
        });
      }
      // keys and values, not `v[key]`: a JSON "__proto__" member is an own property that `v[key]` would not read
      const keys = Object.keys(v);
      const children = Object.values(v);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k]!;
        if (key !== "author") walk(children[k], `${pointer}/${key}`, depth + 1);
      }
    };
    walk(block.value, "", 0);
  }
  return facts;
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
}

/**
 * Health pages need a named medical reviewer, a last-reviewed date and an
 * author whose qualification shows: Google's raters look for them on
 * "your money or your life" pages, and schema.org's MedicalWebPage carries
 * them as reviewedBy and lastReviewed.
 */
export const reviewMetadata: Rule<ReviewMetadataOptions> = {
  meta: {
    id: "health/review-metadata",
    description: "Health articles need a medical reviewer, a last-reviewed date and a credentialed author.",
    severity: "warn",
    presets: ["recommended"],
    messages: {
      noReviewer:
        "No medical reviewer is named. Have a qualified clinician review the article and record them (reviewer in the metadata; MedicalWebPage reviewedBy in JSON-LD).",
      noLastReviewed:
        "No last-reviewed date. Record when the medical review happened (lastReviewed in the metadata and on a MedicalWebPage in JSON-LD).",
      staleReview:
        "The last medical review was on {{date}}, over {{months}} months ago. Review the article again and update lastReviewed.",
      authorWithoutCredentials:
        'The author "{{author}}" shows no health qualification. Name an author with credentials (e.g. "Jane Doe, MD" or hasCredential) or rely on a named medical reviewer.',
    },
    options,
    healthOnly: true,
  },
  check(ctx) {
    const { article, settings } = ctx;
    const facts = jsonLdFacts(article);
    const anchor = article.title?.span ?? article.meta.title?.span ?? { start: 0, end: 0 };

    const hasReviewer = Boolean(
      article.meta.reviewer?.text.trim() || facts.reviewedBy || settings.site?.reviewer?.name,
    );
    if (!hasReviewer) {
      ctx.report({ messageId: "noReviewer", span: anchor });
    }

    const reviewed = article.meta.lastReviewed?.text.trim()
      ? { text: article.meta.lastReviewed.text.trim(), span: article.meta.lastReviewed.span }
      : facts.lastReviewed;
    if (!reviewed) {
      ctx.report({ messageId: "noLastReviewed", span: anchor });
    } else {
      const date = new Date(reviewed.text);
      const months = monthsBetween(date, settings.now);
      if (!Number.isNaN(date.getTime()) && months > ctx.options.maxAgeMonths) {
        ctx.report({
          messageId: "staleReview",
          data: { date: reviewed.text, months: ctx.options.maxAgeMonths },
          span: reviewed.span ?? anchor,
        });
      }
    }

    // a writer without credentials is the norm on reviewed health pages: the reviewer carries the expertise
    if (hasReviewer) return;
    const siteCredentials = settings.site?.author?.credentials?.trim();
    const metaAuthor = article.meta.author?.text.trim();
    if (metaAuthor) {
      const inJsonLd = facts.authors.find((a) => a.name === metaAuthor);
      if (
        !CREDENTIALS.test(metaAuthor) &&
        !inJsonLd?.credentialed &&
        !(siteCredentials && settings.site?.author?.name === metaAuthor)
      ) {
        ctx.report({
          messageId: "authorWithoutCredentials",
          data: { author: metaAuthor },
          span: article.meta.author!.span,
        });
      }
      return;
    }
    const author = facts.authors[0];
    if (author && !facts.authors.some((a) => a.credentialed)) {
      ctx.report({ messageId: "authorWithoutCredentials", data: { author: author.name }, span: author.span ?? anchor });
    }
  },
};
