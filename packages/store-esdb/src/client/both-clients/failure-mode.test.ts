import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// What goes wrong WITHOUT the adapter's isolation, in a plain Node process (no test runner):
// require @kurrent/kurrentdb-client, then @eventstore/db-client, both the ordinary way. 6.x's
// generated code re-registers `proto.event_store.client.streams.*` globally, and Kurrent's own
// classes then look up 6.x's at call time: building a BatchAppend request (what Kurrent's first
// append does) throws inside google-protobuf. The client's append never settles after that (the
// issue's "hangs"). The same steps with only Kurrent loaded succeed, so the throw is the collision.
const req = createRequire(import.meta.url);
const script = (loadSecond: boolean) => `
  const kurrentDir = require.resolve(${JSON.stringify(req.resolve("@kurrent/kurrentdb-client/package.json"))}).replace(/package\\.json$/, "");
  require(kurrentDir);
  if (${loadSecond}) require(${JSON.stringify(req.resolve("@eventstore/db-client"))});
  const pb = require(kurrentDir + "generated/kurrentdb/protocols/v1/streams_pb.js");
  const { Empty } = require(kurrentDir + "generated/kurrentdb/protocols/v1/shared_pb.js");
  try {
    new pb.BatchAppendReq.Options().setDeadline21100(new Empty());
    console.log("ok");
  } catch (e) {
    console.log("threw: " + e.message);
  }`;
const run = (loadSecond: boolean): string =>
  execFileSync(process.execPath, ["-e", script(loadSecond)], { encoding: "utf8" }).trim();

describe("both clients loaded the ordinary way into one process (the failure the adapter avoids)", () => {
  it("Kurrent alone builds its append request", () => {
    expect(run(false)).toBe("ok");
  });
  it("Kurrent, then 6.x: Kurrent's append request throws inside google-protobuf", () => {
    expect(run(true)).toMatch(/^threw: Cannot read properties of undefined/);
  });
});
