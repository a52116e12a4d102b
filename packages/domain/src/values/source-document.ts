import type * as t from "io-ts";
import { literals, struct } from "./codec-helpers.js";
import { Text } from "./quantity.js";
import { BusinessDate } from "./time.js";

/**
 * The kind of document an event rests on: a registration certificate (giấy chứng nhận đăng ký), a
 * decision (quyết định), a resolution (nghị quyết), a report (báo cáo), a contract (hợp đồng), a
 * certificate (chứng nhận, e.g. OCOP), minutes (biên bản), other.
 * @example SourceDocumentKind.decode("decision") // Right
 */
export const SourceDocumentKind = literals(
  [
    "registrationCertificate",
    "decision",
    "resolution",
    "report",
    "contract",
    "certificate",
    "minutes",
    "other",
  ],
  "SourceDocumentKind",
);
/** @see SourceDocumentKind */
export type SourceDocumentKind = t.TypeOf<typeof SourceDocumentKind>;

/**
 * The document an event rests on (kind, number, date, issuer), carried in the envelope's metadata so an
 * auditor can trace every figure to paper.
 * @example SourceDocument.decode({ kind: "decision", number: "123/QĐ-UBND", date: "2021-05-04", issuer: "UBND tỉnh Bình Thuận" })
 */
export const SourceDocument = struct(
  { kind: SourceDocumentKind },
  { number: Text, date: BusinessDate, issuer: Text },
  "SourceDocument",
);
/** @see SourceDocument */
export type SourceDocument = t.TypeOf<typeof SourceDocument>;
