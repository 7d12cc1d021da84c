import type { RedisOptions } from "ioredis";
import type { RedisOptions as BullRedisOptions } from "bullmq";
import { InputError } from "@relocsim/core";

/**
 * Where the Redis server of a cluster is, from a --redis URL:
 * redis://[[user]:password@]host[:port][/db] (rediss:// for TLS). The URL may carry a
 * password: `shown` is the URL without credentials, the only form relocsim prints or writes.
 */
export interface RedisTarget {
  options: RedisOptions;
  /** The URL without user and password (they are shown as ***), for messages. */
  shown: string;
}

/** Seconds relocsim waits for Redis to answer before it gives up (a clear error, exit 1). */
export const CONNECT_SECONDS = 3;

/** Key prefix of everything relocsim keeps in Redis (BullMQ's queue keys and the plans). */
export const PREFIX = "relocsim";
/** The BullMQ queue of experiment tasks (keys relocsim:tasks:*). */
export const QUEUE = "tasks";

/** Parse a --redis URL (bad input: InputError naming the flag, with the URL shown without its credentials). */
export function parseRedisUrl(text: string, field = "--redis"): RedisTarget {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const expected = "a Redis URL redis://[:password@]host[:port][/db] (rediss:// for TLS), e.g. redis://127.0.0.1:6379";
  // Only the shape is shown when the text cannot be parsed: it may hold a password.
  if (!url) throw new InputError(field, redactText(text), expected);
  const shown = redact(url);
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new InputError(field, shown, expected);
  if (!url.hostname) throw new InputError(field, shown, `${expected}: a host is missing`);
  const port = url.port === "" ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, "");
  const db = path === "" ? 0 : Number(path);
  if (!/^\d*$/.test(path) || !Number.isSafeInteger(db)) throw new InputError(field, shown, `${expected}: the path is a database number, e.g. /0`);
  if (url.search || url.hash) throw new InputError(field, shown, `${expected}, without ?query or #fragment`);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const options: RedisOptions = {
    host,
    port,
    db,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === "rediss:" ? { tls: { servername: host } } : {}),
  };
  return { options, shown };
}

/** The URL as relocsim shows it: user and password replaced by ***. */
function redact(url: URL): string {
  const auth = url.username || url.password ? "***@" : "";
  return `${url.protocol}//${auth}${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}

/** Unparseable text shown without anything up to its last "@" (credentials may be there). */
function redactText(text: string): string {
  const at = text.lastIndexOf("@");
  return at < 0 ? text : `***${text.slice(at)}`;
}

/** BullMQ's connection options for a target (BullMQ makes its own connections, blocking ones included). */
export function bullConnection(target: RedisTarget): BullRedisOptions {
  return { ...target.options, connectTimeout: CONNECT_SECONDS * 1000, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(200 * times, 2000) };
}
