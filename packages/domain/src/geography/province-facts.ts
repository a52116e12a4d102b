/**
 * The province-level facts of the two gazetteer versions, typed in from the GSO code lists (facts, not
 * data files; the source lists are named, with their dates and SHA-256, in `GAZETTEER_SOURCES`).
 *
 * - 2008-08-01: the 63 provinces (list as recorded on 2025-03-01; province codes did not change between
 *   2008 and 2025);
 * - 2025-07-01: the 34 provinces of Resolution 202/2025/QH15 (codes per GSO letter 915/CTK-CSCL), each
 *   with the old provinces merged into it. Every old province went whole into exactly one new one.
 */

/** A row of the 63-province list: code, Vietnamese name, kind (tỉnh / thành phố trực thuộc trung ương). */
export type ProvinceRow2008 = readonly [code: string, name: string, kind: "province" | "municipality"];

/** A row of the 34-province list: code, Vietnamese name, kind, old codes merged into it (in code order). */
export type ProvinceRow2025 = readonly [
  code: string,
  name: string,
  kind: "province" | "municipality",
  mergedFrom: readonly string[],
];

/**
 * The 63 provinces in force from 2008-08-01 to 2025-06-30.
 * @example
 * PROVINCES_2008.length // 63
 */
export const PROVINCES_2008 = [
  ["01", "Thành phố Hà Nội", "municipality"],
  ["02", "Tỉnh Hà Giang", "province"],
  ["04", "Tỉnh Cao Bằng", "province"],
  ["06", "Tỉnh Bắc Kạn", "province"],
  ["08", "Tỉnh Tuyên Quang", "province"],
  ["10", "Tỉnh Lào Cai", "province"],
  ["11", "Tỉnh Điện Biên", "province"],
  ["12", "Tỉnh Lai Châu", "province"],
  ["14", "Tỉnh Sơn La", "province"],
  ["15", "Tỉnh Yên Bái", "province"],
  ["17", "Tỉnh Hoà Bình", "province"],
  ["19", "Tỉnh Thái Nguyên", "province"],
  ["20", "Tỉnh Lạng Sơn", "province"],
  ["22", "Tỉnh Quảng Ninh", "province"],
  ["24", "Tỉnh Bắc Giang", "province"],
  ["25", "Tỉnh Phú Thọ", "province"],
  ["26", "Tỉnh Vĩnh Phúc", "province"],
  ["27", "Tỉnh Bắc Ninh", "province"],
  ["30", "Tỉnh Hải Dương", "province"],
  ["31", "Thành phố Hải Phòng", "municipality"],
  ["33", "Tỉnh Hưng Yên", "province"],
  ["34", "Tỉnh Thái Bình", "province"],
  ["35", "Tỉnh Hà Nam", "province"],
  ["36", "Tỉnh Nam Định", "province"],
  ["37", "Tỉnh Ninh Bình", "province"],
  ["38", "Tỉnh Thanh Hóa", "province"],
  ["40", "Tỉnh Nghệ An", "province"],
  ["42", "Tỉnh Hà Tĩnh", "province"],
  ["44", "Tỉnh Quảng Bình", "province"],
  ["45", "Tỉnh Quảng Trị", "province"],
  ["46", "Thành phố Huế", "municipality"],
  ["48", "Thành phố Đà Nẵng", "municipality"],
  ["49", "Tỉnh Quảng Nam", "province"],
  ["51", "Tỉnh Quảng Ngãi", "province"],
  ["52", "Tỉnh Bình Định", "province"],
  ["54", "Tỉnh Phú Yên", "province"],
  ["56", "Tỉnh Khánh Hòa", "province"],
  ["58", "Tỉnh Ninh Thuận", "province"],
  ["60", "Tỉnh Bình Thuận", "province"],
  ["62", "Tỉnh Kon Tum", "province"],
  ["64", "Tỉnh Gia Lai", "province"],
  ["66", "Tỉnh Đắk Lắk", "province"],
  ["67", "Tỉnh Đắk Nông", "province"],
  ["68", "Tỉnh Lâm Đồng", "province"],
  ["70", "Tỉnh Bình Phước", "province"],
  ["72", "Tỉnh Tây Ninh", "province"],
  ["74", "Tỉnh Bình Dương", "province"],
  ["75", "Tỉnh Đồng Nai", "province"],
  ["77", "Tỉnh Bà Rịa - Vũng Tàu", "province"],
  ["79", "Thành phố Hồ Chí Minh", "municipality"],
  ["80", "Tỉnh Long An", "province"],
  ["82", "Tỉnh Tiền Giang", "province"],
  ["83", "Tỉnh Bến Tre", "province"],
  ["84", "Tỉnh Trà Vinh", "province"],
  ["86", "Tỉnh Vĩnh Long", "province"],
  ["87", "Tỉnh Đồng Tháp", "province"],
  ["89", "Tỉnh An Giang", "province"],
  ["91", "Tỉnh Kiên Giang", "province"],
  ["92", "Thành phố Cần Thơ", "municipality"],
  ["93", "Tỉnh Hậu Giang", "province"],
  ["94", "Tỉnh Sóc Trăng", "province"],
  ["95", "Tỉnh Bạc Liêu", "province"],
  ["96", "Tỉnh Cà Mau", "province"],
] as const satisfies ReadonlyArray<ProvinceRow2008>;

/**
 * The 34 provinces in force from 2025-07-01.
 * @example
 * PROVINCES_2025.length // 34
 */
export const PROVINCES_2025 = [
  ["01", "Thành phố Hà Nội", "municipality", ["01"]],
  ["04", "Tỉnh Cao Bằng", "province", ["04"]],
  ["08", "Tỉnh Tuyên Quang", "province", ["02", "08"]],
  ["11", "Tỉnh Điện Biên", "province", ["11"]],
  ["12", "Tỉnh Lai Châu", "province", ["12"]],
  ["14", "Tỉnh Sơn La", "province", ["14"]],
  ["15", "Tỉnh Lào Cai", "province", ["10", "15"]],
  ["19", "Tỉnh Thái Nguyên", "province", ["06", "19"]],
  ["20", "Tỉnh Lạng Sơn", "province", ["20"]],
  ["22", "Tỉnh Quảng Ninh", "province", ["22"]],
  ["24", "Tỉnh Bắc Ninh", "province", ["24", "27"]],
  ["25", "Tỉnh Phú Thọ", "province", ["17", "25", "26"]],
  ["31", "Thành phố Hải Phòng", "municipality", ["30", "31"]],
  ["33", "Tỉnh Hưng Yên", "province", ["33", "34"]],
  ["37", "Tỉnh Ninh Bình", "province", ["35", "36", "37"]],
  ["38", "Tỉnh Thanh Hóa", "province", ["38"]],
  ["40", "Tỉnh Nghệ An", "province", ["40"]],
  ["42", "Tỉnh Hà Tĩnh", "province", ["42"]],
  ["44", "Tỉnh Quảng Trị", "province", ["44", "45"]],
  ["46", "Thành phố Huế", "municipality", ["46"]],
  ["48", "Thành phố Đà Nẵng", "municipality", ["48", "49"]],
  ["51", "Tỉnh Quảng Ngãi", "province", ["51", "62"]],
  ["52", "Tỉnh Gia Lai", "province", ["52", "64"]],
  ["56", "Tỉnh Khánh Hòa", "province", ["56", "58"]],
  ["66", "Tỉnh Đắk Lắk", "province", ["54", "66"]],
  ["68", "Tỉnh Lâm Đồng", "province", ["60", "67", "68"]],
  ["75", "Tỉnh Đồng Nai", "province", ["70", "75"]],
  ["79", "Thành phố Hồ Chí Minh", "municipality", ["74", "77", "79"]],
  ["80", "Tỉnh Tây Ninh", "province", ["72", "80"]],
  ["82", "Tỉnh Đồng Tháp", "province", ["82", "87"]],
  ["86", "Tỉnh Vĩnh Long", "province", ["83", "84", "86"]],
  ["91", "Tỉnh An Giang", "province", ["89", "91"]],
  ["92", "Thành phố Cần Thơ", "municipality", ["92", "93", "94"]],
  ["96", "Tỉnh Cà Mau", "province", ["95", "96"]],
] as const satisfies ReadonlyArray<ProvinceRow2025>;
