import { describe, expect, it } from "vitest";
import { buildNetwork } from "../src/model/network.js";
import { buildPopulation } from "../src/model/population.js";
import { resolveParams } from "../src/params/resolve.js";
import { stream } from "../src/kernel/random.js";
import type { State } from "../src/kernel/state.js";
import { sim } from "./helpers.js";

function neighbours(st: State, h: number): number[] {
  const d = st.households.degree;
  return Array.from(st.households.neighbours.subarray(h * d, (h + 1) * d));
}

describe("buildNetwork(st, s, rewire, r)", () => {
  it("gives every household `degree` neighbours in its own site, never itself (as createSimulation builds it)", () => {
    const st = sim({}, 1000).state;
    const H = st.households;
    expect(H.degree).toBe(6);
    let bad = 0;
    for (let h = 0; h < H.count; h++) {
      const s = H.site[h]!;
      const n = st.sites.hhEnd[s]! - st.sites.hhStart[s]!;
      for (const o of neighbours(st, h)) {
        if (o === -1) { if (n > H.degree) bad++; continue; }
        if (o === h || H.site[o] !== s) bad++;
      }
    }
    expect(bad).toBe(0);
  });

  it("is a ring lattice with rewire 0: neighbours are the degree/2 households either side", () => {
    const { params } = resolveParams({ population: { networkRewire: 0 } });
    const st = buildPopulation(params, 600, 1);
    const s = 0;
    buildNetwork(st, s, 0, stream(1, s, "network"));
    const h0 = st.sites.hhStart[s]!;
    const n = st.sites.hhEnd[s]! - h0;
    expect(n).toBeGreaterThan(6);
    const h = h0 + 10;
    expect(neighbours(st, h).sort((a, b) => a - b)).toEqual([h - 3, h - 2, h - 1, h + 1, h + 2, h + 3]);
    // Each link of the lattice goes both ways.
    let asymmetric = 0;
    for (let k = h0; k < h0 + n; k++) for (const o of neighbours(st, k)) if (!neighbours(st, o).includes(k)) asymmetric++;
    expect(asymmetric).toBe(0);
  });

  it("rewires about `rewire` of the links to random households of the site", () => {
    const { params } = resolveParams({});
    const st = buildPopulation(params, 3000, 1);
    const s = 0;
    buildNetwork(st, s, 0.3, stream(7, s, "network"));
    const h0 = st.sites.hhStart[s]!;
    const n = st.sites.hhEnd[s]! - h0;
    let links = 0, far = 0;
    for (let h = h0; h < h0 + n; h++) {
      for (const o of neighbours(st, h)) {
        links++;
        const dist = Math.min(Math.abs(o - h), n - Math.abs(o - h));
        if (dist > 3) far++;
      }
    }
    // A rewired link lands within 3 of its household with probability 6/(n-1) only.
    expect(far / links).toBeGreaterThan(0.25);
    expect(far / links).toBeLessThan(0.35);
  });

  it("connects everyone in a site no larger than degree + 1", () => {
    const { params } = resolveParams({ population: { networkDegree: 30, siteSizeSigma: 2 } });
    const st = buildPopulation(params, 2000, 1);
    const size = (k: number) => st.sites.hhEnd[k]! - st.sites.hhStart[k]!;
    const s = Array.from({ length: st.sites.count }, (_, k) => k).find((k) => size(k) >= 5 && size(k) <= 31)!;
    const h0 = st.sites.hhStart[s]!;
    const n = st.sites.hhEnd[s]! - h0;
    expect(n).toBeGreaterThanOrEqual(5);
    expect(n).toBeLessThanOrEqual(31);
    buildNetwork(st, s, 0.1, stream(1, s, "network"));
    for (let h = h0; h < h0 + n; h++) {
      const others = neighbours(st, h).filter((o) => o >= 0).sort((a, b) => a - b);
      expect(others).toEqual(Array.from({ length: n }, (_, i) => h0 + i).filter((o) => o !== h));
    }
  });
});
