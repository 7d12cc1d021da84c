import type { State } from "../../packages/core/src/kernel/state.ts";

/** Bytes of every typed-array column of the state, by table: what one step can touch. */
export function stateBytes(st: State): { sites: number; households: number; persons: number; total: number } {
  const sum = (table: object) => {
    let b = 0;
    for (const v of Object.values(table)) if (ArrayBuffer.isView(v)) b += v.byteLength;
    return b;
  };
  const sites = sum(st.sites);
  const households = sum(st.households);
  const persons = sum(st.persons);
  return { sites, households, persons, total: sites + households + persons };
}
