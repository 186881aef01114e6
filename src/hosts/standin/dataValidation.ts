/**
 * DataValidation [1.8]: a list rule whose source must be a reference to an existing sheet, and an input prompt; on a
 * Range, or on a RangeAreas [1.9], where it is one validation over every area.
 */
import { areasAddress, parseReference } from "./addresses";
import { ClientObject } from "./clientObject";
import { fail } from "./errors";
import { AreasTarget } from "./range";
import { checkUnprotected } from "./worksheet";

export class DataValidationProxy extends ClientObject<AreasTarget> {
  set rule(rule: { list?: { inCellDropDown?: boolean; source?: unknown } }) {
    this.assign("Rule", rule, (target) => {
      this.context.requires(8, "DataValidation.rule");
      checkUnprotected(target.sheet);
      const list = rule?.list;
      if (!list || typeof list.source !== "string" || Object.keys(rule).length !== 1) {
        fail("InvalidArgument", "stand-in: only list rules are modelled.");
      }
      const source = list.source;
      if (source.startsWith("=")) {
        const reference = parseReference(source);
        const sheet =
          reference?.sheet === undefined ? target.sheet : this.context.standIn.workbook.find(reference.sheet);
        if (!reference || !sheet) fail("InvalidArgument", `The list source ${source} is not a valid reference.`);
      } else if (source.length > 255) {
        fail("InvalidArgument", "A typed list is limited to 255 characters.");
      }
      const address = areasAddress(target.areas);
      const validations = target.sheet.validations;
      const kept = validations.filter((v) => v.range !== address);
      const prompt = validations.find((v) => v.range === address)?.prompt;
      validations.splice(0, validations.length, ...kept, {
        range: address,
        rule: { list: { inCellDropDown: list.inCellDropDown ?? true, source } },
        ...(prompt ? { prompt } : {}),
      });
    });
  }

  set prompt(prompt: { showPrompt?: boolean; title?: string; message?: string }) {
    this.assign("Prompt", prompt, (target) => {
      this.context.requires(8, "DataValidation.prompt");
      checkUnprotected(target.sheet);
      const { showPrompt, title, message } = prompt ?? {};
      if (typeof showPrompt !== "boolean" || typeof title !== "string" || typeof message !== "string") {
        fail("InvalidArgument", "A prompt takes showPrompt, title and message.");
      }
      if (title.length > 32) fail("InvalidArgument", `A prompt's title is limited to 32 characters: "${title}".`);
      if (message.length > 255) fail("InvalidArgument", "A prompt's message is limited to 255 characters.");
      const address = areasAddress(target.areas);
      const validations = target.sheet.validations;
      const existing = validations.find((v) => v.range === address);
      if (existing) existing.prompt = { showPrompt, title, message };
      else validations.push({ range: address, prompt: { showPrompt, title, message } });
    });
  }

  protected loadable() {
    return {};
  }
}
