import type { z } from "zod";
import type { Diagnostic } from "../engine/types.js";
import type { StageCache } from "./cache.js";
import { stageKey } from "./cache.js";
import type { KeywordInput } from "./draft.js";
import {
  type Draft,
  type DraftFormat,
  type DraftSection,
  type PartRef,
  type RenderedDraft,
  renderDraft,
  slugify,
} from "./draft.js";
import { type ChatMessage, GenerationError, jsonSchemaOf, type LlmClient } from "./llm.js";
import {
  briefPrompt,
  faqPrompt,
  introPrompt,
  metaPrompt,
  outlinePrompt,
  type PartProblem,
  revisePrompt,
  sectionPrompt,
} from "./prompts.js";
import {
  BriefSchema,
  FaqItemSchema,
  FaqSchema,
  MetaReviseSchema,
  MetaSchema,
  OutlineSchema,
  SectionReviseSchema,
  SectionSchema,
} from "./schemas.js";

export interface RunUsage {
  promptTokens: number;
  completionTokens: number;
  /** some counts were estimated (the server sent no usage) */
  estimated: boolean;
  /** HTTP requests made (retries and re-asks included) */
  requests: number;
  /** stage replies taken from the cache */
  cached: number;
}

export interface PipelineOptions {
  client: LlmClient;
  cache: StageCache;
  format: DraftFormat;
  lang: string;
  /** revision rounds after the first check (default 2) */
  rounds: number;
  /** runs the project's checks on a written draft; `path` tells the reader the format */
  check: (text: string, path: string) => Diagnostic[];
  signal?: AbortSignal;
  onStage?: (keyword: string, stage: string) => void;
}

export interface KeywordResult {
  keyword: string;
  ok: boolean;
  /** the written draft (absent when the keyword failed) */
  text?: string;
  slug?: string;
  /** errors remained after the last round: marked `draft: true` */
  unfinished?: boolean;
  rounds: number;
  /** error and warning diagnostics left in the final draft */
  remaining: Diagnostic[];
  usage: RunUsage;
  ms: number;
  /** why the keyword failed, with the server's text when there was one */
  error?: string;
}

function emptyUsage(): RunUsage {
  return { promptTokens: 0, completionTokens: 0, estimated: false, requests: 0, cached: 0 };
}

/** The file name the reader uses to pick the format. */
export function draftFileName(slug: string, format: DraftFormat): string {
  return `${slug}.${format === "markdown" ? "md" : "txt"}`;
}

/** FAQ entries are questions: readers (and people) recognise them by the question mark. */
export function asQuestion(text: string): string {
  const t = text.trim().replace(/[.:;!]+$/, "");
  return t.endsWith("?") ? t : `${t}?`;
}

class KeywordRun {
  readonly usage = emptyUsage();
  constructor(
    readonly input: KeywordInput,
    readonly opts: PipelineOptions,
  ) {}

  /** One stage call: from the cache when this exact call finished before, else from the model (then stored). */
  async stage<T>(name: string, messages: ChatMessage[], schema: z.ZodType<T>, round = 0): Promise<T> {
    const { client, cache, signal } = this.opts;
    signal?.throwIfAborted();
    this.opts.onStage?.(this.input.keyword, name);
    const key = stageKey({
      baseUrl: client.baseUrl,
      model: client.model,
      // a revision asked again in a later round must reach the model, not replay the cached answer
      stage: round ? `${name}#${round}` : name,
      messages,
      schema: jsonSchemaOf(schema),
    });
    const hit = await cache.get(key);
    if (hit !== undefined) {
      const parsed = schema.safeParse(hit);
      if (parsed.success) {
        this.usage.cached++;
        return parsed.data;
      }
    }
    const res = await client.complete({ messages, schema, schemaName: name.replace(/[^a-zA-Z0-9_-]/g, "_"), signal });
    this.usage.promptTokens += res.usage.promptTokens;
    this.usage.completionTokens += res.usage.completionTokens;
    if (res.usage.estimated) this.usage.estimated = true;
    this.usage.requests += res.requests;
    await cache.set(key, res.value);
    return res.value;
  }

  async write(): Promise<Draft> {
    const { input, opts } = this;
    const { lang } = opts;
    const brief = await this.stage("brief", briefPrompt(input, lang), BriefSchema);
    const outline = await this.stage("outline", outlinePrompt(input, brief, lang), OutlineSchema);
    const intro = await this.stage("intro", introPrompt(input, brief, outline, lang), SectionSchema);
    const before = [intro.summary];
    const sections: DraftSection[] = [];
    for (let i = 0; i < outline.sections.length; i++) {
      const reply = await this.stage(`section`, sectionPrompt(input, brief, outline, i, before, lang), SectionSchema);
      sections.push({ heading: outline.sections[i]?.heading ?? "", ...reply });
      before.push(reply.summary);
    }
    const faq = await this.stage("faq", faqPrompt(input, brief, outline, lang), FaqSchema);
    const meta = await this.stage("meta", metaPrompt(input, brief, outline, lang), MetaSchema);
    return {
      keyword: input.keyword,
      lang,
      health: brief.healthTopic,
      h1: outline.h1,
      intro: { heading: "", ...intro },
      sections,
      // questions stay as the outline wrote them; an answer without its question is dropped
      faq: faq.answers
        .slice(0, Math.max(outline.faqQuestions.length, 1))
        .map((a, i) => ({ question: asQuestion(outline.faqQuestions[i] ?? a.question), answer: a.answer })),
      meta,
      unfinished: false,
      model: opts.client.model,
    };
  }

  /** Sends one part's problems back to the model and puts the revised part in place. */
  async revise(draft: Draft, ref: PartRef, problems: PartProblem[], round: number): Promise<void> {
    const { input, opts } = this;
    const lang = opts.lang;
    if (ref.kind === "meta" || ref.kind === "title") {
      const current = { h1: draft.h1, ...draft.meta };
      const prompt = revisePrompt(input, draft, "the title and metadata", current, problems, lang);
      const { h1, ...meta } = await this.stage("revise_meta", prompt, MetaReviseSchema, round);
      draft.h1 = h1;
      draft.meta = meta;
    } else if (ref.kind === "faq") {
      const item = draft.faq[ref.index];
      if (!item) return;
      const prompt = revisePrompt(input, draft, "one FAQ entry", item, problems, lang);
      const revised = await this.stage("revise_faq", prompt, FaqItemSchema, round);
      draft.faq[ref.index] = { question: asQuestion(revised.question), answer: revised.answer };
    } else if (ref.kind === "intro") {
      const { paragraphs, summary } = draft.intro;
      const prompt = revisePrompt(input, draft, "the introduction", { paragraphs, summary }, problems, lang);
      draft.intro = { heading: "", ...(await this.stage("revise_intro", prompt, SectionSchema, round)) };
    } else {
      const section = draft.sections[ref.index];
      if (!section) return;
      const prompt = revisePrompt(input, draft, "one section", section, problems, lang);
      draft.sections[ref.index] = await this.stage("revise_section", prompt, SectionReviseSchema, round);
    }
  }
}

function refKey(ref: PartRef): string {
  return "index" in ref ? `${ref.kind}:${ref.index}` : ref.kind;
}

/**
 * Which part a diagnostic points into. Whole-article findings (an empty span
 * at the very start, or anchored on the H1 by a rule that is not about
 * titles, such as text length or keyphrase density) go to the introduction,
 * the part that can best change what the article says overall.
 */
export function partOf(d: Diagnostic, rendered: RenderedDraft): PartRef | undefined {
  if (d.span.start === 0 && d.span.end === 0) return { kind: "intro" };
  const hit = rendered.parts.find((p) => d.span.start >= p.span.start && d.span.start < p.span.end)?.ref;
  if (hit?.kind === "title" && !/title|h1|heading/.test(d.ruleId)) return { kind: "intro" };
  // title and metadata are revised together, in one request
  return hit?.kind === "title" ? { kind: "meta" } : hit;
}

/** Groups the actionable diagnostics by the part they point into. */
export function problemsByPart(
  diagnostics: readonly Diagnostic[],
  rendered: RenderedDraft,
): Map<string, { ref: PartRef; problems: PartProblem[] }> {
  const out = new Map<string, { ref: PartRef; problems: PartProblem[] }>();
  for (const d of diagnostics) {
    const ref = partOf(d, rendered);
    if (!ref) continue;
    const key = refKey(ref);
    const entry = out.get(key) ?? { ref, problems: [] };
    out.set(key, entry);
    const excerpt = rendered.text.slice(d.span.start, d.span.end);
    entry.problems.push({
      ruleId: d.ruleId,
      message: d.message,
      ...(excerpt.length > 0 && excerpt.length <= 160 ? { excerpt } : {}),
    });
  }
  return out;
}

const actionable = (d: Diagnostic) => d.severity === "error" || d.severity === "warn";

/**
 * Findings a model cannot fix truthfully: it would have to invent links,
 * images or a human reviewer. They stay in the report for the editor and are
 * never sent back for revision.
 */
export const NOT_REVISABLE: ReadonlySet<string> = new Set([
  "seo/image-alt",
  "seo/internal-links",
  "seo/outbound-links",
  "health/review-metadata",
]);

const revisable = (d: Diagnostic) => !NOT_REVISABLE.has(d.ruleId) && !d.ruleId.startsWith("build/");

/**
 * One keyword, start to finish: the stages, then the quality gate (check,
 * revise the parts the findings point at, up to `rounds` times). A draft
 * that still has errors is marked unfinished. Never throws for a model
 * failure: the result carries the error instead, so a batch goes on.
 */
export async function generateOne(input: KeywordInput, opts: PipelineOptions): Promise<KeywordResult> {
  const t0 = performance.now();
  const run = new KeywordRun(input, opts);
  let rounds = 0;
  try {
    const draft = await run.write();
    const slug = slugify(draft.meta.slug || input.keyword);
    const path = draftFileName(slug, opts.format);
    let rendered = renderDraft(draft, opts.format);
    let found = opts.check(rendered.text, path).filter(actionable);
    while (found.length > 0 && rounds < opts.rounds) {
      const byPart = problemsByPart(found.filter(revisable), rendered);
      if (byPart.size === 0) break;
      rounds++;
      opts.onStage?.(input.keyword, `revision ${rounds}`);
      for (const { ref, problems } of byPart.values()) await run.revise(draft, ref, problems, rounds);
      rendered = renderDraft(draft, opts.format);
      found = opts.check(rendered.text, path).filter(actionable);
    }
    draft.unfinished = found.some((d) => d.severity === "error");
    if (draft.unfinished) {
      // the draft flag moves every position: check the text that is written
      rendered = renderDraft(draft, opts.format);
      found = opts.check(rendered.text, path).filter(actionable);
    }
    return {
      keyword: input.keyword,
      ok: true,
      text: rendered.text,
      slug,
      unfinished: draft.unfinished,
      rounds,
      remaining: found,
      usage: run.usage,
      ms: performance.now() - t0,
    };
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    const message =
      err instanceof GenerationError
        ? err.message
        : `internal error: ${err instanceof Error ? err.message : String(err)}`;
    return {
      keyword: input.keyword,
      ok: false,
      rounds,
      remaining: [],
      usage: run.usage,
      ms: performance.now() - t0,
      error: message,
    };
  }
}
