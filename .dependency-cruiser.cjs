/**
 * Import rules checked by `npm run lint` (dependency-cruiser) and tests/structure.test.ts. The bot's src/ is layered,
 * and every import points down (type imports included):
 *
 *   index.ts, bot.ts, cli/               start-up: assembles the context and the jobs
 *   events/, http/                       where interactions arrive
 *   commands/<name>/                     one feature each: handlers, its view, its custom_id codec, its adapters
 *   discord/                             discord.js adapters: replies, messages, DMs, the calendar, registration
 *   context.ts                           the shape of what every handler gets (the domain's services)
 *   views/                               what several features draw with: View, format, limits, pages, charts
 *   domain: admin/ feed/ leagues/ polls/ reminders/ lookups/ exports/ jobs/ seed/ seasons/ standings/ text/
 *   db/                                  schema and SQL
 *   data/                                the season file format and its reader
 *   config.ts, errors.ts, logger.ts, paths.ts   the foundation every layer may use
 *
 * The structure test adds the folder-level check (no two top folders of src/ import each other, even through
 * others) and plants one violation of each rule below to show it is caught.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const domain = "(admin|feed|leagues|polls|reminders|lookups|exports|jobs|seed|seasons|standings|text)";
const top = "(index|bot)\\.ts$|cli/";
const edges = "(events|http)/";

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles, type imports included, make the load order matter and the layers meaningless.",
      from: {},
      to: { circular: true },
    },
    {
      name: "src-imports-no-tools",
      severity: "error",
      comment: "src/ is what the bot runs; the local Discord, the console and the data build are tools around it.",
      from: { path: "^src/" },
      to: { path: "^(tools|tests|bench)/" },
    },
    {
      name: "commands-point-down",
      severity: "error",
      comment: "commands -> (discord, views, domain, db): a command never reaches the start-up or the entry edges.",
      from: { path: "^src/commands/" },
      to: { path: `^src/(${top}|${edges})` },
    },
    {
      name: "discord-below-commands",
      severity: "error",
      comment: "discord/ adapts discord.js for every feature; it knows no command, entry edge or start-up.",
      from: { path: "^src/discord/" },
      to: { path: `^src/(${top}|${edges}|commands/)` },
    },
    {
      name: "feature-views-draw-only",
      severity: "error",
      comment:
        "A feature's view (commands/<name>/view.ts, chart.ts) takes results and draws them: besides views/ and the domain it reaches only its folder's codec (ids.ts), drawing and model (entries.ts), never a handler or an adapter.",
      from: { path: "^src/commands/[^/]+/(view|chart)\\.ts$" },
      to: {
        path: `^src/(${top}|${edges}|discord/|commands/[^/]+/(?!(ids|view|chart|entries)\\.ts$))`,
      },
    },
    {
      name: "views-below-discord",
      severity: "error",
      comment: "views/ is shared drawing code: it imports the domain's types and helpers, never a command or discord/.",
      from: { path: "^src/views/" },
      to: { path: `^src/(${top}|${edges}|commands/|discord/|context\\.ts$)` },
    },
    {
      name: "domain-below-views",
      severity: "error",
      comment:
        "Domain folders return what happened; drawing and sending is the edges' work (commands/, discord/ adapters).",
      from: { path: `^src/${domain}/` },
      to: { path: `^src/(${top}|${edges}|commands/|discord/|views/|context\\.ts$)` },
    },
    {
      name: "domain-has-no-discord",
      severity: "error",
      comment: "Domain folders, db/ and data/ are plain logic: no discord.js.",
      from: { path: `^src/(${domain}|db|data)/` },
      to: { path: "node_modules/(discord\\.js|@discordjs|discord-api-types)/" },
    },
    {
      name: "context-holds-the-domain",
      severity: "error",
      comment: "The handlers' context names the domain's services; it imports nothing that draws or sends.",
      from: { path: "^src/context\\.ts$" },
      to: { path: `^src/(${top}|${edges}|commands/|discord/|views/)` },
    },
    {
      name: "db-imports-nothing-above",
      severity: "error",
      comment: "db/ holds schema and SQL: it imports only the season file format (data/) and the foundation.",
      from: { path: "^src/db/" },
      to: { path: "^src/", pathNot: "^src/(db/|data/|(config|errors|logger|paths)\\.ts$)" },
    },
    {
      name: "data-is-the-bottom",
      severity: "error",
      comment: "data/ is the season file format and its reader: only the foundation below it.",
      from: { path: "^src/data/" },
      to: { path: "^src/", pathNot: "^src/(data/|(config|errors|logger|paths)\\.ts$)" },
    },
    {
      name: "foundation-imports-nothing",
      severity: "error",
      comment: "config, errors, logger and paths are used by every layer, so they import none of ours.",
      from: { path: "^src/(config|errors|logger|paths)\\.ts$" },
      to: { path: "^src/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
