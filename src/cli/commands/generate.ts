import type { Command } from "commander";
import { CliError, type CliIo } from "../io.js";

/** `copydesk generate`: not built yet (see the open issues). */
export function registerGenerate(program: Command, _io: CliIo, _setExit: (code: number) => void): void {
  program
    .command("generate")
    .description("(not yet available)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliError("`generate` is not available yet", 2);
    });
}
