/**
 * One distinct normalised word of a run, shared by every article: the facts
 * the text helpers need about a word (syllables, stem, passive and transition
 * roles) are pure functions of its norm, so each is worked out on first use
 * and kept here. A token then costs a property load instead of set and map
 * lookups. The facts live on the object rather than in arrays indexed by a
 * word id, so starting the table over (below) can never mix up two words.
 */
export class Lexeme {
  /** English syllables (`syllables(norm)`), -1 until asked */
  syllables = -1;
  /** passive-voice role bits (src/text/passive.ts), -1 until asked */
  passive = -1;
  /** transition-word role bits (src/text/transition-words.ts), -1 until asked */
  transition = -1;
  /** Porter stem (`stem(norm)`), undefined until asked */
  stem: string | undefined = undefined;
  /** role bits of the rules' fixed word lists (src/rules/_word-roles.ts), -1 until asked */
  roles = -1;
  /** 30-bit FNV-1a of the norm (draft/duplicate-paragraph's shingles), -1 until asked */
  hash = -1;
  /** languages this is a stop word of (src/text/language.ts), null for none, undefined until asked */
  stopLanguages: readonly string[] | null | undefined = undefined;
  constructor(
    /** lower-cased, typographic apostrophes folded to ' (`normWord`) */
    readonly norm: string,
  ) {}
}

/** A word token, or anything standing for one, that carries its lexeme (`Word` does). */
export interface WithLexeme {
  readonly lex: Lexeme;
}

/** Stand-ins for the normalised words norms[from, to), for helpers that take word lists. */
export function withLexemes(norms: readonly string[], from: number, to: number): WithLexeme[] {
  const out: WithLexeme[] = [];
  for (let i = from; i < to; i++) out.push({ lex: lexemeOf(norms[i] as string) });
  return out;
}

/** A run over unusual text must not grow the table without bound: past this many lexemes, start over. */
export const LEXEME_LIMIT = 100_000;

const lexemes = new Map<string, Lexeme>();

/** The shared lexeme of a normalised word. */
export function lexemeOf(norm: string): Lexeme {
  let lex = lexemes.get(norm);
  if (lex === undefined) {
    if (lexemes.size >= LEXEME_LIMIT) lexemes.clear();
    lex = new Lexeme(norm);
    lexemes.set(norm, lex);
  }
  return lex;
}

/** How many lexemes the table holds (for the bound's test). */
export function lexemeCount(): number {
  return lexemes.size;
}
