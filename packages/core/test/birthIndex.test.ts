import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { birthIndex, moveBirthMonth } from "../src/kernel/birthIndex.js";
import { demography } from "../src/model/demography.js";
import { keyed } from "../src/kernel/random.js";
import { stateColumns } from "../src/checkpoint/stateColumns.js";
import type { State } from "../src/kernel/state.js";
import { contextAt, sim } from "./helpers.js";

/** Site s's slots listed under month m. */
const listed = (ix: ReturnType<typeof birthIndex>, s: number, m: number) => Array.from(ix.slots.subarray(ix.start[s * 13 + m - 1]!, ix.start[s * 13 + m]!));

/** Every column of a state, as plain arrays (to compare two states). */
const columns = (st: State) => Object.fromEntries(stateColumns(st).map((c) => [c.name, Array.from(c.array as unknown as ArrayLike<number>)]));

describe("birthIndex(st)", () => {
  it("lists each site's used slots under their birth month, in slot order", () => {
    const s = sim({}, 400);
    const st = s.state;
    const ix = birthIndex(st);
    for (let site = 0; site < st.sites.count; site++) {
      const all: number[] = [];
      for (let m = 1; m <= 12; m++) {
        const qs = listed(ix, site, m);
        expect(qs).toEqual([...qs].sort((a, b) => a - b));
        for (const q of qs) expect(st.persons.birthMonth[q]).toBe(m);
        all.push(...qs);
      }
      expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: st.sites.pNext[site]! - st.sites.pStart[site]! }, (_, k) => st.sites.pStart[site]! + k));
    }
  });
});

describe("moveBirthMonth(ix, s, q, from, to)", () => {
  it("keeps the site's slots grouped by month and sorted, whatever the moves", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(39), fc.integer({ min: 1, max: 12 })), { maxLength: 60 }), (moves) => {
        const s = sim({}, 12);
        const st = s.state;
        const ix = birthIndex(st);
        const used = st.sites.pNext[0]! - st.sites.pStart[0]!;
        const month = new Map<number, number>();
        for (let k = 0; k < used; k++) month.set(st.sites.pStart[0]! + k, st.persons.birthMonth[st.sites.pStart[0]! + k]!);
        for (const [k, to] of moves) {
          const q = st.sites.pStart[0]! + (k % used);
          moveBirthMonth(ix, 0, q, month.get(q)!, to);
          month.set(q, to);
        }
        for (let m = 1; m <= 12; m++) expect(listed(ix, 0, m)).toEqual([...month].filter(([, x]) => x === m).map(([q]) => q).sort((a, b) => a - b));
      }),
      { numRuns: 50 },
    );
  });
});

describe("demography(p, c, st, s, draws, splits, index)", () => {
  it("does with the birth index what it does scanning every slot, and keeps the index equal to one built afresh (ten years, every site)", () => {
    // Births, deaths, marriages and splits well above their defaults, so slots are freed and taken again.
    const params = { demography: { fertility: 0.3, marriage: 0.4, mortalityA: 0.002 } };
    const a = sim(params, 300, 5);
    const b = sim(params, 300, 5);
    const ix = birthIndex(b.state);
    const builtNext = Array.from(b.state.sites.pNext);
    for (let step = 0; step < 120; step++) {
      const c = contextAt(a, step);
      const draws = keyed(5, "demography"), splits = keyed(5, "split");
      draws.step(step);
      splits.step(step);
      for (let s = 0; s < a.state.sites.count; s++) {
        demography(a.params, c, a.state, s, draws, splits);
        demography(b.params, c, b.state, s, draws, splits, ix);
      }
    }
    expect(columns(b.state)).toEqual(columns(a.state));
    // Slots were freed and taken again (a population slot holds its own key until then), and new ones taken.
    const P = b.state.persons, S = b.state.sites;
    let reused = 0, added = 0;
    for (let s = 0; s < S.count; s++) {
      for (let q = S.pStart[s]!; q < builtNext[s]!; q++) if (P.alive[q] && P.key[q] !== q) reused++;
      added += S.pNext[s]! - builtNext[s]!;
    }
    expect(reused).toBeGreaterThan(0);
    expect(added).toBeGreaterThan(0);
    const fresh = birthIndex(b.state);
    expect(Array.from(ix.start)).toEqual(Array.from(fresh.start));
    expect(Array.from(ix.slots)).toEqual(Array.from(fresh.slots));
  });
});
