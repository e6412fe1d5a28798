/**
 * Extensions a directory argument expands to. A module of its own: the CLI's launcher counts drafts
 * with it before the CLI loads (early-pool.ts), and `check`/`build` expand their inputs with it.
 */
export const DRAFT_EXTENSIONS = ["txt", "md", "markdown", "html", "htm", "json"] as const;
