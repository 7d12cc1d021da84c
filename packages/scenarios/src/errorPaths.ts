import { InputError, InputErrors } from "@relocsim/core";

/** The hint of an InputError (the text after "(expected …); "), if it has one. */
export function hintOf(e: InputError): string | undefined {
  const bare = new InputError(e.field, e.value, e.expected).message;
  return e.message.length > bare.length ? e.message.slice(bare.length + 2) : undefined;
}

/** The same error at another JSON path and/or with a note added to its hint. */
export function restate(e: InputError, field: string, note?: string): InputError {
  const hint = [hintOf(e), note].filter(Boolean).join("; ");
  return new InputError(field, e.value, e.expected, hint || undefined);
}

/** Run `f`, collecting its input errors (one or many) into `errors`; anything else is rethrown. */
export function collect<T>(errors: InputError[], f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputErrors) errors.push(...e.errors);
    else if (e instanceof InputError) errors.push(e);
    else throw e;
    return undefined;
  }
}

/** "a.b" from a JSON path prefix and a key; the prefix may be empty (the file's top level). */
export function joinPath(where: string, key: string): string {
  return where ? `${where}.${key}` : key;
}
