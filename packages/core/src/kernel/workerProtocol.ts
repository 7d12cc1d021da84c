/** Shared control words between the main thread and a step worker. */
export const CTL_REQUEST = 0;
export const CTL_DONE = 1;
export const CTL_ERROR = 2;
export const STOP = -2;

export function writeError(buf: Uint8Array, text: string): void {
  const bytes = new TextEncoder().encode(text.slice(0, buf.length - 1));
  buf.set(bytes.subarray(0, buf.length));
}
export function readError(buf: Uint8Array): string {
  const end = buf.indexOf(0);
  return new TextDecoder().decode(buf.slice(0, end < 0 ? buf.length : end));
}
