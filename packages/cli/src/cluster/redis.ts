import { Redis } from "ioredis";
import { ClusterError } from "./clusterError.js";
import { CONNECT_SECONDS, type RedisTarget } from "./redisUrl.js";

/**
 * A Redis connection for BullMQ, once Redis has answered: within CONNECT_SECONDS, or a
 * ClusterError naming the URL (without credentials) and why. After it is up, it reconnects by
 * itself when the connection drops (BullMQ's workers need `maxRetriesPerRequest: null`).
 */
export async function connectRedis(target: RedisTarget, name: string): Promise<Redis> {
  const probe = new Redis({ ...target.options, lazyConnect: true, connectTimeout: CONNECT_SECONDS * 1000, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectionName: name });
  let why = "";
  probe.on("error", (e: Error) => (why ||= e.message));
  try {
    await withTimeout(probe.connect().then(() => probe.ping()), CONNECT_SECONDS * 1000);
  } catch (e) {
    probe.disconnect();
    const reason = why || (e as Error).message;
    throw new ClusterError(`cannot reach Redis at ${target.shown} within ${CONNECT_SECONDS} s: ${reason.replace(/\s+$/, "")}; start redis-server there (see docs/cluster.md) or give another --redis URL`);
  }
  probe.disconnect();
  const redis = new Redis({ ...target.options, connectTimeout: CONNECT_SECONDS * 1000, maxRetriesPerRequest: null, connectionName: name, retryStrategy: (times) => Math.min(200 * times, 2000) });
  // Errors while reconnecting are reported by whoever waits on the connection (see runTasksOnRedis, redisWorker).
  redis.on("error", () => {});
  return redis;
}

/** `promise`, or a rejection after `ms` milliseconds. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = `no answer within ${ms / 1000} s`): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)))]).finally(() => clearTimeout(timer));
}
