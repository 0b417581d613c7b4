/**
 * Import rules checked by `npm run lint` (dependency-cruiser): no cycles anywhere, the bot's src/ never reaches into
 * the tools (local Discord, console, data build), and the layers point one way.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles make the load order matter and the layers meaningless.",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "src-imports-no-tools",
      severity: "error",
      comment: "src/ is what the bot runs; the local Discord, the console and the data build are tools around it.",
      from: { path: "^src/" },
      to: { path: "^(tools|tests|bench)/" },
    },
    {
      name: "queries-hold-sql-only",
      severity: "error",
      comment: "db/ holds schema and SQL; it imports no domain, view or Discord code.",
      from: { path: "^src/db/" },
      to: {
        path: "^src/(commands|events|discord|views|polls|lookups|admin|scheduler|jobs|leagues|reminders|exports)/",
      },
    },
    {
      name: "layers-point-one-way",
      severity: "error",
      comment:
        "commands -> domain services -> queries and views; below a command, only views take its custom_id codec (ids.ts).",
      from: {
        path: "^src/(polls|lookups|admin|standings|text|data|jobs|db|views|discord|events|reminders|exports|leagues)/",
      },
      to: { path: "^src/commands/", pathNot: "^src/commands/[^/]+/ids\\.ts$" },
    },
    {
      name: "domain-has-no-discord",
      severity: "error",
      comment: "Domain folders are plain logic: no discord.js.",
      from: { path: "^src/(standings|polls|lookups|admin|leagues|reminders|exports|text|data)/" },
      to: { path: "node_modules/(discord\\.js|@discordjs)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
