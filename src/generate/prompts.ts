import type { Draft, KeywordInput } from "./draft.js";
import type { ChatMessage } from "./llm.js";
import type { Brief, Outline } from "./schemas.js";

/**
 * The prompts for every stage. The system prompt carries the editorial
 * duties the checks enforce afterwards (research/generation.md §3: invented
 * statistics, sources and dates are the commonest faults of LLM drafts).
 */
const TRUTH_RULES = [
  "Write only what is generally accepted and that you are confident is true.",
  "Never invent statistics, percentages, study names, journal names, expert names, quotations, citations or links.",
  "Do not write years or dates as filler (no 'in 2024', 'as of this year', 'recent studies show').",
  "If a claim would need a source, either state it in general terms or leave it out.",
  "No placeholders such as [insert …], TODO or lorem ipsum; no notes to the editor.",
  "Plain, direct sentences; mostly under 20 words; active voice; no keyword stuffing; few em dashes.",
];

const HEALTH_RULES = [
  "This is a health topic: advise readers to consult a qualified health professional (doctor, pharmacist) about their own situation, in the article and where an answer gives advice.",
  "Wherever a medicine or supplement is named, add a safety note: dosage, interactions and side effects must be checked with a doctor or pharmacist, and the label followed.",
  "Do not promise cures or guaranteed results; do not give personal dosing.",
];

function system(health: boolean, lang: string): ChatMessage {
  const rules = health ? [...TRUTH_RULES, ...HEALTH_RULES] : TRUTH_RULES;
  return {
    role: "system",
    content: `You are a careful editor writing a search-optimised web article in the language "${lang}". Reply in JSON only.\nRules:\n- ${rules.join("\n- ")}`,
  };
}

function topic(input: KeywordInput): string {
  const lines = [`Keyword: ${input.keyword}`];
  if (input.audience) lines.push(`Audience: ${input.audience}`);
  if (input.notes) lines.push(`Notes from the editor: ${input.notes}`);
  return lines.join("\n");
}

function briefText(brief: Brief): string {
  return `Search intent: ${brief.searchIntent}\nAudience: ${brief.audience}\nAngle: ${brief.angle}\nQuestions readers ask:\n- ${brief.questions.join("\n- ")}`;
}

function outlineText(outline: Outline): string {
  return `H1: ${outline.h1}\nIntroduction: ${outline.introNotes}\nSections:\n${outline.sections.map((s, i) => `${i + 1}. ${s.heading} — ${s.notes}`).join("\n")}`;
}

export function briefPrompt(input: KeywordInput, lang: string): ChatMessage[] {
  return [
    system(false, lang),
    {
      role: "user",
      content: `${topic(input)}\n\nWrite the brief for an article on this keyword: the search intent, who searches it, the angle that best answers them, the 4–6 questions people ask, and whether it is a health topic (medical, medicine, mental health or nutrition advice).`,
    },
  ];
}

export function outlinePrompt(input: KeywordInput, brief: Brief, lang: string): ChatMessage[] {
  return [
    system(brief.healthTopic, lang),
    {
      role: "user",
      content: `${topic(input)}\n\n${briefText(brief)}\n\nWrite the outline: an H1 of at most 60 characters that contains the keyword; notes for a short introduction that uses the keyword in its first sentence; 4–6 H2 sections (each heading specific, not a question of the FAQ) with notes on what each covers; and 3–5 FAQ questions that the sections do not already answer.`,
    },
  ];
}

export function introPrompt(input: KeywordInput, brief: Brief, outline: Outline, lang: string): ChatMessage[] {
  return [
    system(brief.healthTopic, lang),
    {
      role: "user",
      content: `${topic(input)}\n\n${outlineText(outline)}\n\nWrite the introduction (2 short paragraphs, 80–120 words). Use the exact keyword "${input.keyword}" in the first sentence. Then give a one-sentence summary of it.`,
    },
  ];
}

export function sectionPrompt(
  input: KeywordInput,
  brief: Brief,
  outline: Outline,
  index: number,
  before: string[],
  lang: string,
): ChatMessage[] {
  const section = outline.sections[index];
  const prior = before.length
    ? `\n\nWhat the article has said so far (do not repeat it):\n- ${before.join("\n- ")}`
    : "";
  return [
    system(brief.healthTopic, lang),
    {
      role: "user",
      content: `${topic(input)}\n\n${outlineText(outline)}${prior}\n\nWrite section ${index + 1}, "${section?.heading}" (${section?.notes}): 2–4 paragraphs, 150–250 words in all, without its heading. Then give a one-sentence summary of it.`,
    },
  ];
}

export function faqPrompt(input: KeywordInput, brief: Brief, outline: Outline, lang: string): ChatMessage[] {
  return [
    system(brief.healthTopic, lang),
    {
      role: "user",
      content: `${topic(input)}\n\n${outlineText(outline)}\n\nAnswer each FAQ question in 2–3 sentences (40–80 words), answering it directly in the first sentence. Keep each question exactly as written:\n- ${outline.faqQuestions.join("\n- ")}`,
    },
  ];
}

export function metaPrompt(input: KeywordInput, brief: Brief, outline: Outline, lang: string): ChatMessage[] {
  return [
    system(brief.healthTopic, lang),
    {
      role: "user",
      content: `${topic(input)}\n\n${outlineText(outline)}\n\nWrite the page metadata: an SEO title of 40–60 characters that starts with or contains the keyword; a meta description of 120–155 characters that contains the keyword and says what the page answers; a lower-case ASCII slug of 3–6 words joined by hyphens; and the focus keyphrase (the keyword itself, "${input.keyword}", unless it is unnatural).`,
    },
  ];
}

/** Problems the checks found in one part, as the revise prompt lists them. */
export interface PartProblem {
  ruleId: string;
  message: string;
  /** the text the diagnostic points at, when it is short enough to quote */
  excerpt?: string;
}

function problemList(problems: PartProblem[]): string {
  return problems.map((p) => `- ${p.message} (${p.ruleId})${p.excerpt ? ` — at: "${p.excerpt}"` : ""}`).join("\n");
}

/** Asks for one part again with only the problems found in it; everything else stays as it is. */
export function revisePrompt(
  input: KeywordInput,
  draft: Draft,
  what: string,
  current: unknown,
  problems: PartProblem[],
  lang: string,
): ChatMessage[] {
  return [
    system(draft.health, lang),
    {
      role: "user",
      content: `${topic(input)}\n\nArticle title: ${draft.h1}\n\nAn automatic editor checked ${what} of this article and found these problems:\n${problemList(problems)}\n\nHere is ${what} as JSON:\n${JSON.stringify(current)}\n\nRewrite it to fix exactly these problems. Change nothing else that is not needed to fix them, keep the same JSON shape, and follow the rules.`,
    },
  ];
}
