/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from here. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/** Makes Discord-shaped snowflakes: timestamp in the high bits so ids sort by creation time like real ones. */
export function createSnowflakeFactory(workerId = 1): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    const ms = BigInt(Date.now()) - DISCORD_EPOCH;
    return ((ms << 22n) | (BigInt(workerId & 0x1f) << 17n) | increment).toString();
  };
}

/**
 * Guild ids as real servers have them: created at different moments, one millisecond apart going back from an hour
 * ago, so (id >> 22) % shards spreads them over shards as on Discord (ids made in one burst would share a shard).
 */
export function createGuildIdFactory(): () => string {
  let ms = BigInt(Date.now() - 3_600_000) - DISCORD_EPOCH;
  return () => {
    ms -= 1n;
    return ((ms << 22n) | (2n << 17n)).toString();
  };
}
