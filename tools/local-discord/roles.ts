/**
 * Giving and taking a member's role (PUT/DELETE /guilds/{guild}/members/{user}/roles/{role}) as Discord checks it:
 * the bot needs Manage Roles and may only hand out roles below its own, never a managed role or @everyone.
 */
import { PermissionFlagsBits } from "discord.js";
import { DiscordErrors, DiscordHttpError } from "./errors.js";
import { throwError } from "./rest.js";
import type { Route, RouteRequest } from "./router.js";
import type { World } from "./world.js";

const missingPermissions = () => new DiscordHttpError(403, 50013, "Missing Permissions");
const unknownRole = () => new DiscordHttpError(404, 10011, "Unknown Role");

export function memberRoleRoutes(world: World): Route[] {
  const check = ({ params }: RouteRequest) => {
    const guild = world.findGuild(params.guild_id ?? "") ?? throwError(DiscordErrors.unknownGuild());
    const role = world.findRole(guild, params.role_id ?? "") ?? throwError(unknownRole());
    if (!guild.members.has(params.user_id ?? "")) throw DiscordErrors.unknownMember();
    const bot = world.permissions(guild, world.botUser.id);
    const manage = (bot & (PermissionFlagsBits.ManageRoles | PermissionFlagsBits.Administrator)) !== 0n;
    if (!manage || role.managed || role.id === guild.id || role.position >= guild.botRole.position) {
      throw missingPermissions();
    }
    return { roles: world.memberRoles(guild, params.user_id ?? ""), roleId: role.id };
  };
  const template = "/guilds/{guild_id}/members/{user_id}/roles/{role_id}";
  return [
    {
      method: "PUT",
      template,
      auth: true,
      handle: (request) => {
        const { roles, roleId } = check(request);
        if (!roles.includes(roleId)) roles.push(roleId);
        return { status: 204 };
      },
    },
    {
      method: "DELETE",
      template,
      auth: true,
      handle: (request) => {
        const { roles, roleId } = check(request);
        const at = roles.indexOf(roleId);
        if (at >= 0) roles.splice(at, 1);
        return { status: 204 };
      },
    },
  ];
}
