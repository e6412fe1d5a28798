import type { Command } from "commander";
import { CliError, type CliIo } from "../io.js";

/** `copydesk fix`: not built yet (see the open issues). */
export function registerFix(program: Command, _io: CliIo, _setExit: (code: number) => void): void {
  program
    .command("fix")
    .description("(not yet available)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliError("`fix` is not available yet", 2);
    });
}
