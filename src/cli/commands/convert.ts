import type { Command } from "commander";
import { CliError, type CliIo } from "../io.js";

/** `copydesk convert`: not built yet (see the open issues). */
export function registerConvert(program: Command, _io: CliIo, _setExit: (code: number) => void): void {
  program
    .command("convert")
    .description("(not yet available)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliError("`convert` is not available yet", 2);
    });
}
