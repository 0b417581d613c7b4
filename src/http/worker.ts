/**
 * An HTTP-only worker's client (GATEWAY=off): no gateway connection, no shards, no guild cache. It gets its token for
 * REST and the two things a gateway READY would have told it, the application and the bot user, from REST, so
 * discord.js code that reads `client.application` or `client.user` works the same in both modes.
 */
import { type APIApplication, type APIUser, type Client, ClientApplication, ClientUser, Routes } from "discord.js";

type Constructor<T> = new (client: Client, data: unknown) => T;

export async function loginWithoutGateway(client: Client, token: string): Promise<void> {
  client.token = token;
  client.rest.setToken(token);
  const [application, user] = (await Promise.all([
    client.rest.get(Routes.currentApplication()),
    client.rest.get(Routes.user()),
  ])) as [APIApplication, APIUser];
  // The same objects discord.js builds from READY (their constructors are internal in its typings).
  const mutable = client as { application: ClientApplication | null; user: ClientUser | null };
  mutable.application = new (ClientApplication as unknown as Constructor<ClientApplication>)(client, application);
  mutable.user = new (ClientUser as unknown as Constructor<ClientUser>)(client, user);
}
