/** The local Discord: Discord's gateway and REST API in-process, for end-to-end tests, the console and benchmarks. */

export type { UploadedFile } from "./body.js";
export { FastForwardClock } from "./clock.js";
export type { CommandWrite } from "./commands.js";
export type { DiscordErrorBody, FieldError } from "./errors.js";
export type { MemberView, MessageEvent } from "./feed.js";
export type { DispatchTarget, GatewaySessionInfo } from "./gateway.js";
export {
  type AssertOptions,
  type AutocompleteResult,
  type DispatchOptions,
  LocalDiscord,
  type LocalDiscordOptions,
  type ModalSubmitInput,
} from "./harness.js";
export type {
  FirstResponse,
  InteractionKind,
  InteractionRecord,
  InteractionRequest,
  InteractionRequestKind,
  SettleOptions,
} from "./interaction.js";
export type { AttachmentView, MessageChange, MessageView } from "./messages.js";
export type {
  AutocompleteInput,
  ComponentInput,
  InteractionContextInput,
  ModalInput,
  OptionValue,
  SelectInput,
  SlashInput,
  SlashOptionValue,
} from "./payloads.js";
export type { RateLimitConfig, RateLimitHit } from "./ratelimit.js";
export type { Violation, ViolationKind } from "./server.js";
export type { AttachmentInput } from "./uploads.js";
export type { ChannelInput, GuildInput, LocalGuild, MemberInput, RoleInput, UserRef } from "./world.js";
