/**
 * Merge `child` over `parent`: plain objects merge key by key, anything else (numbers,
 * strings, arrays) in the child replaces the parent's value. Neither argument is changed.
 * Keys such as "__proto__" or "constructor" are ordinary own keys here (JSON.parse makes
 * them so), merged like any other, so validation sees and refuses them.
 */
export function deepMerge<T>(parent: T, child: unknown): T {
  if (!isPlainObject(parent) || !isPlainObject(child)) return structuredClone(child === undefined ? parent : child) as T;
  const out: Record<string, unknown> = structuredClone(parent) as Record<string, unknown>;
  for (const [k, v] of Object.entries(child)) {
    // defineProperty, not assignment: `out["__proto__"] = v` would replace out's prototype.
    const value = Object.hasOwn(out, k) ? deepMerge(out[k], v) : structuredClone(v);
    Object.defineProperty(out, k, { value, writable: true, enumerable: true, configurable: true });
  }
  return out as T;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
