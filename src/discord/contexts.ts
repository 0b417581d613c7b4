import { ApplicationIntegrationType, InteractionContextType } from "discord.js";

/**
 * Where a command can be used. Lookups answer anywhere: installed to a server or to a member's own account, in
 * servers, the bot's DMs and group DMs; their answers are interaction responses only, which Discord allows even
 * where the bot is not a member. Polls, predictions, leagues, reminders, settings and admin belong to a server.
 */
export const availability = {
  anywhere: {
    integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  },
  serverOnly: {
    integrationTypes: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
  },
} as const;

interface Placeable {
  setIntegrationTypes(...types: ApplicationIntegrationType[]): unknown;
  setContexts(...contexts: InteractionContextType[]): unknown;
}

/** Sets a command definition's integration types and contexts; returns the builder. */
export function usableIn<B extends Placeable>(builder: B, where: keyof typeof availability): B {
  builder.setIntegrationTypes(...availability[where].integrationTypes);
  builder.setContexts(...availability[where].contexts);
  return builder;
}
