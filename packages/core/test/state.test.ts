import { describe, expect, it } from "vitest";
import { allocHouseholds, allocPersons, allocSites, linkMember, removePerson, takePersonSlot, type State } from "../src/kernel/state.js";
import { members } from "./helpers.js";

/** One site with person slots 0..capacity-1 and two empty households. */
function tiny(capacity: number): State {
  const st: State = { sites: allocSites(1), households: allocHouseholds(2, 2), persons: allocPersons(capacity) };
  st.sites.hhEnd[0] = 2;
  st.sites.pEnd[0] = capacity;
  st.households.first.fill(-1);
  return st;
}

describe("takePersonSlot(st, s)", () => {
  it("hands out the site's slots in order, then freed slots (last freed first), then -1 when full", () => {
    const st = tiny(3);
    const q = [takePersonSlot(st, 0), takePersonSlot(st, 0), takePersonSlot(st, 0)];
    expect(q).toEqual([0, 1, 2]);
    expect(takePersonSlot(st, 0)).toBe(-1);
    for (const p of q) linkMember(st, 0, p);
    removePerson(st, 1);
    removePerson(st, 2);
    expect([takePersonSlot(st, 0), takePersonSlot(st, 0), takePersonSlot(st, 0)]).toEqual([2, 1, -1]);
  });
});

describe("linkMember(st, h, p) and removePerson(st, p)", () => {
  it("keep each household's member list and size in step, removing from the head, middle or tail", () => {
    const st = tiny(6);
    for (let k = 0; k < 5; k++) linkMember(st, 0, takePersonSlot(st, 0));
    linkMember(st, 1, takePersonSlot(st, 0));
    expect(members(st, 0)).toEqual([4, 3, 2, 1, 0]);
    for (const [p, left] of [[2, [4, 3, 1, 0]], [4, [3, 1, 0]], [0, [3, 1]]] as const) {
      removePerson(st, p);
      expect(members(st, 0)).toEqual(left);
      expect(st.households.size[0]).toBe(left.length);
      expect(st.persons.alive[p]).toBe(0);
    }
    expect(members(st, 1)).toEqual([5]);
    expect(st.sites.freeCount[0]).toBe(3);
  });
});

describe("countMembers(st, h) and the counts the step keeps", () => {
  it("after every step, each household's counts by labour state equal a fresh count of its members", async () => {
    const { createSimulation } = await import("../src/index.js");
    const { countMembers } = await import("../src/kernel/state.js");
    const s = createSimulation({ name: "counts", params: { policies: { vocationalTraining: { mode: "needsBased" } } } }, { seed: 4, scale: 600 });
    const H = s.state.households;
    const cols = [H.nLabour, H.nLocal, H.nMigrant, H.nSelf, H.nFarming, H.nTraining];
    for (let step = 0; step < 60; step++) {
      s.step();
      const kept = cols.map((c) => Uint8Array.from(c));
      for (let h = 0; h < H.count; h++) countMembers(s.state, h);
      cols.forEach((c, i) => expect(Array.from(c)).toEqual(Array.from(kept[i]!)));
    }
  });
});
