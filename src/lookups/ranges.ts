/** "1-11", or "1-5, 7, 9-11" when numbers are missing: how valid choices are suggested to a user. */
export function describeRange(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const current = sorted[i] as number;
    const next = sorted[i + 1];
    if (next !== current + 1) {
      parts.push(start === current ? `${current}` : `${start}-${current}`);
      start = next;
    }
  }
  return parts.join(", ") || "none";
}
