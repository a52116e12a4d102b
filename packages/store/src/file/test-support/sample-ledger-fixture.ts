import { readFile } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import type { LedgerInfo } from "../file-ledger.js";
import { writeSampleLedger } from "./sample-ledger.js";
import { tempDir } from "./temp-dir.js";

/** The sample ledger written once for a test file: its folder, its info (the anchor) and its lines. */
export interface SampleLedgerFixture {
  dir: string;
  info: LedgerInfo;
  lines: string[];
}

/**
 * Writes the sample ledger (`writeSampleLedger`) in a temporary folder before the file's tests and
 * removes the folder after them; the fields are set once `beforeAll` has run.
 */
export const useSampleLedger = (): SampleLedgerFixture => {
  const fixture = {} as SampleLedgerFixture;
  let remove: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const d = await tempDir();
    remove = d.remove;
    fixture.dir = d.dir;
    fixture.info = await writeSampleLedger(d.dir);
    fixture.lines = (await readFile(fixture.info.path, "utf8")).split("\n").slice(0, -1);
  });
  afterAll(() => remove());
  return fixture;
};
