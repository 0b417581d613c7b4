/**
 * The limits Discord enforces on what a bot sends. They hold with or without the OpenAPI file, and cover what its
 * schemas leave out (totals across embeds, buttons per row, unique custom ids, command naming rules).
 */
import { ComponentType, MessageFlags } from "discord.js";
import type { FieldError } from "./errors.js";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const join = (...parts: (string | number)[]) => parts.filter((p) => p !== "").join(".");

/** Collects errors in Discord's wording while the checks walk a body. */
class Checker {
  readonly errors: FieldError[] = [];

  maxLength(path: string, value: unknown, max: number): void {
    const length = typeof value === "string" || Array.isArray(value) ? value.length : 0;
    if (length > max) this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  }

  between(path: string, value: unknown, min: number, max: number, required = true): void {
    if (value === undefined || value === null) {
      if (required) this.add(path, "BASE_TYPE_REQUIRED", "This field is required");
      return;
    }
    const length = typeof value === "string" || Array.isArray(value) ? value.length : 0;
    if (length < min) this.add(path, "BASE_TYPE_BAD_LENGTH", `Must be between ${min} and ${max} in length.`);
    else this.maxLength(path, value, max);
  }

  add(path: string, code: string, message: string): void {
    this.errors.push({ path, code, message });
  }
}

/** A message body: content, embeds, components, attachments (create, edit, reply, follow-up alike). */
export function checkMessage(body: unknown, prefix = ""): FieldError[] {
  const check = new Checker();
  if (!isObject(body)) return check.errors;
  check.maxLength(join(prefix, "content"), body.content, 2000);
  checkEmbeds(check, list(body.embeds), join(prefix, "embeds"));
  const flags = typeof body.flags === "number" ? body.flags : 0;
  checkComponents(
    check,
    list(body.components),
    join(prefix, "components"),
    (flags & MessageFlags.IsComponentsV2) !== 0,
  );
  check.maxLength(join(prefix, "attachments"), body.attachments, 10);
  return check.errors;
}

function checkEmbeds(check: Checker, embeds: unknown[], path: string): void {
  check.maxLength(path, embeds, 10);
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isObject(embed)) return;
    const at = (...p: (string | number)[]) => join(path, i, ...p);
    check.maxLength(at("title"), embed.title, 256);
    check.maxLength(at("description"), embed.description, 4096);
    const fields = list(embed.fields);
    check.maxLength(at("fields"), fields, 25);
    const footer = isObject(embed.footer) ? text(embed.footer.text) : undefined;
    const author = isObject(embed.author) ? text(embed.author.name) : undefined;
    check.maxLength(at("footer", "text"), footer, 2048);
    check.maxLength(at("author", "name"), author, 256);
    total += (text(embed.title)?.length ?? 0) + (text(embed.description)?.length ?? 0);
    total += (footer?.length ?? 0) + (author?.length ?? 0);
    fields.forEach((field, j) => {
      if (!isObject(field)) return;
      check.between(at("fields", j, "name"), field.name, 1, 256);
      check.between(at("fields", j, "value"), field.value, 1, 1024);
      total += (text(field.name)?.length ?? 0) + (text(field.value)?.length ?? 0);
    });
  });
  if (total > 6000) check.add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
}

function checkComponents(check: Checker, components: unknown[], path: string, v2: boolean): void {
  const customIds = new Set<string>();
  let count = 0;
  const visit = (component: unknown, at: string, inRow: boolean): void => {
    if (!isObject(component)) return;
    count++;
    const type = component.type;
    if ("custom_id" in component) {
      const id = component.custom_id;
      check.between(join(at, "custom_id"), id, 1, 100);
      if (typeof id === "string") {
        if (customIds.has(id))
          check.add(
            join(at, "custom_id"),
            "COMPONENT_CUSTOM_ID_DUPLICATED",
            "Component custom id cannot be duplicated",
          );
        customIds.add(id);
      }
    }
    if (type === ComponentType.ActionRow) checkRow(check, list(component.components), at, visit);
    else if (!v2 && !inRow)
      check.add(
        join(at, "type"),
        "COMPONENT_TYPE_INVALID",
        "Top-level components must be action rows (without the components v2 flag)",
      );
    if (type === ComponentType.Button) checkButton(check, component, at);
    if (type === ComponentType.StringSelect) checkStringSelect(check, component, at);
    // Components V2 nest: containers and sections hold `components`, sections an `accessory`, labels a `component`.
    if (type !== ComponentType.ActionRow) {
      list(component.components).forEach((child, i) => visit(child, join(at, "components", i), false));
    }
    if (isObject(component.accessory)) visit(component.accessory, join(at, "accessory"), true);
    if (isObject(component.component)) visit(component.component, join(at, "component"), true);
  };
  components.forEach((component, i) => visit(component, join(path, i), false));
  if (v2) check.maxLength(path, Array.from({ length: count }), 40);
  else check.maxLength(path, components, 5);
}

function checkRow(
  check: Checker,
  children: unknown[],
  at: string,
  visit: (component: unknown, at: string, inRow: boolean) => void,
): void {
  const path = join(at, "components");
  check.between(path, children, 1, 5);
  const selects = children.filter((c) => isObject(c) && c.type !== ComponentType.Button).length;
  if (selects > 0 && children.length > 1) {
    check.add(path, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "A select menu must be alone in its action row");
  }
  children.forEach((child, i) => visit(child, join(path, i), true));
}

function checkButton(check: Checker, button: Json, at: string): void {
  check.maxLength(join(at, "label"), button.label, 80);
  const isLink = button.style === 5;
  const isPremium = button.style === 6;
  if (isLink && typeof button.url !== "string")
    check.add(join(at, "url"), "BASE_TYPE_REQUIRED", "This field is required");
  if (!isLink && !isPremium && button.custom_id === undefined) {
    check.add(join(at, "custom_id"), "BASE_TYPE_REQUIRED", "This field is required");
  }
  if (isLink && button.custom_id !== undefined) {
    check.add(join(at, "custom_id"), "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED", "A link button cannot have a custom id");
  }
}

function checkStringSelect(check: Checker, select: Json, at: string): void {
  const options = list(select.options);
  check.between(join(at, "options"), options, 1, 25);
  check.maxLength(join(at, "placeholder"), select.placeholder, 150);
  const min = typeof select.min_values === "number" ? select.min_values : 1;
  const max = typeof select.max_values === "number" ? select.max_values : 1;
  if (max > options.length) {
    check.add(
      join(at, "max_values"),
      "BASE_TYPE_MAX",
      `Must be less than or equal to the number of options (${options.length}).`,
    );
  }
  if (min > max) check.add(join(at, "min_values"), "BASE_TYPE_MAX", "Must be less than or equal to max_values.");
  options.forEach((option, i) => {
    if (!isObject(option)) return;
    check.between(join(at, "options", i, "label"), option.label, 1, 100);
    check.between(join(at, "options", i, "value"), option.value, 1, 100);
    check.maxLength(join(at, "options", i, "description"), option.description, 100);
  });
  const values = options.map((o) => (isObject(o) ? o.value : undefined));
  if (new Set(values).size !== values.length) {
    check.add(
      join(at, "options"),
      "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
      "Select options must have unique values",
    );
  }
}

/** An autocomplete answer (callback type 8): at most 25 choices, names 1..100, string values up to 100. */
export function checkAutocomplete(data: unknown, prefix = "data"): FieldError[] {
  const check = new Checker();
  if (!isObject(data)) return check.errors;
  const choices = list(data.choices);
  check.maxLength(join(prefix, "choices"), choices, 25);
  choices.forEach((choice, i) => {
    if (!isObject(choice)) return;
    check.between(join(prefix, "choices", i, "name"), choice.name, 1, 100);
    if (typeof choice.value === "string") check.maxLength(join(prefix, "choices", i, "value"), choice.value, 100);
  });
  return check.errors;
}

/** A modal (callback type 9): title up to 45, 1..5 components, text inputs within Discord's lengths. */
export function checkModal(data: unknown, prefix = "data"): FieldError[] {
  const check = new Checker();
  if (!isObject(data)) return check.errors;
  check.between(join(prefix, "title"), data.title, 1, 45);
  check.between(join(prefix, "custom_id"), data.custom_id, 1, 100);
  const components = list(data.components);
  check.between(join(prefix, "components"), components, 1, 5);
  components.forEach((component, i) => {
    if (!isObject(component)) return;
    const inputs = component.type === ComponentType.ActionRow ? list(component.components) : [component.component];
    inputs.forEach((input, j) => {
      if (!isObject(input) || input.type !== ComponentType.TextInput) return;
      const at =
        component.type === ComponentType.ActionRow
          ? join(prefix, "components", i, "components", j)
          : join(prefix, "components", i, "component");
      check.between(join(at, "custom_id"), input.custom_id, 1, 100);
      check.maxLength(join(at, "label"), input.label, 45);
      check.maxLength(join(at, "placeholder"), input.placeholder, 100);
      check.maxLength(join(at, "value"), input.value, 4000);
    });
  });
  return check.errors;
}

// Discord's rule for command and option names; chat-input names must also be lowercase.
const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** One application command definition, as in PUT/POST/PATCH of commands. */
export function checkCommand(command: unknown, prefix = "", partial = false): FieldError[] {
  const check = new Checker();
  if (!isObject(command)) return check.errors;
  const chatInput = command.type === undefined || command.type === 1;
  if (!partial || command.name !== undefined) checkName(check, command.name, join(prefix, "name"), chatInput);
  if (chatInput && (!partial || command.description !== undefined)) {
    check.between(join(prefix, "description"), command.description, 1, 100);
  }
  checkOptions(check, list(command.options), join(prefix, "options"));
  if (commandSize(command) > 8000)
    check.add(prefix, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (8000)");
  return check.errors;
}

/** A whole PUT of commands: each command valid, and no two of one type sharing a name. */
export function checkCommandList(commands: unknown): FieldError[] {
  const errors = list(commands).flatMap((command, i) => checkCommand(command, String(i)));
  const seen = new Set<string>();
  list(commands).forEach((command, i) => {
    if (!isObject(command)) return;
    const key = `${command.type ?? 1}:${String(command.name)}`;
    if (seen.has(key)) {
      errors.push({
        path: String(i),
        code: "APPLICATION_COMMANDS_DUPLICATE_NAME",
        message: `Application command names must be unique`,
      });
    }
    seen.add(key);
  });
  if (list(commands).filter((c) => isObject(c) && (c.type ?? 1) === 1).length > 100) {
    errors.push({ path: "", code: "BASE_TYPE_MAX_LENGTH", message: "Must be 100 or fewer in length." });
  }
  return errors;
}

/** Discord's size of a command: the characters of every name, description and choice value, options included. */
function commandSize(node: Json): number {
  const own = ["name", "description", "value"].reduce((sum, key) => sum + String(node[key] ?? "").length, 0);
  return (
    own +
    [...list(node.options), ...list(node.choices)].reduce<number>(
      (sum, child) => sum + (isObject(child) ? commandSize(child) : 0),
      0,
    )
  );
}

function checkName(check: Checker, name: unknown, path: string, lowercase: boolean): void {
  if (typeof name !== "string" || !COMMAND_NAME.test(name)) {
    check.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  } else if (lowercase && name !== name.toLowerCase()) {
    check.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name must be lowercase");
  }
}

function checkOptions(check: Checker, options: unknown[], path: string): void {
  check.maxLength(path, options, 25);
  let sawOptional = false;
  options.forEach((option, i) => {
    if (!isObject(option)) return;
    const at = (...p: (string | number)[]) => join(path, i, ...p);
    checkName(check, option.name, at("name"), true);
    check.between(at("description"), option.description, 1, 100);
    if (option.required === true && sawOptional) {
      check.add(
        at("required"),
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        "Required options must be placed before non-required options",
      );
    }
    if (option.required !== true && option.type !== 1 && option.type !== 2) sawOptional = true;
    const choices = list(option.choices);
    check.maxLength(at("choices"), choices, 25);
    if (choices.length > 0 && option.autocomplete === true) {
      check.add(
        at("autocomplete"),
        "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE",
        "Autocomplete cannot be used with choices",
      );
    }
    choices.forEach((choice, j) => {
      if (!isObject(choice)) return;
      check.between(at("choices", j, "name"), choice.name, 1, 100);
      if (typeof choice.value === "string") check.between(at("choices", j, "value"), choice.value, 1, 100);
    });
    checkOptions(check, list(option.options), at("options"));
  });
}
