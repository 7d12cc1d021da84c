import { allocHouseholds, allocPersons, allocSites, type State } from "../kernel/state.js";

/** The sizes that fix a state's column layout (allocSites, allocHouseholds, allocPersons). */
export interface StateShape {
  sites: number;
  households: number;
  degree: number;
  persons: number;
}

/** One column of the state as a checkpoint records it: "households.savings", "Float64Array", 12345. */
export interface ColumnInfo {
  name: string;
  type: string;
  length: number;
}

type Column = ArrayBufferView & { length: number };

export function stateShape(st: State): StateShape {
  return { sites: st.sites.count, households: st.households.count, degree: st.households.degree, persons: st.persons.capacity };
}

/** A new, zeroed state of a shape (its columns in shared memory, as a simulation's). */
export function allocState(shape: StateShape): State {
  return { sites: allocSites(shape.sites), households: allocHouseholds(shape.households, shape.degree), persons: allocPersons(shape.persons) };
}

/**
 * Every column of a state, in a fixed order (table, then the order the table allocates its
 * columns): what a checkpoint writes, byte for byte. Sizes (count, degree, capacity) are the shape.
 */
export function stateColumns(st: State): Array<ColumnInfo & { array: Column }> {
  const out: Array<ColumnInfo & { array: Column }> = [];
  for (const [table, columns] of Object.entries(st)) {
    for (const [key, array] of Object.entries(columns as Record<string, unknown>)) {
      if (!ArrayBuffer.isView(array)) continue;
      const a = array as Column;
      out.push({ name: `${table}.${key}`, type: a.constructor.name, length: a.length, array: a });
    }
  }
  return out;
}
