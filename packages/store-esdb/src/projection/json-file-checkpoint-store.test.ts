import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterEach, describe, expect, it } from "vitest";
import { jsonFileCheckpointStore } from "./json-file-checkpoint-store.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tmp = async () => {
  const d = await mkdtemp(join(tmpdir(), "esdb-cpf-"));
  dirs.push(d);
  return d;
};

describe("jsonFileCheckpointStore", () => {
  it("a missing file loads as undefined (start from the beginning)", async () => {
    const cps = jsonFileCheckpointStore(join(await tmp(), "none.json"));
    expect(await cps.load()()).toEqual(E.right(undefined));
  });

  it("saves and loads the full position exactly (beyond 2^53) with the state", async () => {
    const file = join(await tmp(), "cp.json");
    const cps = jsonFileCheckpointStore<{ coops: number }>(file);
    const position = { commit: 2n ** 60n + 7n, prepare: 2n ** 60n + 3n };
    expect(E.isRight(await cps.save({ position, state: { coops: 234 } })())).toBe(true);
    expect(await cps.load()()).toEqual(E.right({ position, state: { coops: 234 } }));
    expect(JSON.parse(await readFile(file, "utf8")).position).toEqual({
      commit: "1152921504606846983",
      prepare: "1152921504606846979",
    });
  });

  it("a file that is not a checkpoint is CheckpointUnreadable, not a silent restart", async () => {
    const file = join(await tmp(), "cp.json");
    await writeFile(file, "{ torn");
    expect(await jsonFileCheckpointStore(file).load()()).toMatchObject(
      E.left({ _tag: "CheckpointUnreadable" }),
    );
    await writeFile(
      file,
      JSON.stringify({ format: "coop-ledger/esdb-checkpoint@1", position: { commit: "x" }, state: 1 }),
    );
    expect(await jsonFileCheckpointStore(file).load()()).toMatchObject(
      E.left({ _tag: "CheckpointUnreadable" }),
    );
  });

  it("a state codec validates on load", async () => {
    const file = join(await tmp(), "cp.json");
    const codec = {
      encode: (n: number) => ({ n }),
      decode: (u: unknown) =>
        typeof u === "object" && u !== null && typeof (u as { n?: unknown }).n === "number"
          ? E.right((u as { n: number }).n)
          : E.left("no n"),
    };
    const cps = jsonFileCheckpointStore(file, codec);
    await cps.save({ position: { commit: 1n, prepare: 1n }, state: 5 })();
    expect(await cps.load()()).toEqual(E.right({ position: { commit: 1n, prepare: 1n }, state: 5 }));
  });

  it("a save into a missing directory is CheckpointWriteFailed", async () => {
    const cps = jsonFileCheckpointStore(join(await tmp(), "no", "such", "cp.json"));
    expect(await cps.save({ position: { commit: 1n, prepare: 1n }, state: 0 })()).toMatchObject(
      E.left({ _tag: "CheckpointWriteFailed" }),
    );
  });
});
