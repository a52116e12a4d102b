/**
 * `EsdbServerDouble`: a TEST DOUBLE of an EventStoreDB server, NOT EventStoreDB. It speaks the server's
 * gRPC Streams service on loopback, built from the service definitions `@eventstore/db-client` ships
 * (`generated/streams_grpc_pb.js`), so the real client connects to it unchanged
 * (`esdb://127.0.0.1:<port>?tls=false`). It implements what the adapter uses, after the server's
 * documented behaviour (streams.proto and the client docs):
 * - `Append` (client streaming: options, then proposed messages) with expected revisions and the
 *   idempotency rule (the same event ids at the same place → success, nothing written, no position);
 * - `Read` of a stream and of `$all`, forwards/backwards, from a revision/position/start/end, with a
 *   count; `$all` reads are inclusive of the start position;
 * - subscriptions to `$all` (exclusive of the start position) with stream-name/event-type filters by
 *   prefixes or regex, checkpoints every `multiplier × window` scanned events, `caught_up` after the
 *   stored events, then live events;
 * - the server's system events in `$all` (a `$`-prefixed stream and type), so filters are exercised.
 * The ServerFeatures service is absent: the client receives UNIMPLEMENTED, assumes an old server and
 * uses the plain `Append` call (no BatchAppend), exactly as it does against EventStoreDB 20.x.
 *
 * What it does NOT model: clustering, leader election, TLS, authentication/ACLs (only a deny list),
 * scavenging, deletes, links, persistent subscriptions, and the real log's byte layout (positions are
 * increasing offsets sized like records, not a real chunk file).
 *
 * Test code only (excluded from the build).
 */
import { createRequire } from "node:module";
import * as grpc from "@grpc/grpc-js";
import type * as SharedPb from "@eventstore/db-client/generated/shared_pb.js";
import type * as StreamsPb from "@eventstore/db-client/generated/streams_pb.js";

const require = createRequire(import.meta.url);
const streamsPb = require("@eventstore/db-client/generated/streams_pb.js") as typeof StreamsPb;
const sharedPb = require("@eventstore/db-client/generated/shared_pb.js") as typeof SharedPb;
const streamsGrpc = require("@eventstore/db-client/generated/streams_grpc_pb.js") as {
  StreamsService: grpc.ServiceDefinition;
};

const { ReadReq, ReadResp, AppendReq, AppendResp } = streamsPb;
type ReadReqT = StreamsPb.ReadReq;
type ReadRespT = StreamsPb.ReadResp;
type AppendReqT = StreamsPb.AppendReq;
type AppendRespT = StreamsPb.AppendResp;

/** A record of the double's log. */
export interface DoubleRecord {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  readonly position: bigint;
  readonly created: bigint;
}

/** A fault to inject into the next calls of one method. */
export interface InjectedFault {
  readonly method: "append" | "read" | "subscribe";
  readonly code: grpc.status;
  readonly details?: string;
  /** The `exception` trailer the real server sets (e.g. `access-denied`, `not-leader`). */
  readonly exception?: string;
  /** How many calls fail (default 1). */
  readonly times?: number;
}

/** Options of the double. */
export interface EsdbServerDoubleOptions {
  /** Send `caught_up` after the stored events (servers from 23.10 do); default true. */
  readonly sendCaughtUp?: boolean;
  /** Fill `$all` positions in stream reads (servers from 22.6 do); default true. */
  readonly streamReadPositions?: boolean;
  /** Seed the log with the server's own system events; default true. */
  readonly systemEvents?: boolean;
}

interface LiveSubscription {
  readonly onAppend: (records: ReadonlyArray<DoubleRecord>) => void;
  readonly end: (code: grpc.status, details: string) => void;
}

interface Filter {
  readonly on: "stream" | "type";
  readonly matches: (s: string) => boolean;
  readonly window: number;
}

const NO_POSITION = "18446744073709551615";
const TICKS_AT_EPOCH = 621355968000000000n;

const serviceError = (code: grpc.status, details: string, exception?: string): grpc.ServiceError => {
  const metadata = new grpc.Metadata();
  if (exception !== undefined) metadata.set("exception", exception);
  return Object.assign(new Error(details), { code, details, metadata });
};

const cmp = (a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }): number =>
  a.commit < b.commit ? -1 : a.commit > b.commit ? 1 : a.prepare < b.prepare ? -1 : a.prepare > b.prepare ? 1 : 0;

/**
 * A loopback gRPC test double of an EventStoreDB server (see the module comment for what it models).
 *
 * @example
 * const server = await EsdbServerDouble.start();
 * const client = EventStoreDBClient.connectionString(server.connectionString);
 * // ... use the client ...
 * await server.stop();
 */
export class EsdbServerDouble {
  readonly log: DoubleRecord[] = [];
  private readonly streams = new Map<string, DoubleRecord[]>();
  private readonly live = new Set<LiveSubscription>();
  private readonly faults: Array<InjectedFault & { left: number }> = [];
  private readonly denied = new Set<string>();
  private nextPosition = 0n;
  private clock = 0n;
  /** Calls received, by method, for assertions. */
  readonly calls = { append: 0, read: 0, subscribe: 0 };

  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
    private readonly options: EsdbServerDoubleOptions,
  ) {
    if (options.systemEvents ?? true) {
      this.appendRaw("$projections-$all", [
        { id: "00000000-0000-4000-8000-000000000001", type: "$ProjectionsInitialized", json: {} },
      ]);
      this.appendRaw("$stats-127.0.0.1:2113", [
        { id: "00000000-0000-4000-8000-000000000002", type: "$statsCollected", json: { "proc-cpu": 1 } },
      ]);
    }
  }

  /** Starts a double on a free loopback port. */
  static async start(options: EsdbServerDoubleOptions = {}): Promise<EsdbServerDouble> {
    const server = new grpc.Server();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    const double = new EsdbServerDouble(server, port, options);
    server.addService(streamsGrpc.StreamsService, {
      read: (call: grpc.ServerWritableStream<ReadReqT, ReadRespT>) => double.read(call),
      append: (call: grpc.ServerReadableStream<AppendReqT, AppendRespT>, cb: grpc.sendUnaryData<AppendRespT>) =>
        double.append(call, cb),
      delete: (_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
        cb(serviceError(grpc.status.UNIMPLEMENTED, "the double does not delete")),
      tombstone: (_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
        cb(serviceError(grpc.status.UNIMPLEMENTED, "the double does not tombstone")),
      batchAppend: (call: grpc.ServerDuplexStream<unknown, unknown>) =>
        call.emit("error", serviceError(grpc.status.UNIMPLEMENTED, "no BatchAppend: use Append")),
    });
    return double;
  }

  /** `esdb://127.0.0.1:<port>?tls=false`, optionally with credentials in it. */
  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Makes the next calls of a method fail with a gRPC status. */
  injectFault(fault: InjectedFault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Refuses every call on a stream with the server's access-denied error. */
  deny(streamId: string): void {
    this.denied.add(streamId);
  }

  /** Ends every live subscription with UNAVAILABLE (as a node shutting down or a leader change does). */
  dropSubscriptions(): void {
    for (const s of [...this.live]) s.end(grpc.status.UNAVAILABLE, "the double dropped the subscription");
  }

  /** How many subscriptions are live. */
  get liveSubscriptions(): number {
    return this.live.size;
  }

  /** Appends raw events (any stream, any type: system events, foreign or undecodable data). */
  appendRaw(
    streamId: string,
    events: ReadonlyArray<{ id: string; type: string; json?: unknown; metadata?: unknown; bytes?: Uint8Array }>,
  ): ReadonlyArray<DoubleRecord> {
    return this.write(
      streamId,
      events.map((e) => ({
        id: e.id,
        type: e.type,
        contentType: e.bytes !== undefined ? "application/octet-stream" : "application/json",
        data: e.bytes ?? Buffer.from(JSON.stringify(e.json ?? {})),
        metadata: e.metadata === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(e.metadata)),
      })),
    );
  }

  /** Stops the server at once (open calls fail with UNAVAILABLE on the client). */
  async stop(): Promise<void> {
    for (const s of [...this.live]) s.end(grpc.status.UNAVAILABLE, "server shutting down");
    this.server.forceShutdown();
  }

  private takeFault(method: InjectedFault["method"]): grpc.ServiceError | undefined {
    const f = this.faults.find((x) => x.method === method && x.left > 0);
    if (f === undefined) return undefined;
    f.left--;
    return serviceError(f.code, f.details ?? `injected ${grpc.status[f.code]}`, f.exception);
  }

  private write(
    streamId: string,
    events: ReadonlyArray<Omit<DoubleRecord, "streamId" | "revision" | "position" | "created">>,
  ): ReadonlyArray<DoubleRecord> {
    const stream = this.streams.get(streamId) ?? [];
    const written: DoubleRecord[] = [];
    for (const e of events) {
      // Positions are byte offsets in the real log: increasing, not contiguous. Sized like a record.
      const position = this.nextPosition;
      this.nextPosition += BigInt(120 + streamId.length + e.type.length + e.data.length + e.metadata.length);
      this.clock += 10_000n;
      const record: DoubleRecord = {
        ...e,
        streamId,
        revision: BigInt(stream.length),
        position,
        created: TICKS_AT_EPOCH + 17_000_000_000_000_000n + this.clock,
      };
      stream.push(record);
      this.log.push(record);
      written.push(record);
    }
    this.streams.set(streamId, stream);
    for (const s of [...this.live]) s.onAppend(written);
    return written;
  }

  // ---- Append --------------------------------------------------------------------------------------

  private append(call: grpc.ServerReadableStream<AppendReqT, AppendRespT>, cb: grpc.sendUnaryData<AppendRespT>): void {
    this.calls.append++;
    let options: StreamsPb.AppendReq.Options | undefined;
    const proposed: StreamsPb.AppendReq.ProposedMessage[] = [];
    let failed = false;
    call.on("data", (req: AppendReqT) => {
      if (req.hasOptions()) options = req.getOptions();
      else if (req.hasProposedMessage()) proposed.push(req.getProposedMessage()!);
    });
    call.on("error", () => {
      failed = true;
    });
    call.on("end", () => {
      if (failed) return;
      const fault = this.takeFault("append");
      if (fault) return cb(fault);
      if (options === undefined) return cb(serviceError(grpc.status.INVALID_ARGUMENT, "no options"));
      const streamId = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString("utf8");
      if (this.denied.has(streamId)) {
        return cb(serviceError(grpc.status.PERMISSION_DENIED, "Access Denied", "access-denied"));
      }
      const events = proposed.map((m) => {
        const meta = m.getMetadataMap();
        return {
          id: m.getId()!.getString().toLowerCase(),
          type: meta.get("type") ?? "",
          contentType: meta.get("content-type") ?? "application/octet-stream",
          data: m.getData_asU8(),
          metadata: m.getCustomMetadata_asU8(),
        };
      });
      if (events.some((e) => e.type === "")) {
        return cb(serviceError(grpc.status.INVALID_ARGUMENT, "Required Metadata Property Missing: 'type'"));
      }
      cb(null, this.decideAppend(streamId, options, events));
    });
  }

  private decideAppend(
    streamId: string,
    options: StreamsPb.AppendReq.Options,
    events: ReadonlyArray<Omit<DoubleRecord, "streamId" | "revision" | "position" | "created">>,
  ): AppendRespT {
    const stream = this.streams.get(streamId) ?? [];
    const current = BigInt(stream.length) - 1n; // -1: no stream
    const ids = events.map((e) => e.id);
    const resp = new AppendResp();
    const success = (lastRevision: bigint, position: bigint | undefined): AppendRespT => {
      const s = new AppendResp.Success();
      s.setCurrentRevision(lastRevision.toString());
      if (position === undefined) s.setNoPosition(new sharedPb.Empty());
      else {
        const p = new AppendResp.Position();
        p.setCommitPosition(position.toString());
        p.setPreparePosition(position.toString());
        s.setPosition(p);
      }
      resp.setSuccess(s);
      return resp;
    };
    const idsAt = (from: bigint): boolean =>
      ids.every((id, i) => stream[Number(from) + i]?.id === id) && Number(from) >= 0;
    const C = AppendReq.Options.ExpectedStreamRevisionCase;
    const expectedCase = options.getExpectedStreamRevisionCase();
    const expected: bigint | "any" | "no_stream" | "stream_exists" =
      expectedCase === C.REVISION
        ? BigInt(options.getRevision())
        : expectedCase === C.NO_STREAM
          ? "no_stream"
          : expectedCase === C.STREAM_EXISTS
            ? "stream_exists"
            : "any";
    const wrong = (): AppendRespT => {
      const w = new AppendResp.WrongExpectedVersion();
      if (current < 0n) w.setCurrentNoStream(new sharedPb.Empty());
      else w.setCurrentRevision(current.toString());
      if (typeof expected === "bigint") w.setExpectedRevision(expected.toString());
      else if (expected === "no_stream") w.setExpectedNoStream(new sharedPb.Empty());
      else if (expected === "stream_exists") w.setExpectedStreamExists(new sharedPb.Empty());
      else w.setExpectedAny(new sharedPb.Empty());
      resp.setWrongExpectedVersion(w);
      return resp;
    };
    const doWrite = (): AppendRespT => {
      const written = this.write(streamId, events);
      const last = written[written.length - 1]!;
      return success(last.revision, last.position);
    };
    if (events.length === 0) return current < 0n ? success(-1n, undefined) : success(current, undefined);
    if (typeof expected === "bigint" || expected === "no_stream") {
      const after = expected === "no_stream" ? -1n : expected;
      // The server's idempotency rule: the same ids right after the expected revision → already done.
      if (idsAt(after + 1n)) return success(after + BigInt(ids.length), undefined);
      if (current !== after) return wrong();
      return doWrite();
    }
    if (expected === "stream_exists" && current < 0n) return wrong();
    // `any` / `stream_exists`: a batch whose first id is in the stream is a repeat when the rest follow it.
    const first = stream.findIndex((r) => r.id === ids[0]);
    if (first >= 0) {
      if (idsAt(BigInt(first))) return success(BigInt(first + ids.length - 1), undefined);
      return wrong();
    }
    return doWrite();
  }

  // ---- Read ----------------------------------------------------------------------------------------

  private read(call: grpc.ServerWritableStream<ReadReqT, ReadRespT>): void {
    const options = call.request.getOptions();
    if (options === undefined) {
      call.emit("error", serviceError(grpc.status.INVALID_ARGUMENT, "no options"));
      return;
    }
    const isSubscription = options.hasSubscription();
    if (isSubscription) this.calls.subscribe++;
    else this.calls.read++;
    const fault = this.takeFault(isSubscription ? "subscribe" : "read");
    if (fault) {
      call.emit("error", fault);
      return;
    }
    if (options.hasStream()) {
      if (isSubscription) {
        call.emit("error", serviceError(grpc.status.UNIMPLEMENTED, "the double only subscribes to $all"));
        return;
      }
      this.readStream(call, options);
      return;
    }
    let filter: Filter | undefined;
    if (options.hasFilter()) {
      const f = options.getFilter()!;
      const expr = f.hasStreamIdentifier() ? f.getStreamIdentifier()! : f.getEventType()!;
      const prefixes = expr.getPrefixList();
      const regex = expr.getRegex() === "" ? undefined : new RegExp(expr.getRegex());
      filter = {
        on: f.hasStreamIdentifier() ? "stream" : "type",
        matches: (s) => (regex !== undefined && regex.test(s)) || prefixes.some((p) => s.startsWith(p)),
        // The server checks in windows of `max` (default 32) and sends a checkpoint every
        // `multiplier` windows.
        window: (f.hasMax() ? f.getMax() : 32) * Math.max(1, f.getCheckpointintervalmultiplier()),
      };
    }
    if (isSubscription) this.subscribeAll(call, options, filter);
    else this.readAll(call, options, filter);
  }

  private toResp(r: DoubleRecord, withPosition: boolean): ReadRespT {
    const re = new ReadResp.ReadEvent.RecordedEvent();
    const id = new sharedPb.UUID();
    id.setString(r.id);
    re.setId(id);
    const sid = new sharedPb.StreamIdentifier();
    sid.setStreamName(Buffer.from(r.streamId, "utf8"));
    re.setStreamIdentifier(sid);
    re.setStreamRevision(r.revision.toString());
    re.setCommitPosition(withPosition ? r.position.toString() : NO_POSITION);
    re.setPreparePosition(withPosition ? r.position.toString() : NO_POSITION);
    const meta = re.getMetadataMap();
    meta.set("type", r.type);
    meta.set("content-type", r.contentType);
    meta.set("created", r.created.toString());
    re.setCustomMetadata(r.metadata);
    re.setData(r.data);
    const ev = new ReadResp.ReadEvent();
    ev.setEvent(re);
    if (withPosition) ev.setCommitPosition(r.position.toString());
    else ev.setNoPosition(new sharedPb.Empty());
    const resp = new ReadResp();
    resp.setEvent(ev);
    return resp;
  }

  private readStream(call: grpc.ServerWritableStream<ReadReqT, ReadRespT>, options: StreamsPb.ReadReq.Options): void {
    const so = options.getStream()!;
    const streamId = Buffer.from(so.getStreamIdentifier()!.getStreamName_asU8()).toString("utf8");
    if (this.denied.has(streamId)) {
      call.emit("error", serviceError(grpc.status.PERMISSION_DENIED, "Access Denied", "access-denied"));
      return;
    }
    const stream = this.streams.get(streamId);
    if (stream === undefined || stream.length === 0) {
      const nf = new ReadResp.StreamNotFound();
      nf.setStreamIdentifier(so.getStreamIdentifier());
      const resp = new ReadResp();
      resp.setStreamNotFound(nf);
      call.write(resp);
      call.end();
      return;
    }
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount() || "0");
    const last = stream.length - 1;
    const start = so.hasRevision() ? Number(so.getRevision()) : so.hasEnd() ? last : backwards ? last : 0;
    const withPosition = this.options.streamReadPositions ?? true;
    let sent = 0;
    for (let i = start; backwards ? i >= 0 : i <= last; i += backwards ? -1 : 1) {
      if (sent >= count) break;
      const r = stream[i];
      if (r === undefined) continue;
      call.write(this.toResp(r, withPosition));
      sent++;
    }
    call.end();
  }

  private readAll(
    call: grpc.ServerWritableStream<ReadReqT, ReadRespT>,
    options: StreamsPb.ReadReq.Options,
    filter: Filter | undefined,
  ): void {
    const all = options.getAll()!;
    const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount() || "0");
    let records: DoubleRecord[];
    if (all.hasPosition()) {
      const p = all.getPosition()!;
      const pos = { commit: BigInt(p.getCommitPosition()), prepare: BigInt(p.getPreparePosition()) };
      const at = (r: DoubleRecord) => cmp({ commit: r.position, prepare: r.position }, pos);
      // Forwards reads include the start position; backwards reads return what lies before it.
      records = backwards ? this.log.filter((r) => at(r) < 0).reverse() : this.log.filter((r) => at(r) >= 0);
    } else if (all.hasEnd()) {
      records = backwards ? [...this.log].reverse() : [];
    } else {
      records = backwards ? [] : [...this.log];
    }
    let sent = 0;
    for (const r of records) {
      if (sent >= count) break;
      if (filter && !filter.matches(filter.on === "stream" ? r.streamId : r.type)) continue;
      call.write(this.toResp(r, true));
      sent++;
    }
    call.end();
  }

  private subscribeAll(
    call: grpc.ServerWritableStream<ReadReqT, ReadRespT>,
    options: StreamsPb.ReadReq.Options,
    filter: Filter | undefined,
  ): void {
    const all = options.getAll()!;
    const confirmation = new ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(`double-${this.calls.subscribe}`);
    const confirm = new ReadResp();
    confirm.setConfirmation(confirmation);
    call.write(confirm);
    let scanned = 0;
    let ended = false;
    const checkpoint = (r: DoubleRecord): void => {
      const c = new ReadResp.Checkpoint();
      c.setCommitPosition(r.position.toString());
      c.setPreparePosition(r.position.toString());
      const resp = new ReadResp();
      resp.setCheckpoint(c);
      call.write(resp);
    };
    const deliver = (r: DoubleRecord): void => {
      if (ended) return;
      if (!filter || filter.matches(filter.on === "stream" ? r.streamId : r.type)) call.write(this.toResp(r, true));
      scanned++;
      if (filter && scanned % filter.window === 0) checkpoint(r);
    };
    // Subscriptions start AFTER the given position (exclusive), unlike reads.
    let from = 0;
    if (all.hasPosition()) {
      const p = all.getPosition()!;
      const pos = { commit: BigInt(p.getCommitPosition()), prepare: BigInt(p.getPreparePosition()) };
      from = this.log.findIndex((r) => cmp({ commit: r.position, prepare: r.position }, pos) > 0);
      if (from < 0) from = this.log.length;
    } else if (all.hasEnd()) {
      from = this.log.length;
    }
    // Catch-up and registration happen in one turn of the event loop: no append can fall in between.
    for (let i = from; i < this.log.length; i++) deliver(this.log[i]!);
    if (this.options.sendCaughtUp ?? true) {
      const resp = new ReadResp();
      resp.setCaughtUp(new ReadResp.CaughtUp());
      call.write(resp);
    }
    const sub: LiveSubscription = {
      onAppend: (records) => {
        for (const r of records) deliver(r);
      },
      end: (code, details) => {
        if (ended) return;
        ended = true;
        this.live.delete(sub);
        call.emit("error", serviceError(code, details));
      },
    };
    this.live.add(sub);
    call.on("cancelled", () => {
      ended = true;
      this.live.delete(sub);
    });
  }
}
