import { closeSync, openSync, readSync, statSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { type CliError, fileError } from "../errors/cli-error.js";

/** How many bytes of the file's start are looked at (a header line is far shorter). */
const PROBE_BYTES = 64 * 1024;

/**
 * Checks a `--ledger` path before anything reads it, so that the common wrong inputs get a sentence
 * naming them rather than a parse error at line 1 (or, for a directory, an unexpected failure):
 *
 * - not there, not readable, or not a regular file (a directory, a device): a file error (exit 3);
 * - starts with a UTF-8 byte-order mark (EF BB BF), which editors and some Windows tools add: the
 *   ledger was converted (exit 4, the conversion named);
 * - its first line ends in CR LF (Windows line ends, e.g. from `git config core.autocrlf true` or an
 *   editor): converted too (exit 4, named).
 *
 * A ledger coop-ledger wrote has neither (canonical JSON escapes every control character, and the
 * format has no BOM), so no valid ledger is refused here; the full check (the hash chain) follows.
 *
 * @example
 * import { defaultSampleLedger } from "../src/engine/sample-ledger.js";
 * checkLedgerInput(defaultSampleLedger(process.cwd())) // Right(undefined): the bundled sample ledger
 * @example checkLedgerInput("/tmp") // Left(FileError "/tmp: is a directory")
 */
export const checkLedgerInput = (path: string): E.Either<CliError, void> => {
  let fd: number;
  try {
    const st = statSync(path);
    if (st.isDirectory())
      return E.left({
        _tag: "FileError",
        path,
        message: `${path}: is a directory, not a ledger file`,
        hint: "give the ledger's file path, e.g. --ledger examples/sample-ledgers/province-60.jsonl",
      });
    if (!st.isFile())
      return E.left({
        _tag: "FileError",
        path,
        message: `${path}: not a regular file`,
        hint: "give the ledger's file path (a .jsonl file)",
      });
    fd = openSync(path, "r");
  } catch (e) {
    return E.left(fileError(path, e));
  }
  const head = Buffer.alloc(PROBE_BYTES);
  let n: number;
  try {
    n = readSync(fd, head, 0, PROBE_BYTES, 0);
  } catch (e) {
    return E.left(fileError(path, e));
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, n);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return E.left({
      _tag: "LedgerCorrupt",
      path,
      line: 1,
      message: `${path}: line 1: the file starts with a UTF-8 byte-order mark (BOM, bytes EF BB BF), which a coop-ledger ledger never has: an editor or tool converted it`,
      hint: "use the original file; if the BOM is the only change, removing it (e.g. `tail -c +4 FILE > FIXED`) gives it back; then run `coop-ledger verify --ledger FIXED`",
    });
  const eol = bytes.indexOf(0x0a);
  if (eol > 0 && bytes[eol - 1] === 0x0d)
    return E.left({
      _tag: "LedgerCorrupt",
      path,
      line: 1,
      message: `${path}: line 1: lines end with CR LF (Windows line ends), which a coop-ledger ledger never has: the file was converted (e.g. by git core.autocrlf, a text-mode copy or an editor)`,
      hint: "use the original file; if only the line ends changed, converting them back (e.g. `dos2unix`, or `tr -d '\\r'`) gives it back; then run `coop-ledger verify --ledger FILE`. With git, mark *.jsonl as binary in .gitattributes",
    });
  return E.right(undefined);
};
