import type { Command } from "commander";
import { CliError, type CliIo } from "../io.js";

/** `copydesk check`: not built yet (see the open issues). */
export function registerCheck(program: Command, _io: CliIo, _setExit: (code: number) => void): void {
  program
    .command("check")
    .description("(not yet available)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliError("`check` is not available yet", 2);
    });
}
