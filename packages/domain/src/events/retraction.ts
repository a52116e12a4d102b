import type * as t from "io-ts";
import { struct } from "../values/codec-helpers.js";
import { EventId } from "../values/ids.js";
import { Text } from "../values/quantity.js";
import { BusinessDate } from "../values/time.js";
import { eventCodec } from "./event-codec.js";

/**
 * **EventRetracted** — *Hủy bỏ sự kiện ghi nhầm* (an earlier event on the same stream is retracted as a
 * mistake). Nothing is edited: from the instant the retraction is recorded, the retracted event is left
 * out of every answer; answers as known before that instant still include it, so old reports can be
 * reproduced and restatements explained. `effectiveDate` is the date of the correcting decision.
 * @example EventRetracted.decode({ type: "EventRetracted", schemaVersion: 1, data: { effectiveDate: "2023-02-01", retractedEventId: "0b5c3c1e-8f2a-5d7e-9a3b-1c2d3e4f5a6b", reason: "Nhập trùng" } })
 */
export const EventRetracted = eventCodec(
  "EventRetracted",
  1,
  struct({ effectiveDate: BusinessDate, retractedEventId: EventId, reason: Text }, {}, "EventRetractedData"),
);
/** @see EventRetracted */
export type EventRetracted = t.TypeOf<typeof EventRetracted>;
