import type { Lexeme } from "../text/lexeme.js";

/**
 * The rules' fixed word lists as bits on each lexeme. Several rules test every word of an
 * article against a list (the first words of a phrase list, claim triggers, professionals):
 * a set lookup per word and list. A lexeme is shared by every occurrence of its word in the
 * run, so each list's verdict is worked out once per distinct word and kept in `Lexeme.roles`;
 * a scan then costs a property load and a bit test per word.
 *
 * Roles are defined when their modules load, before any word is asked. A role defined after
 * that (or past the 31st) gets no bit, 0: its caller tests the word itself, as it would without
 * roles, since lexemes already asked would not know the new role.
 */
const tests: ((norm: string) => boolean)[] = [];
let asked = false;

/** The bit of a new role holding the words `test` accepts, or 0 when no bit can be given. */
export function defineRole(test: (norm: string) => boolean): number {
  if (asked || tests.length >= 31) return 0;
  tests.push(test);
  return 1 << (tests.length - 1);
}

/** The role bits of a word's lexeme. */
export function rolesOf(lex: Lexeme): number {
  let roles = lex.roles;
  if (roles < 0) {
    asked = true;
    roles = 0;
    for (let i = 0; i < tests.length; i++) if ((tests[i] as (norm: string) => boolean)(lex.norm)) roles |= 1 << i;
    lex.roles = roles;
  }
  return roles;
}
