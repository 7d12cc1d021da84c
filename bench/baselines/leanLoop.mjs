// The lean reference loop of the national bench (types: leanLoop.d.mts). Plain JavaScript, so
// that its worker threads start without tsx: loading TypeScript through tsx makes V8 check
// every typed-array access for a detached buffer in that thread, which the engine's worker
// threads (on compiled dist/) do not pay either.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * The engine's generator (kernel/random.ts `KeyedStream`, repeated here so this file needs no
 * build): two key words from seedrandom's alea per (seed, process), per step two words hashed
 * from them, and each draw one triple32 hash of a Weyl sequence started at the entity's id.
 */
const seedrandom = createRequire(new URL("../../packages/core/package.json", import.meta.url))("seedrandom");
function triple32(x) {
  x ^= x >>> 17;
  x = Math.imul(x, 0xed5ad4bb);
  x ^= x >>> 11;
  x = Math.imul(x, 0xac4c1b51);
  x ^= x >>> 15;
  x = Math.imul(x, 0x31848bab);
  x ^= x >>> 14;
  return x;
}
const UNIT = 2.3283064365386963e-10;
class Keyed {
  constructor(seed) {
    const alea = seedrandom.alea(`relocsim:${seed}:lean`);
    this.k0 = alea.int32();
    this.k1 = alea.int32();
    this.s0 = 0;
    this.s1 = 0;
  }
  step(t) {
    this.s0 = triple32(this.k0 ^ triple32((t + 0x632be5ab) | 0));
    this.s1 = triple32(this.k1 ^ triple32((t + 0x1b873593) | 0));
  }
}

/** Every typed column of a table, with its values per row (rings of 12, neighbour lists, …). */
function columns(table, rows, skip) {
  const out = [];
  for (const v of Object.values(table)) {
    if (!ArrayBuffer.isView(v) || v instanceof DataView || v === skip) continue;
    out.push({ values: v, perRow: Math.max(1, Math.round(v.length / Math.max(1, rows))) });
  }
  return out;
}

/** The lean loop over sites [s0, s1) of a state: draws keyed by household, as the engine's. */
export function leanRange(state, seed, s0, s1) {
  const random = new Keyed(seed);
  const households = columns(state.households, state.households.count, null);
  // Person columns are per slot; the free stack is scratch, not state a step reads.
  const persons = columns(state.persons, state.persons.capacity, state.persons.freeStack);
  return { state, s0, s1, random, households, persons, carry: 0 };
}

/**
 * One month of the lean loop (see leanLoop.d.mts): per site, the month's draws for its
 * households, then each household column (of a 12-month ring only this month's slot, as the
 * engine) and each person column over the site's rows, read and written back unchanged.
 */
export function leanStep(r, step, drawsPerHousehold) {
  const S = r.state.sites;
  const slot = ((step % 12) + 12) % 12;
  let total = 0;
  const random = r.random;
  random.step(step);
  const { s0: k0, s1: k1 } = random;
  for (let s = r.s0; s < r.s1; s++) {
    const h0 = S.hhStart[s], h1 = S.hhEnd[s];
    let sum = 0;
    let carry = r.carry;
    for (let h = h0; h < h1; h++) {
      carry += drawsPerHousehold;
      // Positioned at the household (the engine's at(id)), then its draws of the month.
      let x = k0 ^ h;
      const w = (k1 ^ Math.imul(h, 0x9e3779b9)) | 1;
      for (; carry >= 1; carry--) {
        sum += (triple32(x) >>> 0) * UNIT;
        x = (x + w) | 0;
      }
    }
    r.carry = carry;
    total += sum;
    // 1, but not known to the compiler: floats are multiplied by it (a real operation, value unchanged).
    const one = 1 + sum * 0;
    for (const c of r.households) {
      if (c.perRow === 12) pass(c.values, h0 * 12 + slot, h1 * 12 + slot, 12, one);
      else pass(c.values, h0 * c.perRow, h1 * c.perRow, 1, one);
    }
    const p0 = S.pStart[s], p1 = S.pNext[s];
    for (const c of r.persons) pass(c.values, p0, p1, 1, one);
  }
  return total;
}

/** Read and write back a[lo], a[lo + by], … below hi: one monomorphic loop per element type. */
function pass(a, lo, hi, by, one) {
  if (a instanceof Float64Array) passF64(a, lo, hi, by, one);
  else if (a instanceof Float32Array) passF32(a, lo, hi, by, one);
  else if (a instanceof Int32Array) passI32(a, lo, hi, by);
  else if (a instanceof Int16Array) passI16(a, lo, hi, by);
  else passU8(a, lo, hi, by);
}
function passF64(a, lo, hi, by, one) {
  for (let i = lo; i < hi; i += by) a[i] = a[i] * one;
}
function passF32(a, lo, hi, by, one) {
  for (let i = lo; i < hi; i += by) a[i] = a[i] * one;
}
function passI32(a, lo, hi, by) {
  for (let i = lo; i < hi; i += by) a[i] = a[i] | 0;
}
function passI16(a, lo, hi, by) {
  for (let i = lo; i < hi; i += by) a[i] = a[i] | 0;
}
function passU8(a, lo, hi, by) {
  for (let i = lo; i < hi; i += by) a[i] = a[i] | 0;
}

/** Contiguous ranges of sites of about equal households: the engine's cuts (packages/core/src/simulation.ts). */
export function siteCuts(state, threads) {
  const S = state.sites;
  const households = state.households.count;
  const cuts = [0];
  const n = Math.min(threads, S.count);
  for (let k = 1; k < n; k++) {
    const target = (households * k) / n;
    let s = cuts[k - 1] + 1;
    while (s < S.count - (n - k) && S.hhEnd[s - 1] < target) s++;
    cuts.push(s);
  }
  cuts.push(S.count);
  return cuts;
}

/**
 * The lean loop on `threads` threads over a state in shared memory: this thread steps the
 * first range, worker threads (leanWorker.mjs) the others.
 */
export async function leanLoop(state, seed, threads) {
  const cuts = siteCuts(state, threads);
  const local = leanRange(state, seed, cuts[0], cuts[1]);
  const workers = cuts.slice(1, -1).map((s0, k) => new Worker(new URL("./leanWorker.mjs", import.meta.url), { workerData: { state, seed, s0, s1: cuts[k + 2] } }));
  // Each worker answers every request once (the first answer: ready); an error fails the wait.
  const waiting = new Map();
  for (const w of workers) {
    w.on("message", (m) => waiting.get(w)?.resolve(m));
    w.on("error", (e) => waiting.get(w)?.reject(e));
  }
  const reply = (w) => new Promise((resolve, reject) => waiting.set(w, { resolve, reject }));
  await Promise.all(workers.map(reply));
  return {
    async step(step, drawsPerHousehold) {
      const answers = workers.map(reply);
      for (const w of workers) w.postMessage({ step, drawsPerHousehold });
      let total = leanStep(local, step, drawsPerHousehold);
      for (const x of await Promise.all(answers)) total += x;
      return total;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
