// The message box with Discord's slash-command experience: `/` lists the commands the bot registered (fetched from
// the local Discord), then subcommands, then options (required first) with their descriptions; choices, integer
// ranges and lengths are checked before sending; autocomplete asks the bot; attachment options take a file.

const SUB = 1;
const GROUP = 2;
const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const NUMBER = 10;
const ATTACHMENT = 11;

const typeNames = {
  3: "text",
  4: "whole number",
  5: "True or False",
  6: "member",
  7: "channel",
  8: "role",
  9: "member or role",
  10: "number",
  11: "file",
};

/**
 * Where the text stands: the command, the subcommand path, the options given, and what is being typed at the end.
 * @param {string} text @param {any[]} commands
 */
export function parseLine(text, commands) {
  const result = { command: null, path: [], options: [], current: { kind: "none", prefix: "" }, definitions: [] };
  if (!text.startsWith("/")) return result;
  const head = /^\/(\S*)(\s?)/.exec(text);
  const name = head[1];
  if (!head[2]) {
    result.current = { kind: "command", prefix: name.toLowerCase() };
    return result;
  }
  const command = commands.find((c) => c.name === name.toLowerCase());
  if (!command) {
    result.current = { kind: "unknown", prefix: name };
    return result;
  }
  result.command = command;
  let rest = text.slice(head[0].length);
  let level = command.options ?? [];
  while (level.some((o) => o.type === SUB || o.type === GROUP)) {
    const word = /^(\S*)(\s?)/.exec(rest);
    if (!word[2]) {
      result.current = { kind: "subcommand", prefix: word[1].toLowerCase(), choices: level };
      return result;
    }
    const sub = level.find((o) => o.name === word[1].toLowerCase() && (o.type === SUB || o.type === GROUP));
    if (!sub) {
      result.current = { kind: "unknown", prefix: word[1] };
      return result;
    }
    result.path.push(sub.name);
    level = sub.options ?? [];
    rest = rest.slice(word[0].length);
  }
  result.definitions = level;
  // Option names are known, so a value may hold spaces: it runs until the next " name:" of this command.
  const names = level.map((o) => o.name.replace(/[-]/g, "\\-")).join("|");
  const starts = names ? [...rest.matchAll(new RegExp(`(?:^|\\s)(${names}):`, "g"))] : [];
  if (starts.length > 0 && rest.slice(0, starts[0].index).trim()) {
    result.current = { kind: "optionName", prefix: rest.slice(0, starts[0].index).trim() };
  }
  starts.forEach((start, i) => {
    const from = start.index + start[0].length;
    const to = i + 1 < starts.length ? starts[i + 1].index : rest.length;
    result.options.push({ name: start[1], value: rest.slice(from, to) });
  });
  const last = result.options.at(-1);
  const given = new Set(result.options.map((o) => o.name));
  const unused = level.filter((o) => !given.has(o.name));
  if (!last) {
    if (result.current.kind === "none")
      result.current = { kind: "optionName", prefix: rest.trim().split(/\s+/).pop() ?? "" };
    return result;
  }
  // After a space, a word that begins an unused option's name may be that option coming (or more of the value).
  const word = /\s(\S*)$/.exec(last.value);
  if (word && last.value.trim() && unused.some((o) => o.name.startsWith(word[1]))) {
    result.current = { kind: "optionName", prefix: word[1] };
  } else {
    result.current = {
      kind: "optionValue",
      option: level.find((o) => o.name === last.name),
      prefix: last.value.trim(),
    };
  }
  return result;
}

/** Checks a complete command line as Discord's client does; returns the values to send, or the first problem. */
export function checkLine(parsed, files, picked) {
  if (!parsed.command) return { error: "Pick a command from the list." };
  const { definitions, options } = parsed;
  if (definitions.some((o) => o.type === SUB || o.type === GROUP)) return { error: "Pick a subcommand." };
  const values = {};
  for (const { name, value: raw } of options) {
    const option = definitions.find((o) => o.name === name);
    const value = raw.trim();
    if (option.type === ATTACHMENT) {
      if (!files[name]) return { error: `${name}: choose a file.` };
      values[name] = files[name];
      continue;
    }
    if (!value) return { error: `${name}: this option is empty.` };
    const pick = picked[name];
    const sent = pick && pick.name === value ? String(pick.value) : value;
    if (option.choices?.length) {
      const choice = option.choices.find(
        (c) => c.name.toLowerCase() === value.toLowerCase() || String(c.value).toLowerCase() === value.toLowerCase(),
      );
      if (!choice) return { error: `${name}: pick one of ${option.choices.map((c) => c.name).join(", ")}.` };
      values[name] = String(choice.value);
      continue;
    }
    if (option.type === INTEGER || option.type === NUMBER) {
      const number = Number(sent);
      if (!Number.isFinite(number) || (option.type === INTEGER && !Number.isInteger(number))) {
        return { error: `${name}: enter a ${typeNames[option.type]}.` };
      }
      if ((option.min_value ?? -Infinity) > number || (option.max_value ?? Infinity) < number) {
        return { error: `${name}: the value must be ${rangeText(option)}.` };
      }
    }
    if (option.type === BOOLEAN && !/^(true|false)$/i.test(value)) return { error: `${name}: pick True or False.` };
    if (option.type === STRING) {
      const { min_length: low = 0, max_length: high = 6000 } = option;
      if (sent.length < low || sent.length > high) return { error: `${name}: ${low}-${high} characters.` };
    }
    values[name] = sent;
  }
  const missing = definitions.filter((o) => o.required && !options.some((g) => g.name === o.name));
  if (missing.length > 0) return { error: `Fill in ${missing.map((o) => o.name).join(", ")}.` };
  return { values };
}

function rangeText(option) {
  const low = option.min_value;
  const high = option.max_value;
  if (low !== undefined && high !== undefined) return `between ${low} and ${high}`;
  return low !== undefined ? `at least ${low}` : `at most ${high}`;
}

/** The suggestions list for what is being typed. */
export function suggestions(parsed, commands) {
  const { current } = parsed;
  if (current.kind === "command") {
    return commands
      .filter((c) => c.name.startsWith(current.prefix))
      .map((c) => ({ label: `/${c.name}`, description: c.description, insert: `/${c.name} `, kind: "command" }));
  }
  if (current.kind === "subcommand") {
    const base = `/${[parsed.command.name, ...parsed.path].join(" ")}`;
    return current.choices
      .filter((o) => o.name.startsWith(current.prefix))
      .map((o) => ({
        label: `${base} ${o.name}`,
        description: o.description,
        insert: `${base} ${o.name} `,
        kind: "sub",
      }));
  }
  if (current.kind === "optionName") {
    const given = new Set(parsed.options.map((o) => o.name));
    const open = parsed.definitions.filter((o) => !given.has(o.name) && o.name.startsWith(current.prefix));
    // Discord lists the required options first.
    open.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
    return open.map((o) => ({
      label: o.name,
      description: o.description,
      required: Boolean(o.required),
      type: typeNames[o.type] ?? "",
      option: o,
      kind: "option",
    }));
  }
  return [];
}

export { ATTACHMENT, BOOLEAN, INTEGER, NUMBER };
