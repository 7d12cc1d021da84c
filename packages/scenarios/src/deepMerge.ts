/**
 * Merge `child` over `parent`: plain objects merge key by key, anything else (numbers,
 * strings, arrays) in the child replaces the parent's value. Neither argument is changed.
 */
export function deepMerge<T>(parent: T, child: unknown): T {
  if (!isPlainObject(parent) || !isPlainObject(child)) return structuredClone(child === undefined ? parent : child) as T;
  const out: Record<string, unknown> = structuredClone(parent) as Record<string, unknown>;
  for (const [k, v] of Object.entries(child)) out[k] = k in out ? deepMerge(out[k], v) : structuredClone(v);
  return out as T;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
