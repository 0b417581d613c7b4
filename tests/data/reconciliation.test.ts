import { describe, expect, it } from "vitest";
import { EXPLAINED } from "../../tools/data-build/explained.js";
import { explanationFor, reconcileSeason } from "../../tools/data-build/reconcile.js";
import { reference, seasons } from "./helpers.js";

describe("reconciliation with the MCM weekly figures (data/reference/mcm-weekly.json)", () => {
  const ref = reference();
  const checks = seasons().flatMap((s) => {
    const r = ref.seasons.find((x) => x.season === s.season);
    return r ? reconcileSeason(s, r) : [];
  });
  const compared = checks.filter((c) => c.status !== "weekly-only");
  const agree = compared.filter((c) => c.status === "agree");
  const differ = compared.filter((c) => c.status !== "agree");
  const explained = differ.filter((c) => explanationFor(c, EXPLAINED));

  it("covers all 34 seasons", () => {
    expect(ref.seasons.map((s) => s.season)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
  });

  it("compares season 34 dance by dance: all 106 scored couple-weeks agree with MCM", () => {
    const s34 = checks.filter((c) => c.season === 34);
    expect(s34.filter((c) => c.status === "agree")).toHaveLength(106);
    expect(s34.filter((c) => c.status !== "agree")).toEqual([]);
  });

  it("explains every difference (fixed in the importer or listed with its reason)", () => {
    const unexplained = differ.filter((c) => !explanationFor(c, EXPLAINED));
    expect(unexplained.map((c) => `S${c.season} W${c.week} ${c.couple} ${c.status} ${c.detail ?? ""}`)).toEqual([]);
  });

  it("reproduces the published counts", () => {
    expect({ total: compared.length, agree: agree.length, explained: explained.length }).toEqual({
      total: 2758,
      agree: 2693,
      explained: 65,
    });
    expect(agree.length / compared.length).toBeGreaterThan(0.95);
  });

  it("has no stale explanation (each one matches at least one difference)", () => {
    for (const e of EXPLAINED)
      expect(
        differ.some((c) => explanationFor(c, [e])),
        JSON.stringify(e),
      ).toBe(true);
  });
});
