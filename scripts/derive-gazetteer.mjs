#!/usr/bin/env node
// Derives the gazetteer shipped in @coop-ledger/domain
// (packages/domain/src/geography/gazetteer-data.generated.ts) from the GSO reference files in
// ../shared/geo: the 63-province district list, the commune list of 2025-03-01 and the 2025-07-01
// commune transfer table. The product never reads ../shared at run time: it ships this compact form,
// which records each source file's name, date, size and SHA-256. The domain's drift test re-runs this
// script (`--stdout`) and compares its output with the committed file byte for byte.
//
//   node scripts/derive-gazetteer.mjs [GEO_DIR]           writes the generated module
//   node scripts/derive-gazetteer.mjs --stdout [GEO_DIR]  prints it instead
//
// GEO_DIR defaults to $COOP_LEDGER_GEO_DIR, else ../shared/geo beside the repository.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("..", import.meta.url));
const OUT = join(REPO, "packages/domain/src/geography/gazetteer-data.generated.ts");
const FILES = {
  districts: "gazetteer-2025-03-01-provinces-districts.json",
  communes: "communes-2025-03-01.csv",
  transfers: "communes-2025-07-01-from-old.csv",
};

const fail = (message) => {
  process.stderr.write(`derive-gazetteer: ${message}\n`);
  process.exit(1);
};

const csvRows = (text, file, columns) => {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines[0] !== columns.join(",")) fail(`${file}: header is not ${columns.join(",")}`);
  return lines.slice(1).map((line, i) => {
    if (line.includes('"')) fail(`${file} line ${i + 2}: quoted fields are not expected`);
    // Fields are trimmed, as the domain's CSV reader does (one commune name ends with a space).
    const cells = line.split(",").map((c) => c.trim());
    if (cells.length !== columns.length) fail(`${file} line ${i + 2}: ${cells.length} fields`);
    return Object.fromEntries(columns.map((c, j) => [c, cells[j]]));
  });
};

// District and commune kinds as one letter; the name is stored without its kind prefix when it starts
// with it ("Phường Phúc Xá" → "PPhúc Xá"), else whole behind the lower-case letter.
const DISTRICT_KIND = { Quận: "Q", Huyện: "H", "Thị xã": "T", "Thành phố": "C" };
const COMMUNE_KIND = { Phường: "P", "Thị trấn": "T", Xã: "X" };
const packName = (kinds, type, name, where) => {
  const k = kinds[type];
  if (k === undefined) fail(`${where}: unknown type "${type}"`);
  if (name === "" || name.includes("|") || name.includes("\n")) fail(`${where}: unusable name "${name}"`);
  return name.startsWith(`${type} `) ? `${k}${name.slice(type.length + 1)}` : `${k.toLowerCase()}${name}`;
};

/** The generated module's text for the files in `geoDir`. */
export const deriveGazetteer = (geoDir) => {
  const raw = Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, readFileSync(join(geoDir, f))]));
  const text = (k) => raw[k].toString("utf8");
  const sources = Object.entries(FILES).map(([k, file]) => ({
    file,
    sha256: createHash("sha256").update(raw[k]).digest("hex"),
    bytes: raw[k].length,
  }));

  const gz = JSON.parse(text("districts"));
  const districtLines = [];
  const districtProvince = new Map();
  const districtName = new Map();
  for (const p of gz.provinces) {
    const ds = p.districts.map((d) => {
      if (!/^\d{3}$/.test(d.code) || districtProvince.has(d.code))
        fail(`district ${d.code}: bad or repeated`);
      districtProvince.set(d.code, p.code);
      districtName.set(d.code, d.name);
      return `${d.code}${packName(DISTRICT_KIND, d.type, d.name, `district ${d.code}`)}`;
    });
    districtLines.push(`${p.code}|${ds.join("|")}`);
  }

  // Communes, grouped by district in file order: "DDD|CCCCCkName|...".
  const communeRows = csvRows(text("communes"), FILES.communes, [
    "provinceCode",
    "districtCode",
    "communeCode",
    "communeName",
    "communeType",
  ]);
  const communeName = new Map();
  const byDistrict = new Map();
  for (const r of communeRows) {
    if (districtProvince.get(r.districtCode) !== r.provinceCode)
      fail(`commune ${r.communeCode}: district ${r.districtCode} is not in province ${r.provinceCode}`);
    if (!/^\d{5}$/.test(r.communeCode) || communeName.has(r.communeCode))
      fail(`commune ${r.communeCode}: bad or repeated`);
    communeName.set(r.communeCode, r.communeName);
    const list = byDistrict.get(r.districtCode) ?? [];
    if (list.length === 0) byDistrict.set(r.districtCode, list);
    list.push(
      `${r.communeCode}${packName(COMMUNE_KIND, r.communeType, r.communeName, `commune ${r.communeCode}`)}`,
    );
  }
  // File order must be district-grouped, or regrouping would reorder the list.
  const order = communeRows.map((r) => r.districtCode);
  for (let i = 1; i < order.length; i++)
    if (order[i] !== order[i - 1] && order.indexOf(order[i]) < i)
      fail(`${FILES.communes}: district ${order[i]} not contiguous`);
  const communeLines = [...byDistrict].map(([d, cs]) => `${d}|${cs.join("|")}`);

  // Transfers, grouped by new commune in file order: "PP|NNNNN|name|OLD+|OLD~|..." (+ full, ~ partial).
  // The old unit's name is not stored: it is the old list's name of that code (checked here).
  const transferRows = csvRows(text("transfers"), FILES.transfers, [
    "newProvinceCode",
    "newCommuneCode",
    "newCommuneName",
    "oldCommuneCode",
    "oldCommuneName",
    "transfer",
  ]);
  const byNew = new Map();
  let previous;
  for (const r of transferRows) {
    const oldName =
      r.oldCommuneCode.length === 3 ? districtName.get(r.oldCommuneCode) : communeName.get(r.oldCommuneCode);
    if (oldName !== r.oldCommuneName)
      fail(
        `transfer ${r.newCommuneCode} ← ${r.oldCommuneCode}: old name "${r.oldCommuneName}" is not the old list's "${oldName}"`,
      );
    if (r.transfer !== "full" && r.transfer !== "partial")
      fail(`transfer ${r.newCommuneCode}: "${r.transfer}"`);
    let entry = byNew.get(r.newCommuneCode);
    if (entry === undefined) {
      entry = { head: `${r.newProvinceCode}|${r.newCommuneCode}|${r.newCommuneName}`, olds: [] };
      byNew.set(r.newCommuneCode, entry);
    } else if (
      entry.head !== `${r.newProvinceCode}|${r.newCommuneCode}|${r.newCommuneName}` ||
      previous !== r.newCommuneCode
    ) {
      fail(`transfer ${r.newCommuneCode}: rows not contiguous or names differ`);
    }
    previous = r.newCommuneCode;
    entry.olds.push(`${r.oldCommuneCode}${r.transfer === "full" ? "+" : "~"}`);
  }
  const transferLines = [...byNew.values()].map((e) => `${e.head}|${e.olds.join("|")}`);

  const lit = (s) => JSON.stringify(s);
  // Each table's TSDoc example reads its first row's first fields, and the value in its trailing comment
  // is taken from that row here, so the example stays true when the reference files change.
  const fields = (row, n) => row.split("|").slice(0, n);
  const array = (name, doc, n, lines) =>
    [
      "/**",
      ` * ${doc}`,
      ` * @example ${name}[0]?.split("|").slice(0, ${n}) // [${fields(lines[0], n).map(lit).join(", ")}]`,
      " */",
      `export const ${name}: ReadonlyArray<string> = [\n${lines.map((l) => `  ${lit(l)},\n`).join("")}];\n`,
    ].join("\n");
  return [
    "// GENERATED by scripts/derive-gazetteer.mjs from the GSO reference files — do not edit by hand.",
    "// Re-run `node scripts/derive-gazetteer.mjs` after the reference files change; the drift test",
    "// (gazetteer-data.drift.test.ts) fails until then. Read through ./gazetteer.ts, not directly.",
    "",
    "/**",
    " * The reference files this module was derived from: name, SHA-256 and size of each, and the day the",
    " * lists were recorded.",
    ' * @example GAZETTEER_SOURCES.files[0].file // "gazetteer-2025-03-01-provinces-districts.json"',
    " */",
    "export const GAZETTEER_SOURCES = {",
    `  recordedOn: ${lit(gz.asRecordedOn)},`,
    `  validTo: ${lit(gz.validTo)},`,
    '  transfersValidFrom: "2025-07-01",',
    "  files: [",
    ...sources.map((s) => `    { file: ${lit(s.file)}, sha256: ${lit(s.sha256)}, bytes: ${s.bytes} },`),
    "  ],",
    "} as const;",
    "",
    array(
      "DISTRICT_ROWS",
      'Per province: "PP|DDDkName|..." (k: Q quận, H huyện, T thị xã, C thành phố; lower case = full name).',
      2,
      districtLines,
    ),
    array(
      "COMMUNE_ROWS",
      'Per district: "DDD|CCCCCkName|..." (k: P phường, T thị trấn, X xã; lower case = full name).',
      2,
      communeLines,
    ),
    array(
      "TRANSFER_ROWS",
      'Per 2025 commune: "PP|NNNNN|name|OLD+|OLD~|..." (+ full, ~ partial transfer of the old unit).',
      4,
      transferLines,
    ),
  ].join("\n");
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const toStdout = args.includes("--stdout");
  const dir =
    args.find((a) => !a.startsWith("--")) ?? (process.env.COOP_LEDGER_GEO_DIR || join(REPO, "../shared/geo"));
  const out = deriveGazetteer(dir);
  if (toStdout) process.stdout.write(out);
  else {
    writeFileSync(OUT, out);
    process.stderr.write(`derive-gazetteer: wrote ${OUT} (${out.length} characters) from ${dir}\n`);
  }
}
