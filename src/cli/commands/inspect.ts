import type { Command } from "commander";
import { CliError, type CliIo } from "../io.js";

/** `copydesk inspect`: not built yet (see the open issues). */
export function registerInspect(program: Command, _io: CliIo, _setExit: (code: number) => void): void {
  program
    .command("inspect")
    .description("(not yet available)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliError("`inspect` is not available yet", 2);
    });
}
