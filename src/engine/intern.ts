import type { Diagnostic } from "./types.js";

/**
 * Results that cross a thread boundary or come out of the cache arrive with a fresh copy of every
 * string. A large batch holds hundreds of thousands of diagnostics until the corpus rules have run,
 * and their rule id, message id, severity and docs URL repeat from a few dozen values: pointing them
 * at one shared copy each saves about a fifth of the memory the results take.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  get(s: string): string {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  /** Points the repeating fields of each diagnostic at the pooled copies (values are unchanged). */
  share(diagnostics: Diagnostic[]): void {
    for (const d of diagnostics) {
      d.ruleId = this.get(d.ruleId);
      d.messageId = this.get(d.messageId);
      d.severity = this.get(d.severity) as Diagnostic["severity"];
      d.url = this.get(d.url);
    }
  }
}
