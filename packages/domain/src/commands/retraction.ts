import type * as t from "io-ts";
import { struct } from "../values/codec-helpers.js";
import { EventId } from "../values/ids.js";
import { Text } from "../values/quantity.js";
import { StreamId } from "../values/stream-id.js";
import { BusinessDate } from "../values/time.js";
import { commandCodec } from "./command-codec.js";

/**
 * **RetractEvent** — retract an event recorded by mistake (*hủy bỏ sự kiện ghi nhầm*) → `EventRetracted`
 * on the stream that holds it. The event must be on that stream and not already retracted; a retraction
 * cannot itself be retracted (record the event again instead).
 * @example RetractEvent.decode({ type: "RetractEvent", data: { streamId: "coop-htx-1", effectiveDate: "2023-02-01", retractedEventId: "0b5c3c1e-8f2a-5d7e-9a3b-1c2d3e4f5a6b", reason: "Nhập trùng" } })
 */
export const RetractEvent = commandCodec(
  "RetractEvent",
  struct(
    { streamId: StreamId, effectiveDate: BusinessDate, retractedEventId: EventId, reason: Text },
    {},
    "RetractEventData",
  ),
);
/** @see RetractEvent */
export type RetractEvent = t.TypeOf<typeof RetractEvent>;
