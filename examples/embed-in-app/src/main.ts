/**
 * Starts the example service: `COOP_LEDGER_TOKEN` (required, ≥ 16 characters), `LEDGER_PATH`
 * (default `./ledger.jsonl`), `HOST` (default 127.0.0.1), `PORT` (default 3000).
 */
import * as E from "fp-ts/lib/Either.js";
import { buildApp } from "./app.js";

const token = process.env.COOP_LEDGER_TOKEN ?? "";
const app = await buildApp({ ledgerPath: process.env.LEDGER_PATH ?? "ledger.jsonl", token, logger: true });
if (E.isLeft(app)) {
  console.error(`cannot start: ${app.left.message}`);
  process.exit(1);
}
const { server, close } = app.right;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void close().then(() => process.exit(0));
  });
await server.listen({ host: process.env.HOST ?? "127.0.0.1", port: Number(process.env.PORT ?? 3000) });
