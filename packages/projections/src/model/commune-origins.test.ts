import {
  type BusinessDate,
  type CoopId,
  communeTransfers,
  coopStream,
  type DomainEvent,
  type EventId,
  type Instant,
  type RecordedEvent,
  shippedCommuneOrigins,
} from "@coop-ledger/domain";
import { describe, expect, it } from "vitest";
import { buildIndex } from "../bitemporal-index/projection-index.js";
import { indicatorValue } from "../evaluate/snapshot.js";
import { snapshot } from "../evaluate/snapshot-of-index.js";
import { COMMUNE_ORIGINS } from "./commune-origins.js";

/** A 2025 commune of new Lâm Đồng (68) formed only from communes of old `old`, from the shipped table. */
const communeFrom = (old: string): string => {
  const code = communeTransfers().transfers.find((t) => {
    const o = shippedCommuneOrigins(t.newCommuneCode);
    return t.newProvinceCode === "68" && o?.province === old && !o.split;
  })?.newCommuneCode;
  if (code === undefined) throw new Error(`no 2025 commune of 68 from ${old} in the shipped table`);
  return code;
};

const founded = (id: string, communeCode: string, position: number): RecordedEvent =>
  ({
    eventId: `00000000-0000-4000-8000-${String(position + 1).padStart(12, "0")}` as EventId,
    streamId: coopStream(id as CoopId),
    revision: 0,
    position,
    event: {
      type: "CoopFounded",
      schemaVersion: 2,
      data: {
        coopId: id,
        effectiveDate: "2025-09-01",
        name: `HTX ${id}`,
        form: "cooperative",
        sector: "agriculture",
        agricultureKind: "crop",
        location: { gazetteer: "2025-07-01", provinceCode: "68", communeCode },
        foundingMembers: 5,
        origin: { kind: "new" },
      },
    } as unknown as DomainEvent,
    metadata: { recordedAt: "2025-09-05T02:00:00.000Z" as Instant, recordedBy: "test" },
  }) as RecordedEvent;

describe("the fold traces a 2025 commune through the shipped transfer table", () => {
  it("is the domain's shipped table (not the empty lookup)", () => {
    const code = communeFrom("60");
    expect(COMMUNE_ORIGINS(code)?.province).toBe("60");
  });

  it("a co-op founded after 2025-07-01 in a commune of old Bình Thuận counts in province 60 in the 2008 geography, not in the seat (68)", () => {
    const index = buildIndex([
      founded("htx-a", communeFrom("60"), 0),
      founded("htx-b", communeFrom("67"), 1),
    ]);
    const count = (province: string) => {
      const s = snapshot(index, {
        validAt: "2025-12-31" as BusinessDate,
        scope: { province },
        geography: "2008-08-01",
        indicators: ["coops.active"],
      });
      if (s._tag === "Left") throw new Error(s.left.message);
      return indicatorValue(s.right, "coops.active")?.value;
    };
    expect([count("60"), count("67"), count("68")]).toEqual([1, 1, 0]);
  });
});
