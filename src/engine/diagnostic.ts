import type { LineIndex, Span } from "../model/span.js";
import type { Diagnostic, Fix, Report, RuleMeta, Severity } from "./types.js";

const DOCS_BASE = "https://github.com/copydesk/copydesk/blob/main/docs/rules/";

/** URLs made so far, by rule id: every diagnostic carries one, and there are only so many rules. */
const docsUrls = new Map<string, string>();

/** The one place a rule id becomes its documentation URL. */
export function ruleDocsUrl(ruleId: string): string {
  let url = docsUrls.get(ruleId);
  if (url === undefined) {
    // engine and reader diagnostics have no page of their own: they are listed in the rules index
    url =
      ruleId.startsWith("read/") || ruleId.startsWith("internal/")
        ? `${DOCS_BASE}README.md#${ruleId.replace("/", "-")}`
        : `${DOCS_BASE}${ruleId}.md`;
    docsUrls.set(ruleId, url);
  }
  return url;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_$]+)\s*\}\}/g;

/**
 * A template cut at its placeholders: [text, name, written, text, name, written, …, text], where
 * `written` is the placeholder as it stands (`{{ name }}`), kept for names the data lacks. Rules
 * have a few dozen templates and report thousands of times, so each is cut once and a message
 * costs a few concatenations instead of a regex scan and a callback per placeholder.
 */
const compiled = new Map<string, readonly string[]>();

function compile(template: string): readonly string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    const cut: string[] = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      cut.push(template.slice(last, m.index), m[1] as string, m[0]);
      last = m.index + m[0].length;
    }
    cut.push(template.slice(last));
    // templates come from rule metadata, a bounded set; a caller formatting endless distinct strings starts over
    if (compiled.size >= 4096) compiled.clear();
    compiled.set(template, cut);
    parts = cut;
  }
  return parts;
}

/** Fills `{{name}}` placeholders from `data`; unknown names stay as written, like ESLint. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  const parts = compile(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 3) {
    const name = parts[i] as string;
    // data objects come in dozens of shapes, so each lookup is a slow generic one: `in` only when the value is undefined
    const value = data[name];
    out += (value !== undefined || name in data ? String(value) : parts[i + 1]) + (parts[i + 2] as string);
  }
  return out;
}

/** A rule broke the contract (bad span, unknown messageId): a bug in the rule, named in the message. */
export class RuleContractError extends Error {
  override name = "RuleContractError";
}

function checkSpan(ruleId: string, what: string, span: Span | undefined, length: number): void {
  const ok =
    span !== undefined &&
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start <= span.end &&
    span.end <= length;
  if (!ok) {
    const shown = span === undefined ? "undefined" : `{start: ${span.start}, end: ${span.end}}`;
    throw new RuleContractError(
      `rule ${ruleId} reported an invalid ${what} span ${shown}: spans must be integers with 0 <= start <= end <= ${length}`,
    );
  }
}

function checkFix(ruleId: string, fix: Fix, length: number): void {
  const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let lastEnd = -1;
  for (const edit of edits) {
    checkSpan(ruleId, "fix", edit.span, length);
    if (edit.span.start < lastEnd) throw new RuleContractError(`rule ${ruleId} reported a fix whose edits overlap`);
    lastEnd = edit.span.end;
  }
}

function message(meta: RuleMeta<any>, messageId: string, data: Report["data"]): string {
  const template = meta.messages[messageId];
  if (template === undefined) {
    throw new RuleContractError(
      `rule ${meta.id} reported unknown messageId "${messageId}" (known: ${Object.keys(meta.messages).join(", ")})`,
    );
  }
  return formatMessage(template, data);
}

/**
 * Turns a rule's report into a diagnostic: validates it, fills the message,
 * stamps id/severity/url and computes line/column (the only place that does).
 */
export function makeDiagnostic(
  meta: RuleMeta<any>,
  severity: Severity,
  report: Report,
  lines: LineIndex,
  length: number,
): Diagnostic {
  checkSpan(meta.id, "report", report.span, length);
  const diagnostic = located(
    {
      ruleId: meta.id,
      severity,
      messageId: report.messageId,
      message: message(meta, report.messageId, report.data),
      url: ruleDocsUrl(meta.id),
    },
    report.span,
    lines,
  );
  if (report.fix) {
    checkFix(meta.id, report.fix, length);
    diagnostic.fix = report.fix;
  }
  if (report.suggestions?.length) {
    diagnostic.suggestions = report.suggestions.map((s) => {
      checkFix(meta.id, s.fix, length);
      return { message: message(meta, s.messageId, s.data), fix: s.fix };
    });
  }
  return diagnostic;
}

/** Adds span and line/column to the stamped parts of a diagnostic. */
export function located(
  head: Pick<Diagnostic, "ruleId" | "severity" | "messageId" | "message" | "url">,
  span: Span,
  lines: LineIndex,
): Diagnostic {
  // no spread and no Position objects: this runs once per diagnostic, thousands of times per corpus
  const line = lines.line(span.start);
  const endLine = lines.line(span.end);
  return {
    ruleId: head.ruleId,
    severity: head.severity,
    messageId: head.messageId,
    message: head.message,
    url: head.url,
    span: { start: span.start, end: span.end },
    line,
    column: span.start - lines.lineStart(line) + 1,
    endLine,
    endColumn: span.end - lines.lineStart(endLine) + 1,
  };
}

/** Reading order, then rule id, then message, so output never depends on rule order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || compareNamed(a, b);
}

/** compareDiagnostics' tie-break, on a span tie: rule id, then message. */
export function compareNamed(a: { ruleId: string; message: string }, b: { ruleId: string; message: string }): number {
  return (
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** A diagnostic from the engine or the reader itself (`read/…`, `internal/…`), not from a rule. */
export function engineDiagnostic(
  ruleId: string,
  severity: Severity,
  message: string,
  span: Span,
  lines: LineIndex,
): Diagnostic {
  const messageId = ruleId.slice(ruleId.indexOf("/") + 1);
  return located({ ruleId, severity, messageId, message, url: ruleDocsUrl(ruleId) }, span, lines);
}
