import type { Log, Notification, ReportingDescriptor, Result } from "sarif";
import { ruleDocsUrl } from "../engine/diagnostic.js";
import type { Diagnostic } from "../engine/types.js";
import { artifactUri, directoryUri } from "./paths.js";
import { type ChunkedReporter, joinChunks } from "./types.js";

const LEVEL = { error: "error", warn: "warning", info: "note" } as const;

function location(uri: { uri: string; relative: boolean }, d?: Diagnostic) {
  return {
    physicalLocation: {
      artifactLocation: uri.relative ? { uri: uri.uri, uriBaseId: "%SRCROOT%" } : { uri: uri.uri },
      ...(d
        ? { region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn } }
        : {}),
    },
  };
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules that
 * produced results (with helpUri), 1-based regions counted in UTF-16 code
 * units, paths relative to the working directory with forward slashes.
 * Files that could not be read become tool execution notifications.
 * Streamed: the log is laid out with a placeholder where the results go, and the results are written
 * one file per chunk in that slot, byte for byte what `JSON.stringify(log, null, 2)` would give.
 */
export const sarifChunks: ChunkedReporter = function* (results, meta) {
  const known = new Map(meta.rules.map((m) => [m.id, m]));
  const ruleIndex = new Map<string, number>();
  const rules: ReportingDescriptor[] = [];
  const ruleFor = (d: Diagnostic): number => {
    let index = ruleIndex.get(d.ruleId);
    if (index === undefined) {
      const m = known.get(d.ruleId);
      index = rules.length;
      rules.push({
        id: d.ruleId,
        shortDescription: { text: m?.description ?? d.ruleId },
        helpUri: m ? ruleDocsUrl(m.id) : d.url,
        defaultConfiguration: { level: LEVEL[m?.severity ?? d.severity] },
      });
      ruleIndex.set(d.ruleId, index);
    }
    return index;
  };

  // one pass before the header: unreadable files become notifications, and rules are listed in order
  // of first use, so all of them are indexed before the header is written
  const notifications: Notification[] = [];
  let anyResults = false;
  for (const r of results) {
    if (r.fatal !== undefined) {
      notifications.push({
        level: "error",
        message: { text: r.fatal },
        locations: [location(artifactUri(r.path, meta.cwd))],
      });
    }
    for (const d of r.diagnostics) ruleFor(d);
    if (r.diagnostics.length > 0) anyResults = true;
  }

  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "copydesk",
            version: meta.toolVersion,
            informationUri: "https://github.com/copydesk/copydesk",
            rules,
          },
        },
        columnKind: "utf16CodeUnits",
        originalUriBaseIds: { "%SRCROOT%": { uri: directoryUri(meta.cwd) } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: [],
      },
    ],
  };
  const text = JSON.stringify(log, null, 2);
  const slot = text.lastIndexOf('"results": []');
  if (slot < 0 || !anyResults) {
    yield `${text}\n`;
    return;
  }
  // results sit at depth 4 (runs → run → results → result): 8 spaces, the closing bracket at 6
  const indent = " ".repeat(8);
  yield `${text.slice(0, slot)}"results": [\n`;
  let first = true;
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    const uri = artifactUri(r.path, meta.cwd);
    let chunk = "";
    for (const d of r.diagnostics) {
      const result: Result = {
        ruleId: d.ruleId,
        ruleIndex: ruleFor(d),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [location(uri, d)],
      };
      chunk += (first ? "" : ",\n") + indent + JSON.stringify(result, null, 2).replaceAll("\n", `\n${indent}`);
      first = false;
    }
    yield chunk;
  }
  yield `\n${" ".repeat(6)}]${text.slice(slot + '"results": []'.length)}\n`;
};

export const sarifReporter = joinChunks(sarifChunks);
