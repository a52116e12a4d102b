import { describe, expect, it } from "vitest";
import { renderCsv } from "./csv.js";
import { renderOutput } from "./format.js";
import { formatDecimal, formatPercent, formatVnd, groupDigits } from "./numbers.js";
import { displayWidth, renderTable } from "./table-text.js";

const table = {
  title: "T",
  columns: [
    { key: "name", header: "Tên (name)" },
    { key: "n", header: "n", kind: "int" as const },
  ],
  rows: [
    { name: 'HTX Hàm Thuận, "Bắc"', n: 1234567 },
    { name: "x", n: null },
  ],
};

describe("output formats", () => {
  it("quotes CSV fields per RFC 4180 and keeps numbers raw", () => {
    expect(renderCsv(table)).toBe('name,n\r\n"HTX Hàm Thuận, ""Bắc""",1234567\r\nx,\r\n');
  });

  it("aligns table columns by display width, numbers to the right", () => {
    const lines = renderTable(table).split("\n");
    expect(lines[0]).toBe("T");
    const widths = lines
      .slice(1, 5)
      .filter((l) => l.length > 0)
      .map(displayWidth);
    // every row of an aligned table is as wide as its widest row once the last column is right-aligned
    expect(new Set(widths).size).toBe(1);
    expect(lines[3]).toMatch(/1,234,567$/);
    expect(lines[4]).toMatch(/–$/);
  });

  it("prints JSON unchanged and bigint as decimal strings", () => {
    expect(JSON.parse(renderOutput({ json: { a: 10n ** 20n }, tables: [] }, "json"))).toEqual({
      a: "100000000000000000000",
    });
  });

  it("formats numbers for people", () => {
    expect(groupDigits(-1234567)).toBe("-1,234,567");
    expect(groupDigits(999)).toBe("999");
    expect(formatPercent(0.7145)).toBe("71.5 %");
  });

  it("formats numbers the Vietnamese way on request (dots group, comma decimals)", () => {
    expect(formatVnd(42_556_000_000, "vi")).toBe("42.556.000.000 ₫");
    expect(formatPercent(0.972, "vi")).toBe("97,2 %");
    expect(groupDigits(-1234567, "vi")).toBe("-1.234.567");
    expect(formatDecimal(1234.5, 2, "vi")).toBe("1.234,50");
    expect(formatDecimal(-0.001, 2, "en")).toBe("0.00");
    expect(renderTable(table, "vi").split("\n")[3]).toMatch(/1\.234\.567$/);
  });
});
