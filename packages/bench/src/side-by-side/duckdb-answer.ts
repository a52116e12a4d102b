#!/usr/bin/env node
// `node dist/side-by-side/duckdb-answer.js LEDGER VALID_AT KNOWN_AT`: DuckDB's whole process answering the
// as-of question (see as-of-sql.ts) from the JSONL ledger; prints { province: count } as JSON. Timed
// from outside (wall, peak RSS) by the cold-CLI bench.
import { DuckDBInstance } from "@duckdb/node-api";
import { asOfSql } from "./as-of-sql.js";

const [path, validAt, knownAt] = process.argv.slice(2);
if (path === undefined || validAt === undefined || knownAt === undefined)
  throw new Error("usage: duckdb-answer LEDGER VALID_AT KNOWN_AT");
const db = await DuckDBInstance.create(":memory:");
const conn = await db.connect();
const reader = await conn.runAndReadAll(asOfSql(path, validAt, knownAt));
const out: Record<string, number> = {};
for (const r of reader.getRowObjects()) out[String(r.province)] = Number(r.active);
process.stdout.write(`${JSON.stringify(out)}\n`);
