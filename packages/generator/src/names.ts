import type { Sector } from "@coop-ledger/domain";
import type { Prng } from "./prng.js";

/** Auspicious and place-like words Vietnamese co-ops are commonly named with. */
const NAME_WORDS = [
  "Thành Công",
  "Thắng Lợi",
  "Toàn Thắng",
  "Quyết Thắng",
  "Đồng Tâm",
  "Hưng Thịnh",
  "Phú Lộc",
  "Tân Thành",
  "An Phú",
  "Phước Lộc",
  "Hòa Hiệp",
  "Bình Minh",
  "Thanh Long",
  "Tiến Phát",
  "Đoàn Kết",
  "Hợp Lực",
  "Thịnh Vượng",
  "Xanh",
  "Sông Lũy",
  "Tân Tiến",
  "Phú Quý",
  "Minh Phát",
  "Hồng Phong",
  "Đại Thành",
  "Hòa Thuận",
  "Tân Lập",
  "Phát Đạt",
  "Sao Mai",
  "Thuận Phát",
  "Vĩnh Hảo",
] as const;

const SECTOR_PREFIX: Readonly<Record<Sector, ReadonlyArray<string>>> = {
  agriculture: [
    "HTX Nông nghiệp",
    "HTX Dịch vụ nông nghiệp",
    "HTX Nông nghiệp công nghệ cao",
    "HTX Sản xuất nông sản",
  ],
  peoplesCreditFund: ["Quỹ tín dụng nhân dân"],
  industryHandicraft: ["HTX Tiểu thủ công nghiệp", "HTX Mây tre đan", "HTX Cơ khí"],
  commerceServices: ["HTX Thương mại dịch vụ", "HTX Dịch vụ tổng hợp"],
  transport: ["HTX Vận tải", "HTX Vận tải hành khách"],
  construction: ["HTX Xây dựng"],
  environment: ["HTX Vệ sinh môi trường", "HTX Môi trường"],
  housing: ["HTX Nhà ở"],
  other: ["HTX Dịch vụ", "HTX Du lịch cộng đồng"],
};

/**
 * A Vietnamese name for a co-op: sector prefix, a common name word and the district, e.g. "HTX Nông
 * nghiệp Thắng Lợi Hàm Thuận Bắc". Names need not be unique (they are not in reality either).
 *
 * @example
 * const rng = new Prng(42, 0);
 * console.log(coopName(rng, "agriculture", "Hàm Thuận Bắc", "cooperative")); // "HTX Sản xuất nông sản Tân Lập Hàm Thuận Bắc"
 */
export const coopName = (
  rng: Prng,
  sector: Sector,
  district: string,
  form: "cooperative" | "union" | "group",
): string => {
  const word = rng.pick(NAME_WORDS);
  if (form === "union") return `Liên hiệp HTX ${word} ${district}`;
  if (form === "group")
    return `Tổ hợp tác ${rng.pick(["sản xuất", "chăn nuôi", "trồng rau", "nuôi ong"])} ${word} ${district}`;
  return `${rng.pick(SECTOR_PREFIX[sector])} ${word} ${district}`;
};

/**
 * OCOP product names by kind, with the district appended (e.g. "Thanh long Hàm Thuận").
 * @example
 * PRODUCT_WORDS[0] // "Thanh long"
 */
export const PRODUCT_WORDS = [
  "Thanh long",
  "Nước mắm",
  "Gạo thơm",
  "Mật ong",
  "Cà phê",
  "Hạt điều",
  "Trà",
  "Miến dong",
  "Bưởi",
  "Xoài",
  "Nấm linh chi",
  "Chả cá",
  "Mắm tôm",
  "Rượu",
  "Bánh tráng",
  "Chè",
  "Măng khô",
  "Sầu riêng",
] as const;

/**
 * Partner names for value-chain linkages (liên kết chuỗi giá trị).
 * @example
 * PARTNERS[0] // "Công ty CP Xuất nhập khẩu Nông sản"
 */
export const PARTNERS = [
  "Công ty CP Xuất nhập khẩu Nông sản",
  "Công ty TNHH Thực phẩm Sạch",
  "Công ty CP Tập đoàn Lộc Trời",
  "Siêu thị Co.opmart",
  "Công ty CP Vinamilk",
  "Công ty TNHH Chế biến Thủy sản",
  "Tổng công ty Lương thực miền Nam",
  "Công ty CP Phân bón Bình Điền",
  "Công ty TNHH MTV Nông nghiệp Xanh",
] as const;
