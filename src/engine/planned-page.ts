import { stageFile } from "../io/write.js";
import type { Article } from "../model/article.js";
import { LineIndex, type Span } from "../model/span.js";
import { healthEnabled } from "../text/health-detect.js";
import { isHeld, type PageRecord, plannedHtml, planPage, slugBase } from "../write/site.js";
import type { ResolvedConfig } from "./config.js";
import type { Diagnostic, SiteSettings } from "./types.js";

/**
 * What `build` asks of each draft where it is checked (`CheckSpec.page`): plain data, so pool threads
 * get it with the task. The site settings and the health mode come from the run's config.
 */
export interface PageSpec {
  articleType: "Article" | "BlogPosting";
  allowErrors?: boolean;
  /**
   * The build's staging folder (`SiteWriter.stagingFolder`): each rendered page is written there by the
   * thread that rendered it, which sends back its staged path (`PlannedPage.staged`) instead of its HTML,
   * so the thread that places the pages neither receives nor writes their bytes.
   */
  stageIn?: string;
}

/**
 * A draft's page as planned where it was checked, under its base slug: facts and notes, and the HTML
 * unless the page is held back already by its own errors (corpus rules can only add errors, never lift
 * one). Plain data: a pool thread sends it back instead of the article, so no draft is read twice.
 */
export interface PlannedPage {
  page: PageRecord;
  /**
   * Line and column of each note's start, in pairs: found here, where the draft's text is at hand, so
   * `build` prints its notes without holding or reading the text again.
   */
  notesAt: number[];
  /**
   * The HTML as the UTF-8 bytes written to disk: encoded once, as it is rendered, instead of held as a
   * string built of hundreds of pieces, which every collection copied or marked piece by piece while a
   * build kept a thousand pages until it wrote them.
   */
  html?: Uint8Array;
  /** where the HTML waits on disk instead, staged by the planner (`PageSpec.stageIn`) */
  staged?: string;
}

/** A plain Uint8Array (not a Buffer), as a page from a pool thread arrives: the same data either way. */
const utf8 = new TextEncoder();

/**
 * Line and column (1-based, UTF-16 columns) of each span's start in `text`, in pairs: where `build`'s
 * messages point.
 */
export function positionsIn(text: string, spans: ReadonlyArray<{ span: Span }>): number[] {
  const at: number[] = [];
  if (spans.length === 0) return at;
  const lines = new LineIndex(text);
  for (const { span } of spans) {
    const { line, column } = lines.position(span.start);
    at.push(line, column);
  }
  return at;
}

/** The site options of a build with these site settings and spec (the planner's and the build command's). */
export function siteOptionsOf(site: SiteSettings | undefined, spec: PageSpec) {
  return {
    site: site ?? {},
    articleType: spec.articleType,
    ...(spec.allowErrors ? { allowErrors: true } : {}),
  } as const;
}

/**
 * The planner for one run: article and its own diagnostics in, planned page out. `health`, the lint
 * run's own detection for the article when there is one, saves scanning the text again under "auto".
 */
export function pagePlanner(
  config: ResolvedConfig,
  spec: PageSpec,
): (article: Article, diagnostics: readonly Diagnostic[], health?: () => boolean) => PlannedPage {
  const options = siteOptionsOf(config.settings.site, spec);
  return (article, diagnostics, health) => {
    const healthy = healthEnabled(config.settings.health, health ?? article);
    const page = planPage(article, healthy, slugBase(article), options);
    const notesAt = positionsIn(article.source.text, page.notes);
    if (isHeld(page, diagnostics, options.allowErrors)) return { page, notesAt };
    const html = plannedHtml(article, page, options);
    return spec.stageIn !== undefined
      ? { page, notesAt, staged: stageFile(spec.stageIn, html) }
      : { page, notesAt, html: utf8.encode(html) };
  };
}
