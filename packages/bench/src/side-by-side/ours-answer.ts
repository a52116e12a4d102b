#!/usr/bin/env node
// `node dist/side-by-side/ours-answer.js LEDGER VALID_AT KNOWN_AT [--no-verify]`: our whole process
// answering the same as-of question as DuckDB (active co-ops per province, valid at V, known at K)
// through the CLI's load path (chain check unless --no-verify, then the persisted index reopened or
// built) and one snapshot query per province; prints { answer: { province: count }, queryMs, indexOrigin }.
// As the executable does, the chain check is started before the rest of the program is loaded: only
// `checkChainAhead` (and what it needs) is imported statically, the rest by `import()`.
import { checkChainAhead } from "@coop-ledger/cli";

const args = process.argv.slice(2);
const [path, validAt, knownAt] = args;
if (path === undefined || validAt === undefined || knownAt === undefined)
  throw new Error("usage: ours-answer LEDGER VALID_AT KNOWN_AT [--no-verify]");
const verify = !args.includes("--no-verify");
if (verify) checkChainAhead(path);
const { answerQuestion } = await import("./ours-question.js");
process.stdout.write(`${JSON.stringify(await answerQuestion(path, validAt, knownAt, verify))}\n`);
