import { describe, expect, it } from "vitest";
import { parseRedisUrl } from "../src/cluster/redisUrl.ts";
import { relocsimHere } from "./relocsim.ts";

describe("--redis URLs", () => {
  it("host, port, database, user and password, TLS; shown without credentials", () => {
    expect(parseRedisUrl("redis://127.0.0.1")).toEqual({ options: { host: "127.0.0.1", port: 6379, db: 0 }, shown: "redis://127.0.0.1" });
    expect(parseRedisUrl("redis://:s%40cret@10.0.0.5:6380/2")).toEqual({ options: { host: "10.0.0.5", port: 6380, db: 2, password: "s@cret" }, shown: "redis://***@10.0.0.5:6380/2" });
    expect(parseRedisUrl("rediss://relocsim:pw@redis.lab:6379")).toEqual({
      options: { host: "redis.lab", port: 6379, db: 0, username: "relocsim", password: "pw", tls: { servername: "redis.lab" } },
      shown: "rediss://***@redis.lab:6379",
    });
    expect(parseRedisUrl("redis://[::1]:7000").options).toMatchObject({ host: "::1", port: 7000 });
  });

  it.each([
    ["http://user:hunter2@host", 'invalid --redis: "http://***@host" (expected a Redis URL'],
    ["redis://:hunter2@host/x", 'invalid --redis: "redis://***@host/x" (expected a Redis URL redis://[:password@]host[:port][/db] (rediss:// for TLS), e.g. redis://127.0.0.1:6379: the path is a database number, e.g. /0)'],
    ["not a url :hunter2@", "invalid --redis:"],
    ["redis://:hunter2@host?db=1", "without ?query or #fragment"],
  ])("%s is refused naming --redis, without the password", (url, message) => {
    let error: Error | undefined;
    try {
      parseRedisUrl(url);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain("hunter2");
  });

  it("relocsim worker without --redis, or with a bad --concurrency, is bad input (exit 2)", async () => {
    const none = await relocsimHere("worker");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(`invalid --redis: "(none)" (expected the URL of the cluster's Redis server`);
    const zero = await relocsimHere("worker", "--redis", "redis://127.0.0.1:1", "--concurrency", "0");
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('invalid --concurrency: "0" (expected a whole number from 1 to 1024)');
  });
});
