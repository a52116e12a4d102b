import * as E from "fp-ts/lib/Either.js";
import { describe, it } from "vitest";
import { parseCommuneTransfers } from "../geography/commune-transfers.js";
import { parseCommunes } from "../geography/communes.js";
import { parseDistrictGazetteer } from "../geography/district-gazetteer.js";
import { readGeo, withGeoFiles } from "../geography/test-support/geo-files.js";
import { specFor } from "../spec/decider-spec.js";
import { given } from "../spec/given.js";
import { makeLedgerDecider } from "./ledger-decider.js";
import { found, founded, on } from "./test-support/fixtures.js";

const right = <A>(r: E.Either<{ message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

describe("district and commune checks when the unit lists are supplied", () => {
  withGeoFiles(["districts", "communes", "transfers"], () => {
    const districts = right(parseDistrictGazetteer(readGeo("districts")));
    const communes = right(parseCommunes(readGeo("communes"), districts));
    const communeTransfers = right(parseCommuneTransfers(readGeo("transfers")));
    const strict = specFor(
      makeLedgerDecider(undefined, { geography: { districts, communes, communeTransfers } }),
    );
    const at = (location: Record<string, unknown>, effectiveDate = "2020-01-01") =>
      strict([]).when(found({ location, effectiveDate }));
    const phanThietCommune = communes.communesOf("593")[0]?.code ?? "";
    const newLamDongCommune = communeTransfers.communesOf("68")[0]?.code ?? "";

    it("a district of another province is refused (Phan Thiết 593 is in Bình Thuận 60, not Đắk Nông 67)", () => {
      at({ gazetteer: "2008-08-01", provinceCode: "60", districtCode: "593" }).thenAccepted();
      at({ gazetteer: "2008-08-01", provinceCode: "67", districtCode: "593" }).thenError("UnknownDistrict");
      // without the lists only the province is checked
      given([])
        .when(found({ location: { gazetteer: "2008-08-01", provinceCode: "67", districtCode: "593" } }))
        .thenAccepted();
    });

    it("a commune must be in its province and district (2008) or its new province (2025)", () => {
      at({
        gazetteer: "2008-08-01",
        provinceCode: "60",
        districtCode: "593",
        communeCode: phanThietCommune,
      }).thenAccepted();
      at({
        gazetteer: "2008-08-01",
        provinceCode: "60",
        districtCode: "594",
        communeCode: phanThietCommune,
      }).thenError("UnknownCommune");
      at(
        { gazetteer: "2025-07-01", provinceCode: "68", communeCode: newLamDongCommune },
        "2025-07-01",
      ).thenAccepted();
      at(
        { gazetteer: "2025-07-01", provinceCode: "25", communeCode: newLamDongCommune },
        "2025-07-01",
      ).thenError("UnknownCommune");
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
  const strict = specFor(makeLedgerDecider(undefined, { geography: { districts } }));

  it("checks the district on founding and on a head-office move", () => {
    strict([])
      .when(found({ location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "593" } }))
      .thenAccepted();
    strict([])
      .when(found({ location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode: "594" } }))
      .thenError("UnknownDistrict");
    const move = (districtCode: string) =>
      on("MoveHeadOffice", {
        effectiveDate: "2020-01-01",
        location: { gazetteer: "2008-08-01", provinceCode: "60", districtCode },
      });
    strict([founded()]).when(move("999")).thenError("UnknownDistrict");
    strict([founded()]).when(move("593")).thenAccepted();
  });
});
