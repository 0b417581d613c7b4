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
