import type { State } from "../kernel/state.js";
import type { Random } from "../kernel/random.js";

/**
 * The within-site neighbour network: a Watts-Strogatz small world over the site's households
 * (ring lattice of `degree` neighbours, each link rewired to a random household of the same
 * site with probability `rewire`). Sites smaller than degree + 1 connect everyone.
 */
export function buildNetwork(st: State, s: number, rewire: number, r: Random): void {
  const H = st.households;
  const deg = H.degree;
  const h0 = st.sites.hhStart[s]!;
  const n = st.sites.hhEnd[s]! - h0;
  for (let i = 0; i < n; i++) {
    const base = (h0 + i) * deg;
    if (n <= deg) {
      let k = 0;
      for (let j = 0; j < n; j++) if (j !== i) H.neighbours[base + k++] = h0 + j;
      continue;
    }
    for (let k = 0; k < deg; k++) {
      const offset = (k >> 1) + 1;
      let j = k % 2 === 0 ? (i + offset) % n : (i - offset + n) % n;
      if (r() < rewire) {
        const t = Math.floor(r() * (n - 1));
        j = t >= i ? t + 1 : t;
      }
      H.neighbours[base + k] = h0 + j;
    }
  }
}
