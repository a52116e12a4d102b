import type { CommuneOrigins, Location } from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { cellInScope, coopCell, parseCell, provinceIn } from "./cells.js";
import { locationOrigin, placeOrigin } from "./origin.js";

const at = (l: object) => l as Location;
const origins: CommuneOrigins = (code) =>
  code === "24611"
    ? { province: "67" as never, split: false, from: ["67" as never] }
    : code === "31582"
      ? { province: "94" as never, split: true, from: ["93" as never, "94" as never] }
      : undefined;

describe("locationOrigin: old provinces keep their co-ops after 2025-07-01", () => {
  it("needs none in the 2008 gazetteer", () => {
    expect(
      locationOrigin(at({ gazetteer: "2008-08-01", provinceCode: "60" }), undefined, origins),
    ).toBeUndefined();
  });
  it("traces a 2025 commune through the transfer table, flagging split communes", () => {
    expect(
      locationOrigin(
        at({ gazetteer: "2025-07-01", provinceCode: "68", communeCode: "24611" }),
        undefined,
        origins,
      ),
    ).toEqual({
      province: "67",
      basis: "commune",
    });
    expect(
      locationOrigin(
        at({ gazetteer: "2025-07-01", provinceCode: "92", communeCode: "31582" }),
        undefined,
        origins,
      ),
    ).toEqual({
      province: "94",
      basis: "split",
    });
  });
  it("never trusts a commune of another province", () => {
    expect(
      locationOrigin(
        at({ gazetteer: "2025-07-01", provinceCode: "25", communeCode: "24611" }),
        { gazetteer: "2008-08-01", province: "17" },
        origins,
      ),
    ).toEqual({ province: "17", basis: "carried" });
  });
  it("carries a re-recorded head office's old province, also through a second move", () => {
    const moved = locationOrigin(
      at({ gazetteer: "2025-07-01", provinceCode: "68" }),
      { gazetteer: "2008-08-01", province: "60" },
      origins,
    );
    expect(moved).toEqual({ province: "60", basis: "carried" });
    expect(
      locationOrigin(
        at({ gazetteer: "2025-07-01", provinceCode: "68" }),
        { gazetteer: "2025-07-01", province: "68", origin: { province: "67", basis: "commune" } },
        origins,
      ),
    ).toEqual({ province: "67", basis: "carried" });
    // A move into another new province carries nothing.
    expect(
      locationOrigin(
        at({ gazetteer: "2025-07-01", provinceCode: "25" }),
        { gazetteer: "2008-08-01", province: "60" },
        origins,
      ),
    ).toEqual({
      province: "25",
      basis: "seat",
    });
  });
  it("falls back to the sole old province, else the one whose code the new province kept", () => {
    expect(locationOrigin(at({ gazetteer: "2025-07-01", provinceCode: "01" }), undefined, origins)).toEqual({
      province: "01",
      basis: "sole",
    });
    expect(placeOrigin("2025-07-01", "68")).toEqual({ province: "68", basis: "seat" });
    expect(placeOrigin("2008-08-01", "60")).toBeUndefined();
  });
});

describe("cells carry the origin", () => {
  it("round-trips and is used when reporting in the old geography", () => {
    const key = coopCell(at({ gazetteer: "2025-07-01", provinceCode: "68" }), "agriculture", "cooperative", {
      province: "60",
      basis: "carried",
    });
    expect(key).toBe("2025-07-01|68||agriculture|cooperative|60:carried");
    const cell = parseCell(key);
    expect(provinceIn(cell, "2008-08-01")).toBe("60");
    expect(provinceIn(cell, "2025-07-01")).toBe("68");
    expect(cellInScope(cell, { reportIn: "2008-08-01", province: "60" })).toBe(true);
    expect(cellInScope(cell, { reportIn: "2008-08-01", province: "67" })).toBe(false);
    expect(provinceIn(parseCell("2008-08-01|60|593|agriculture|cooperative"), "2025-07-01")).toBe("68");
  });
});
