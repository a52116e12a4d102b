import * as t from "io-ts";

/** Brand of {@link EventId}. */
export interface EventIdBrand {
  readonly EventId: unique symbol;
}

/** The characters an identifier may hold: safe in stream names, file names and URLs. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const idCodec = <B extends object>(name: string): t.BrandC<t.StringC, B> =>
  t.brand(t.string, (s): s is t.Branded<string, B> => ID_PATTERN.test(s), name as never) as never;

/**
 * Identifier of a co-op, union or group (its stream is `coop-<id>`).
 * @example CoopId.decode("htx-000123") // Right
 */
export const CoopId = idCodec<CoopIdBrand>("CoopId");
/** Brand of {@link CoopId}. */
export interface CoopIdBrand {
  readonly CoopId: unique symbol;
}
/** @see CoopId */
export type CoopId = t.TypeOf<typeof CoopId>;

/**
 * Identifier of a loan (khoản vay).
 * @example
 * E.isRight(LoanId.decode("loan-2021-001")) // true
 */
export const LoanId = idCodec<LoanIdBrand>("LoanId");
/** Brand of {@link LoanId}. */
export interface LoanIdBrand {
  readonly LoanId: unique symbol;
}
/** @see LoanId */
export type LoanId = t.TypeOf<typeof LoanId>;

/**
 * Identifier of an OCOP product (sản phẩm OCOP).
 * @example
 * E.isRight(ProductId.decode("p-1")) // true
 */
export const ProductId = idCodec<ProductIdBrand>("ProductId");
/** Brand of {@link ProductId}. */
export interface ProductIdBrand {
  readonly ProductId: unique symbol;
}
/** @see ProductId */
export type ProductId = t.TypeOf<typeof ProductId>;

/**
 * Identifier of a co-op manager (cán bộ quản lý).
 * @example
 * E.isRight(ManagerId.decode("m-1")) // true
 */
export const ManagerId = idCodec<ManagerIdBrand>("ManagerId");
/** Brand of {@link ManagerId}. */
export interface ManagerIdBrand {
  readonly ManagerId: unique symbol;
}
/** @see ManagerId */
export type ManagerId = t.TypeOf<typeof ManagerId>;

/**
 * Identifier of a support fund (Quỹ hỗ trợ phát triển HTX); its stream is `fund-<id>`.
 * @example
 * E.isRight(FundId.decode("qht-60")) // true
 */
export const FundId = idCodec<FundIdBrand>("FundId");
/** Brand of {@link FundId}. */
export interface FundIdBrand {
  readonly FundId: unique symbol;
}
/** @see FundId */
export type FundId = t.TypeOf<typeof FundId>;

/**
 * Identifier of a cross-stream reorganisation decision; its stream is `reorganisation-<id>`.
 * @example
 * E.isRight(ReorganisationId.decode("r-1")) // true
 */
export const ReorganisationId = idCodec<ReorganisationIdBrand>("ReorganisationId");
/** Brand of {@link ReorganisationId}. */
export interface ReorganisationIdBrand {
  readonly ReorganisationId: unique symbol;
}
/** @see ReorganisationId */
export type ReorganisationId = t.TypeOf<typeof ReorganisationId>;

/**
 * Identifier of a value-chain linkage (liên kết chuỗi giá trị).
 * @example
 * E.isRight(LinkageId.decode("l-1")) // true
 */
export const LinkageId = idCodec<LinkageIdBrand>("LinkageId");
/** Brand of {@link LinkageId}. */
export interface LinkageIdBrand {
  readonly LinkageId: unique symbol;
}
/** @see LinkageId */
export type LinkageId = t.TypeOf<typeof LinkageId>;

/**
 * Identifier of a loan application (hồ sơ vay vốn).
 * @example
 * E.isRight(ApplicationId.decode("a-1")) // true
 */
export const ApplicationId = idCodec<ApplicationIdBrand>("ApplicationId");
/** Brand of {@link ApplicationId}. */
export interface ApplicationIdBrand {
  readonly ApplicationId: unique symbol;
}
/** @see ApplicationId */
export type ApplicationId = t.TypeOf<typeof ApplicationId>;

/**
 * Identifier of a recorded event: a UUID (deterministic from the command id and index when written by
 * the command handler). The domain only needs it to name the target of a retraction.
 * @example EventId.decode("0b5c3c1e-8f2a-5d7e-9a3b-1c2d3e4f5a6b")
 */
export const EventId = t.brand(
  t.string,
  (s): s is t.Branded<string, EventIdBrand> =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s),
  "EventId",
);
/** @see EventId */
export type EventId = t.TypeOf<typeof EventId>;
