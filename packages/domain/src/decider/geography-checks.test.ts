import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { parseCommuneTransfers } from "../geography/commune-transfers.js";
import { parseCommunes } from "../geography/communes.js";
import { parseDistrictGazetteer } from "../geography/district-gazetteer.js";
import { readGeo, withGeoFiles } from "../geography/test-support/geo-files.js";
import { decide, makeLedgerDecider } from "./ledger-decider.js";
import { initialState } from "./stream-state.js";
import { found, outcome } from "./test-support/fixtures.js";

const right = <A>(r: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe("district and commune checks when the unit lists are supplied", () => {
  withGeoFiles(["districts", "communes", "transfers"], () => {
    const districts = right(parseDistrictGazetteer(readGeo("districts")));
    const communes = right(parseCommunes(readGeo("communes"), districts));
    const communeTransfers = right(parseCommuneTransfers(readGeo("transfers")));
    const strict = makeLedgerDecider(undefined, { geography: { districts, communes, communeTransfers } });
    const at = (location: Record<string, unknown>, effectiveDate = "2020-01-01") =>
      outcome(strict.decide(found({ location, effectiveDate }), initialState));
    const phanThietCommune = communes.communesOf("593")[0]?.code ?? "";
    const newLamDongCommune = communeTransfers.communesOf("68")[0]?.code ?? "";

    it("a district of another province is refused (Phan Thiết 593 is in Bình Thuận 60, not Đắk Nông 67)", () => {
      expect(at({ gazetteer: "2008-08-01", provinceCode: "60", districtCode: "593" })).toBe("accepted");
      expect(at({ gazetteer: "2008-08-01", provinceCode: "67", districtCode: "593" })).toBe(
        "UnknownDistrict",
      );
      // without the lists only the province is checked
      expect(
        outcome(
          decide(
            found({ location: { gazetteer: "2008-08-01", provinceCode: "67", districtCode: "593" } }),
            initialState,
          ),
        ),
      ).toBe("accepted");
    });

    it("a commune must be in its province and district (2008) or its new province (2025)", () => {
      expect(
        at({
          gazetteer: "2008-08-01",
          provinceCode: "60",
          districtCode: "593",
          communeCode: phanThietCommune,
        }),
      ).toBe("accepted");
      expect(
        at({
          gazetteer: "2008-08-01",
          provinceCode: "60",
          districtCode: "594",
          communeCode: phanThietCommune,
        }),
      ).toBe("UnknownCommune");
      expect(
        at({ gazetteer: "2025-07-01", provinceCode: "68", communeCode: newLamDongCommune }, "2025-07-01"),
      ).toBe("accepted");
      expect(
        at({ gazetteer: "2025-07-01", provinceCode: "25", communeCode: newLamDongCommune }, "2025-07-01"),
      ).toBe("UnknownCommune");
    });
  });
});

describe("district checks with a small in-memory list (no files needed)", () => {
  const districts = right(
    parseDistrictGazetteer(
      JSON.stringify({
        provinces: [
          {
            code: "60",
            name: "Tỉnh Bình Thuận",
            districts: [{ code: "593", name: "Thành phố Phan Thiết", type: "Thành phố" }],
          },
        ],
      }),
    ),
  );
  const strict = makeLedgerDecider(undefined, { geography: { districts } });

  it("checks the district on founding and on a head-office move", () => {
    expect(
      outcome(
        strict.decide(
          found({ location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "593" } }),
          initialState,
        ),
      ),
    ).toBe("accepted");
    expect(
      outcome(
        strict.decide(
          found({ location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "594" } }),
          initialState,
        ),
      ),
    ).toBe("UnknownDistrict");
    const founded = strict.decide(found(), initialState);
    if (E.isLeft(founded)) throw new Error(founded.left.message);
    const s = founded.right.reduce((st, e) => strict.evolve(st, e), strict.initialState);
    const move = {
      type: "MoveHeadOffice",
      data: {
        coopId: "htx-1",
        effectiveDate: "2020-01-01",
        location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "999" },
      },
    } as never;
    expect(outcome(strict.decide(move, s))).toBe("UnknownDistrict");
  });
});
