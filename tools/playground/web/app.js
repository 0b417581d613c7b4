// The playground page: a Discord channel view of the local Discord, acting as one member at a time.
// Everything a message says is put on the page as text nodes (markdown.js); nothing is parsed as HTML.
import { ATTACHMENT, BOOLEAN, checkLine, parseLine, suggestions } from "./composer.js";
import { inlineMarkdown, markdown, refreshTimestamp } from "./markdown.js";

const state = {
  world: null,
  member: null,
  channelId: null,
  /** @type {Map<string, any>} messages of the open channel by id, in order */
  messages: new Map(),
  commands: [],
  /** aheadMs: how far the playground's clock is from this browser's (fast-forwarded, or started elsewhere by a test). */
  clock: { offsetMs: 0, upcoming: null, aheadMs: 0 },
  events: null,
  dismissed: new Set(),
  files: {},
  picked: {},
  items: [],
  highlight: -1,
  autocompleteSeq: 0,
};

const $ = (selector) => document.querySelector(selector);
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path, body) {
  const response = await fetch(path, {
    method: body ? "POST" : "GET",
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error ?? `HTTP ${response.status}`);
  return json;
}

const now = () => Date.now() + state.clock.aheadMs;
const memberById = (id) => state.world.members.find((m) => m.id === id);
const server = () => state.world.servers.find((s) => s.channels.some((c) => c.id === state.channelId));
const context = {
  user: (id) => (id === state.world.bot.id ? state.world.bot.name : memberById(id)?.name),
  role: (id) => state.world.servers.flatMap((s) => s.roles).find((r) => r.id === id)?.name,
  channel: (id) => state.world.servers.flatMap((s) => s.channels).find((c) => c.id === id)?.name,
  now,
};

// ---------- start-up, members and channels ----------

async function boot() {
  state.world = await api("/api/world");
  const saved = sessionStorage.getItem("member");
  const params = new URLSearchParams(location.search);
  const wanted = params.get("member") ?? saved;
  state.member = memberById(wanted)?.id ?? state.world.members[0].id;
  const switcher = $("#member-switcher");
  for (const m of state.world.members) {
    const option = el("option", "", `${m.name} — ${m.about}`);
    option.value = m.id;
    switcher.appendChild(option);
  }
  switcher.addEventListener("change", () => switchMember(switcher.value));
  setupComposer();
  setupClock();
  await switchMember(state.member, params.get("channel"));
  setInterval(refreshTimestamps, 15_000);
}

async function switchMember(id, channelId) {
  state.member = id;
  sessionStorage.setItem("member", id);
  $("#member-switcher").value = id;
  const me = memberById(id);
  $("#me-avatar").textContent = me.name[0];
  $("#me-avatar").style.backgroundColor = me.color;
  $("#me-name").textContent = me.name;
  $("#me-about").textContent = me.about;
  const allowed = state.world.servers.filter((s) => me.guildIds.includes(s.id)).flatMap((s) => s.channels);
  const keep = allowed.find((c) => c.id === (channelId ?? state.channelId)) ?? allowed[0];
  state.dismissed.clear();
  $("#composer-error").hidden = true;
  connectEvents();
  await openChannel(keep.id);
}

function connectEvents() {
  state.events?.close();
  const events = new EventSource(`/api/events?member=${encodeURIComponent(state.member)}`);
  events.addEventListener("message", (e) => onMessageEvent(JSON.parse(e.data)));
  events.addEventListener("clock", (e) => setClock(JSON.parse(e.data)));
  events.addEventListener("hello", () => {
    $("#live").classList.add("on");
  });
  events.addEventListener("error", () => $("#live").classList.remove("on"));
  state.events = events;
}

async function openChannel(channelId) {
  state.channelId = channelId;
  renderServers();
  renderChannels();
  renderMembers();
  const channel = server().channels.find((c) => c.id === channelId);
  $("#channel-name").textContent = channel.name;
  $("#channel-topic").textContent = channel.topic ?? "";
  $("#composer-input").placeholder = `Message #${channel.name} — type / for commands`;
  const [{ messages }, { commands }, clock] = await Promise.all([
    api(`/api/messages?member=${state.member}&channel=${channelId}`),
    api(`/api/commands?member=${state.member}&channel=${channelId}`),
    api("/api/clock"),
  ]);
  state.commands = commands;
  state.messages = new Map(messages.map((m) => [m.id, m]));
  setClock(clock);
  renderAll();
  updateSuggestions();
  document.body.dataset.channel = channelId;
  document.body.dataset.member = state.member;
}

function renderServers() {
  const me = memberById(state.member);
  const rail = $("#servers");
  rail.replaceChildren();
  for (const s of state.world.servers.filter((x) => me.guildIds.includes(x.id))) {
    const icon = el("button", `server-icon${s.id === server().id ? " active" : ""}`);
    icon.textContent = s.name
      .split(/\s+/)
      .map((w) => w[0])
      .join("");
    icon.title = s.name;
    icon.setAttribute("aria-label", s.name);
    icon.addEventListener("click", () => openChannel(s.channels[0].id));
    rail.appendChild(icon);
  }
}

function renderChannels() {
  $("#server-name").textContent = server().name;
  const list = $("#channels");
  list.replaceChildren();
  for (const c of server().channels) {
    const item = el("button", `channel${c.id === state.channelId ? " active" : ""}`);
    item.appendChild(el("span", "hash", "#"));
    item.appendChild(el("span", "", c.name));
    item.addEventListener("click", () => openChannel(c.id));
    list.appendChild(item);
  }
}

function renderMembers() {
  const s = server();
  const list = $("#member-list");
  list.replaceChildren();
  const hoisted = s.roles.filter((r) => r.hoist);
  const groups = [...hoisted.map((r) => ({ title: r.name, role: r, ids: [] })), { title: "Members", ids: [] }];
  for (const m of s.members) {
    if (m.id === state.world.bot.id) continue;
    const group = groups.find((g) => g.role && m.roles.includes(g.role.id)) ?? groups.at(-1);
    group.ids.push(m);
  }
  groups.at(-1).ids.push({ id: state.world.bot.id, roles: [], bot: true });
  for (const group of groups.filter((g) => g.ids.length > 0)) {
    list.appendChild(el("h3", "member-group", `${group.title} — ${group.ids.length}`));
    for (const m of group.ids) {
      const person = memberById(m.id);
      const row = el("button", `member${m.id === state.member ? " me" : ""}`);
      const avatar = el("span", `avatar small${m.bot ? " bot" : ""}`, person ? person.name[0] : "🪩");
      if (person) avatar.style.backgroundColor = person.color;
      const name = el("span", "member-name", person?.name ?? state.world.bot.name);
      if (group.role?.color) name.style.color = `#${group.role.color.toString(16).padStart(6, "0")}`;
      row.append(avatar, name);
      if (m.bot) row.appendChild(el("span", "app-badge", "APP"));
      if (m.owner) row.appendChild(el("span", "crown", "👑"));
      if (person) {
        row.title = `Act as ${person.name} (${person.about})`;
        row.addEventListener("click", () => switchMember(person.id));
      }
      list.appendChild(row);
    }
  }
}

// ---------- messages ----------

function onMessageEvent({ change, message }) {
  // A poll closed or a weekly poll went up: what comes next on the clock may have changed.
  clearTimeout(onMessageEvent.clockTimer);
  onMessageEvent.clockTimer = setTimeout(() => api("/api/clock").then(setClock, () => {}), 400);
  if (message.channel_id !== state.channelId) return;
  const list = $("#messages");
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  if (change === "delete") {
    state.messages.delete(message.id);
    document.querySelector(`[data-message="${message.id}"]`)?.remove();
    return;
  }
  const existing = document.querySelector(`[data-message="${message.id}"]`);
  state.messages.set(message.id, message);
  const node = renderMessage(message);
  // An edit replaces the message where it stands (a live poll tally, a page turned by a button).
  if (existing) existing.replaceWith(node);
  else list.appendChild(node);
  if (atBottom || !existing) list.scrollTop = list.scrollHeight;
}

function renderAll() {
  const list = $("#messages");
  list.replaceChildren();
  const channel = server().channels.find((c) => c.id === state.channelId);
  const welcome = el("div", "welcome");
  welcome.appendChild(el("div", "welcome-icon", "#"));
  welcome.appendChild(el("h1", "", `Welcome to #${channel.name}!`));
  welcome.appendChild(
    el(
      "p",
      "",
      "This is the Mirrorball playground: the real bot, its real database and a local Discord. Type / to see its commands, switch members at the bottom left, and fast-forward the clock at the top.",
    ),
  );
  list.appendChild(welcome);
  for (const message of state.messages.values()) {
    if (!state.dismissed.has(message.id)) list.appendChild(renderMessage(message));
  }
  list.scrollTop = list.scrollHeight;
}

const EPHEMERAL = 64;
const LOADING = 128;

function renderMessage(message) {
  const article = el("article", "message");
  article.dataset.message = message.id;
  const ephemeral = (message.flags & EPHEMERAL) !== 0;
  if (ephemeral) article.classList.add("ephemeral");
  const used = message.interaction ?? null;
  if (used) {
    const reply = el("div", "reply-context");
    const who = memberById(used.user.id);
    const avatar = el("span", "avatar tiny", (who?.name ?? "?")[0]);
    avatar.style.backgroundColor = who?.color ?? "#5865f2";
    reply.append(avatar, el("span", "reply-name", who?.name ?? used.user.username), el("span", "", " used "));
    reply.appendChild(el("span", "reply-command", `/${used.name}`));
    article.appendChild(reply);
  }
  const row = el("div", "message-row");
  const bot = el("div", "avatar bot", "🪩");
  const body = el("div", "message-body");
  const header = el("header", "message-header");
  header.append(el("span", "author", message.author.username), el("span", "app-badge", "APP"));
  const time = el("time", "message-time", formatMessageTime(message.timestamp));
  time.title = new Date(message.timestamp).toLocaleString("en-US");
  header.appendChild(time);
  body.appendChild(header);
  if ((message.flags & LOADING) !== 0) {
    const thinking = el("div", "thinking");
    thinking.append(el("span", "", `${message.author.username} is thinking`), el("span", "dots", "…"));
    body.appendChild(thinking);
  }
  if (message.content) {
    const content = el("div", "content");
    content.appendChild(markdown(message.content, context));
    if (message.edited_timestamp) content.appendChild(el("span", "edited", " (edited)"));
    body.appendChild(content);
  }
  for (const embed of message.embeds ?? []) body.appendChild(renderEmbed(embed));
  const embedded = new Set((message.embeds ?? []).flatMap((e) => [e.image?.url, e.thumbnail?.url]).filter(Boolean));
  for (const file of message.attachments ?? []) {
    if (!embedded.has(file.url)) body.appendChild(renderAttachment(file));
  }
  for (const component of message.components ?? []) body.appendChild(renderComponent(component, message));
  if (!message.content && message.edited_timestamp && (message.embeds ?? []).length > 0) {
    body.appendChild(el("span", "edited", "(edited)"));
  }
  if (ephemeral) {
    const note = el("div", "ephemeral-note");
    note.append(el("span", "eye", "👁"), el("span", "", " Only you can see this • "));
    const dismiss = el("button", "link-button", "Dismiss message");
    dismiss.addEventListener("click", () => {
      state.dismissed.add(message.id);
      article.remove();
    });
    note.appendChild(dismiss);
    body.appendChild(note);
  }
  row.append(bot, body);
  article.appendChild(row);
  return article;
}

function formatMessageTime(iso) {
  const date = new Date(iso);
  const today = new Date(now());
  const time = date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
  if (date.toDateString() === today.toDateString()) return `Today at ${time}`;
  const yesterday = new Date(today.getTime() - 86_400_000);
  if (date.toDateString() === yesterday.toDateString()) return `Yesterday at ${time}`;
  return `${date.toLocaleDateString("en-US")} ${time}`;
}

function colour(value) {
  return value === undefined || value === null ? "#1e1f22" : `#${value.toString(16).padStart(6, "0")}`;
}

function renderEmbed(embed) {
  const box = el("div", "embed");
  box.style.borderLeftColor = colour(embed.color);
  const main = el("div", "embed-main");
  if (embed.author?.name) main.appendChild(el("div", "embed-author", embed.author.name));
  if (embed.title) {
    const title = el(embed.url ? "a" : "div", "embed-title");
    if (embed.url && /^https?:\/\//.test(embed.url)) {
      title.href = embed.url;
      title.target = "_blank";
      title.rel = "noopener noreferrer";
    }
    title.appendChild(inlineMarkdown(embed.title, context));
    main.appendChild(title);
  }
  if (embed.description) {
    const description = el("div", "embed-description");
    description.appendChild(markdown(embed.description, context));
    main.appendChild(description);
  }
  if (embed.fields?.length) main.appendChild(renderFields(embed.fields));
  if (embed.image?.url) {
    const image = el("img", "embed-image");
    sized(image, embed.image);
    image.src = safeUrl(embed.image.url);
    image.alt = "";
    main.appendChild(image);
  }
  if (embed.footer?.text || embed.timestamp) {
    const footer = el("div", "embed-footer");
    const parts = [embed.footer?.text, embed.timestamp && new Date(embed.timestamp).toLocaleString("en-US")];
    footer.textContent = parts.filter(Boolean).join(" • ");
    main.appendChild(footer);
  }
  box.appendChild(main);
  if (embed.thumbnail?.url) {
    const thumb = el("img", "embed-thumbnail");
    thumb.src = safeUrl(embed.thumbnail.url);
    thumb.alt = "";
    box.appendChild(thumb);
  }
  return box;
}

/** Inline fields share a row, up to three, as in Discord; the others take the whole width. */
function renderFields(fields) {
  const grid = el("div", "embed-fields");
  let run = [];
  const flush = () => {
    for (let i = 0; i < run.length; i += 3) {
      const chunk = run.slice(i, i + 3);
      for (const f of chunk) grid.appendChild(renderField(f, 12 / chunk.length));
    }
    run = [];
  };
  for (const field of fields) {
    if (field.inline) run.push(field);
    else {
      flush();
      grid.appendChild(renderField(field, 12));
    }
  }
  flush();
  return grid;
}

function renderField(field, span) {
  const node = el("div", "embed-field");
  node.style.gridColumn = `span ${span}`;
  const name = el("div", "embed-field-name");
  name.appendChild(inlineMarkdown(field.name, context));
  const value = el("div", "embed-field-value");
  value.appendChild(markdown(field.value, context));
  node.append(name, value);
  return node;
}

/** The image's size is known from the message, so its room is kept before it loads and the channel does not jump. */
function sized(image, media) {
  if (media.width && media.height) {
    image.width = media.width;
    image.height = media.height;
  }
}

/** Only the playground's own /files/ and http(s) images load (the page's CSP allows only its own anyway). */
function safeUrl(url) {
  if (url.startsWith("/files/")) return `${url}?member=${encodeURIComponent(state.member)}`;
  return /^https?:\/\//.test(url) ? url : "";
}

function renderAttachment(file) {
  if ((file.content_type ?? "").startsWith("image/")) {
    const image = el("img", "attachment-image");
    sized(image, file);
    image.src = safeUrl(file.url);
    image.alt = file.description ?? file.filename;
    return image;
  }
  const box = el("a", "attachment-file");
  box.href = safeUrl(file.url);
  box.download = file.filename;
  box.append(el("span", "file-icon", "📄"), el("span", "file-name", file.filename));
  box.appendChild(el("span", "file-size", `${(file.size / 1024).toFixed(1)} KB`));
  return box;
}

const buttonStyles = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link", 6: "premium" };

function renderComponent(component, message) {
  if (component.type === 1) {
    const row = el("div", "action-row");
    for (const child of component.components ?? []) row.appendChild(renderComponent(child, message));
    return row;
  }
  if (component.type === 2) return renderButton(component, message);
  if (component.type === 3) return renderSelect(component, message);
  return el("div", "unsupported", "");
}

function renderButton(button, message) {
  const link = button.style === 5;
  const node = el(link ? "a" : "button", `button ${buttonStyles[button.style] ?? "secondary"}`);
  if (button.emoji?.name)
    node.appendChild(el("span", "emoji", button.emoji.id ? `:${button.emoji.name}:` : button.emoji.name));
  if (button.label) node.appendChild(el("span", "", button.label));
  if (link) {
    if (/^https?:\/\//.test(button.url ?? "")) node.href = button.url;
    node.target = "_blank";
    node.rel = "noopener noreferrer";
    node.appendChild(el("span", "external", " ↗"));
    return node;
  }
  node.disabled = Boolean(button.disabled);
  node.dataset.customId = button.custom_id;
  node.addEventListener("click", async () => {
    node.classList.add("pending");
    await act({ type: "button", messageId: message.id, customId: button.custom_id });
    node.classList.remove("pending");
  });
  return node;
}

function renderSelect(select, message) {
  const wrap = el("div", `select${select.disabled ? " disabled" : ""}`);
  const chosen = (select.options ?? []).filter((o) => o.default);
  const face = el("button", "select-face");
  face.disabled = Boolean(select.disabled);
  face.appendChild(
    el(
      "span",
      chosen.length ? "" : "placeholder",
      chosen.map((o) => o.label).join(", ") || select.placeholder || "Make a selection",
    ),
  );
  face.appendChild(el("span", "chevron", "⌄"));
  const menu = el("div", "select-menu");
  menu.hidden = true;
  const picked = new Set();
  const multi = (select.max_values ?? 1) > 1;
  for (const option of select.options ?? []) {
    const item = el("button", "select-option");
    item.setAttribute("role", "option");
    if (option.emoji?.name)
      item.appendChild(el("span", "emoji", option.emoji.id ? `:${option.emoji.name}:` : option.emoji.name));
    const text = el("span", "select-text");
    text.appendChild(el("span", "select-label", option.label));
    if (option.description) text.appendChild(el("span", "select-description", option.description));
    item.appendChild(text);
    item.addEventListener("click", async () => {
      if (multi) {
        if (picked.has(option.value)) picked.delete(option.value);
        else picked.add(option.value);
        item.classList.toggle("checked");
        return;
      }
      menu.hidden = true;
      await act({ type: "select", messageId: message.id, customId: select.custom_id, values: [option.value] });
    });
    menu.appendChild(item);
  }
  face.addEventListener("click", async () => {
    if (!menu.hidden && multi && picked.size > 0) {
      menu.hidden = true;
      await act({ type: "select", messageId: message.id, customId: select.custom_id, values: [...picked] });
      return;
    }
    menu.hidden = !menu.hidden;
  });
  wrap.append(face, menu);
  return wrap;
}

function refreshTimestamps() {
  for (const node of document.querySelectorAll(".timestamp")) refreshTimestamp(node, now());
}

// ---------- acting: commands, components, modals ----------

async function act(body) {
  try {
    const answer = await api("/api/act", { member: state.member, channelId: state.channelId, ...body });
    if (answer.error) showError(answer.error);
    if (answer.modal) openModal(answer.modal);
    return answer;
  } catch (error) {
    showError(error.message);
    return { error: error.message };
  }
}

function showError(text) {
  const box = $("#composer-error");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => {
    box.hidden = true;
  }, 8000);
}

function openModal(modal) {
  const backdrop = $("#modal-backdrop");
  const form = $("#modal");
  form.replaceChildren();
  const header = el("header", "modal-header");
  header.appendChild(el("h2", "", modal.title));
  const close = el("button", "modal-close", "✕");
  close.type = "button";
  close.setAttribute("aria-label", "Close");
  close.addEventListener("click", () => {
    backdrop.hidden = true;
  });
  header.appendChild(close);
  form.appendChild(header);
  const body = el("div", "modal-body");
  const inputs = [];
  for (const row of modal.components ?? []) {
    const fields =
      row.type === 1 ? (row.components ?? []) : row.type === 18 ? [{ ...row.component, label: row.label }] : [];
    for (const field of fields) {
      if (field.type !== 4) continue;
      const label = el("label", "modal-label");
      label.appendChild(el("span", "", field.label ?? field.custom_id));
      if (field.required !== false) label.appendChild(el("span", "required", " *"));
      const input = field.style === 2 ? el("textarea", "modal-input long") : el("input", "modal-input");
      input.name = field.custom_id;
      if (field.placeholder) input.placeholder = field.placeholder;
      if (field.value) input.value = field.value;
      if (field.max_length) input.maxLength = field.max_length;
      if (field.min_length) input.minLength = field.min_length;
      input.required = field.required !== false;
      label.appendChild(input);
      body.appendChild(label);
      inputs.push(input);
    }
  }
  form.appendChild(body);
  const problem = el("p", "modal-error");
  problem.hidden = true;
  form.appendChild(problem);
  const footer = el("footer", "modal-footer");
  const cancel = el("button", "link-button", "Cancel");
  cancel.type = "button";
  cancel.addEventListener("click", () => {
    backdrop.hidden = true;
  });
  const submit = el("button", "button primary", "Submit");
  submit.type = "submit";
  footer.append(cancel, submit);
  form.appendChild(footer);
  form.onsubmit = async (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(inputs.filter((i) => i.value !== "" || i.required).map((i) => [i.name, i.value]));
    const answer = await act({ type: "modal", interactionId: modal.interactionId, customId: modal.custom_id, fields });
    if (answer.error) {
      problem.textContent = answer.error;
      problem.hidden = false;
    } else {
      backdrop.hidden = true;
    }
  };
  backdrop.hidden = false;
  inputs[0]?.focus();
}

// ---------- the composer ----------

function setupComposer() {
  const input = $("#composer-input");
  input.addEventListener("input", () => updateSuggestions());
  input.addEventListener("keydown", (event) => onComposerKey(event));
  $("#file-input").addEventListener("change", (event) => {
    const file = event.target.files?.[0];
    const option = $("#file-input").dataset.option;
    if (!file || !option) return;
    state.files[option] = file;
    const text = input.value.replace(/(\S*)$/, "");
    input.value = `${text}${option}:${file.name} `;
    event.target.value = "";
    updateSuggestions();
    input.focus();
  });
}

function onComposerKey(event) {
  const input = $("#composer-input");
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (state.items.length === 0) return;
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    state.highlight = (state.highlight + step + state.items.length) % state.items.length;
    drawSuggestions();
  } else if (event.key === "Tab") {
    if (state.items.length === 0) return;
    event.preventDefault();
    choose(state.items[Math.max(state.highlight, 0)]);
  } else if (event.key === "Escape") {
    state.items = [];
    drawSuggestions();
  } else if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    const parsed = parseLine(input.value, state.commands);
    const current = parsed.current;
    const exact =
      current.kind === "optionValue" &&
      state.items.some(
        (i) =>
          String(i.value).toLowerCase() === current.prefix.toLowerCase() ||
          i.label.toLowerCase() === current.prefix.toLowerCase(),
      );
    // Enter picks what is highlighted while a list is up, as in Discord; a value typed in full is sent as it is.
    // A value typed in full as a listed name ("#show-night", "Tuesday") is sent as that item's value.
    const named = exact && state.items.find((i) => i.label.toLowerCase() === current.prefix.toLowerCase());
    if (named && current.option) state.picked[current.option.name] = { name: named.label, value: named.value };
    // Option names are offered until the command is complete; then Enter sends.
    const check = checkLine(parsed, state.files, state.picked);
    const listing =
      current.kind === "command" ||
      current.kind === "subcommand" ||
      (current.kind === "optionValue" && !exact) ||
      (current.kind === "optionName" && Boolean(check.error));
    if (state.items.length > 0 && (state.highlight >= 0 || listing)) {
      choose(state.items[Math.max(state.highlight, 0)]);
      return;
    }
    void send(parsed, check);
  }
}

async function send(parsed, check) {
  const input = $("#composer-input");
  if (!input.value.startsWith("/")) {
    showError("Mirrorball answers slash commands: type / to see them.");
    return;
  }
  if (check.error) {
    showError(check.error);
    return;
  }
  const options = {};
  for (const [name, value] of Object.entries(check.values)) {
    if (value instanceof File) {
      options[name] = { filename: value.name, contentType: value.type || undefined, base64: await toBase64(value) };
    } else options[name] = value;
  }
  input.value = "";
  $("#composer-error").hidden = true;
  state.autocompleteSeq++;
  state.files = {};
  state.picked = {};
  updateSuggestions();
  await act({ type: "command", name: parsed.command.name, path: parsed.path, options });
}

function toBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function choose(item) {
  if (!item) return;
  const input = $("#composer-input");
  if (item.kind === "command" || item.kind === "sub") {
    input.value = item.insert;
  } else if (item.kind === "option") {
    input.value = `${input.value.replace(/(\S*)$/, "")}${item.option.name}:`;
    if (item.option.type === ATTACHMENT) {
      $("#file-input").dataset.option = item.option.name;
      $("#file-input").click();
    }
  } else if (item.kind === "choice") {
    const parsed = parseLine(input.value, state.commands);
    const last = parsed.options.at(-1);
    state.picked[last.name] = { name: item.label, value: item.value };
    input.value = `${input.value.slice(0, input.value.length - last.value.length)}${item.label} `;
  }
  input.focus();
  updateSuggestions();
}

function updateSuggestions() {
  const input = $("#composer-input");
  const parsed = parseLine(input.value, state.commands);
  state.highlight = -1;
  const { current } = parsed;
  if (current.kind === "optionValue" && current.option) {
    const option = current.option;
    const typed = current.prefix.toLowerCase();
    if (option.choices?.length) {
      state.items = option.choices
        .filter((c) => c.name.toLowerCase().includes(typed))
        .map((c) => ({ kind: "choice", label: c.name, value: c.value }));
    } else if (option.type >= 6 && option.type <= 9) {
      // Member, channel and role options: the client lists this server's, and sends the id.
      const here = server();
      const people = here.members
        .filter((m) => m.id !== state.world.bot.id)
        .map((m) => ({ kind: "choice", label: `@${memberById(m.id)?.name ?? m.id}`, value: m.id }));
      const channels = here.channels.map((c) => ({ kind: "choice", label: `#${c.name}`, value: c.id }));
      const roles = here.roles
        .filter((r) => r.name !== "@everyone")
        .map((r) => ({ kind: "choice", label: `@${r.name}`, value: r.id }));
      const all = { 6: people, 7: channels, 8: roles, 9: [...people, ...roles] }[option.type];
      state.items = all.filter((i) => i.label.toLowerCase().includes(typed.replace(/^[@#]/, "")));
    } else if (option.type === BOOLEAN) {
      state.items = ["True", "False"]
        .filter((c) => c.toLowerCase().startsWith(typed))
        .map((c) => ({ kind: "choice", label: c, value: c.toLowerCase() }));
    } else if (option.autocomplete) {
      state.items = [];
      void askBot(parsed);
    } else {
      const hint = option.type === ATTACHMENT ? "choose a file" : describeOption(option);
      state.items = [];
      state.hint = `${option.name}: ${option.description}${hint ? ` (${hint})` : ""}`;
    }
  } else {
    state.items = suggestions(parsed, state.commands);
    state.hint = "";
  }
  if (current.kind !== "optionValue") state.hint = "";
  drawSuggestions(parsed);
}

function describeOption(option) {
  const range =
    option.min_value !== undefined || option.max_value !== undefined
      ? `${option.min_value ?? "…"}-${option.max_value ?? "…"}`
      : "";
  return [option.type === 4 ? "whole number" : option.type === 10 ? "number" : "", range].filter(Boolean).join(" ");
}

async function askBot(parsed) {
  const seq = ++state.autocompleteSeq;
  await new Promise((resolve) => setTimeout(resolve, 120));
  if (seq !== state.autocompleteSeq) return;
  const options = Object.fromEntries(parsed.options.map((o) => [o.name, o.value.trim()]));
  const focused = parsed.current.option.name;
  options[focused] = parsed.current.prefix;
  try {
    const { choices } = await api("/api/act", {
      type: "autocomplete",
      member: state.member,
      channelId: state.channelId,
      name: parsed.command.name,
      path: parsed.path,
      options,
      focused,
    });
    if (seq !== state.autocompleteSeq) return;
    state.items = (choices ?? []).map((c) => ({ kind: "choice", label: c.name, value: c.value }));
    state.hint = state.items.length ? "" : `${focused}: no matches`;
    drawSuggestions(parsed);
  } catch (error) {
    state.hint = error.message;
    drawSuggestions(parsed);
  }
}

function drawSuggestions(parsed = parseLine($("#composer-input").value, state.commands)) {
  const box = $("#suggestions");
  box.replaceChildren();
  const hint = state.hint;
  if (state.items.length === 0 && !hint) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const title = parsed.command
    ? `/${[parsed.command.name, ...parsed.path].join(" ")}${parsed.current.kind === "optionValue" ? ` › ${parsed.current.option?.name}` : ""}`
    : "Commands matching";
  const head = el("div", "suggestions-head");
  head.append(el("span", "avatar tiny bot", "🪩"), el("span", "", title.toUpperCase()));
  box.appendChild(head);
  if (hint) box.appendChild(el("div", "suggestion-hint", hint));
  state.items.forEach((item, i) => {
    const row = el("button", `suggestion${i === state.highlight ? " highlighted" : ""}`);
    row.type = "button";
    row.setAttribute("role", "option");
    const name = el("span", "suggestion-name", item.label);
    row.appendChild(name);
    if (item.required) row.appendChild(el("span", "suggestion-required", "required"));
    if (item.description) row.appendChild(el("span", "suggestion-description", item.description));
    if (item.type) row.appendChild(el("span", "suggestion-type", item.type));
    row.addEventListener("mousedown", (event) => {
      event.preventDefault();
      choose(item);
    });
    box.appendChild(row);
  });
}

// ---------- the clock ----------

function setupClock() {
  for (const button of document.querySelectorAll("[data-forward]")) {
    button.addEventListener("click", async () => {
      const by = button.dataset.forward === "next" ? { next: true } : { by: Number(button.dataset.forward) };
      try {
        setClock(await api("/api/clock", by));
      } catch (error) {
        showError(error.message);
      }
    });
  }
}

function setClock(clock) {
  state.clock = { ...clock, aheadMs: clock.nowMs - Date.now() };
  const time = new Date(now()).toLocaleString("en-US", { weekday: "short", hour: "numeric", minute: "2-digit" });
  const hours = clock.offsetMs / 3_600_000;
  const ahead = hours === 0 ? "" : ` (+${hours >= 48 ? `${(hours / 24).toFixed(1)} days` : `${hours.toFixed(1)} h`})`;
  $("#clock-time").textContent = `${time}${ahead}`;
  const next = $("#clock-next");
  next.textContent = clock.upcoming
    ? `Next: ${clock.upcoming.what}, ${new Date(clock.upcoming.at).toLocaleString("en-US", { weekday: "short", hour: "numeric", minute: "2-digit" })}`
    : "Nothing scheduled";
  $("[data-forward='next']").disabled = !clock.upcoming;
  refreshTimestamps();
}

boot().catch((error) => {
  document.body.textContent = `The playground could not load: ${error.message}`;
});
