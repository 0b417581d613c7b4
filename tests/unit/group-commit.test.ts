import { describe, expect, test } from "vitest";
import { GroupCommit } from "../../src/polls/groupCommit.js";

/** A write that records each batch and finishes only when the test lets it. */
function recorder() {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const write = async (items: string[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((i) => `stored ${i}`);
  };
  const openNext = async () => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
    gates.shift()?.();
  };
  return { batches, write, openNext };
}

describe("group commit", () => {
  test("GIVEN items arriving while a write is on its way WHEN it commits THEN they go together in the next write, each answered after its own", async () => {
    const { batches, write, openNext } = recorder();
    const group = new GroupCommit(write, (item: string) => item.split(":")[0] ?? item);
    const answered: string[] = [];
    const first = group.submit("a:1").then((r) => answered.push(r));
    await new Promise((r) => setTimeout(r, 5));
    const rest = ["b:1", "c:1", "d:1"].map((item) => group.submit(item).then((r) => answered.push(r)));
    expect(answered).toEqual([]);
    await openNext();
    await first;
    expect(answered).toEqual(["stored a:1"]);
    await openNext();
    await Promise.all(rest);
    expect(batches).toEqual([["a:1"], ["b:1", "c:1", "d:1"]]);
    expect(answered).toEqual(["stored a:1", "stored b:1", "stored c:1", "stored d:1"]);
  });

  test("GIVEN the same member twice in a row WHEN batched THEN the two never share a write, and keep their order", async () => {
    const { batches, write, openNext } = recorder();
    const group = new GroupCommit(write, (item: string) => item.split(":")[0] ?? item);
    const all = ["a:1", "a:2", "b:1"].map((item) => group.submit(item));
    await openNext();
    await openNext();
    await Promise.all(all);
    expect(batches).toEqual([["a:1", "b:1"], ["a:2"]]);
  });

  test("GIVEN a write that fails WHEN batched THEN every item in it is refused and the next batch still goes", async () => {
    let calls = 0;
    const group = new GroupCommit(
      async (items: string[]) => {
        calls++;
        if (calls === 1) throw new Error("database down");
        return items;
      },
      (item: string) => item,
    );
    const failed = [group.submit("a"), group.submit("b")];
    await expect(Promise.all(failed)).rejects.toThrow("database down");
    expect(await group.submit("c")).toBe("c");
  });
});
