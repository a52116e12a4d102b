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
 * - ServerFeatures advertising BatchAppend (the client then appends through BatchAppend, errors packed
 *   in a google.rpc.Status), or, with `batchAppend: false`, no ServerFeatures at all: the client gets
 *   UNIMPLEMENTED, assumes an old server and uses `Append`, as against EventStoreDB 20.x.
 *
 * What it does NOT model: clustering, leader election, TLS, authentication/ACLs (only a deny list),
 * scavenging, soft deletes (a tombstone only, as a flag: `tombstone()`), links, persistent
 * subscriptions, and the real log's byte layout (positions are increasing offsets sized like records,
 * not a real chunk file).
 *
 * Test code only (excluded from the build).
 */

import { createRequire } from "node:module";
import type * as FeaturesPb from "@eventstore/db-client/generated/serverfeatures_pb.js";
import type * as SharedPb from "@eventstore/db-client/generated/shared_pb.js";
import type * as StatusPb from "@eventstore/db-client/generated/status_pb.js";
import type * as StreamsPb from "@eventstore/db-client/generated/streams_pb.js";
import * as grpc from "@grpc/grpc-js";
import type { ClientPackage } from "../client/client-package.js";
import { requireFromClient } from "../client/load-client-package.js";
import { comparePositions } from "../mapping/position.js";

/**
 * The protobuf classes and gRPC service definitions of ONE client package, loaded from that package
 * (each in its own protobuf namespace, see `load-client-package.ts`): the double speaks to each client
 * with the client's own definitions. The two packages generate the same messages from the same
 * `.proto` files (Kurrent's add fields, e.g. `BatchAppendReq.Options.deadline_21_10_0` and
 * `this.pb.streams.ReadResp.Position`), so the 6.x typings describe what the double uses of either.
 */
interface Protocol {
  readonly streams: typeof StreamsPb;
  readonly shared: typeof SharedPb;
  readonly status: typeof StatusPb;
  readonly features: typeof FeaturesPb;
  readonly streamsService: grpc.ServiceDefinition;
  readonly featuresService: grpc.ServiceDefinition;
  readonly any: { Any: new () => { pack(serialized: Uint8Array, name: string): void } };
  readonly empty: { Empty: new () => never };
}

const GENERATED: Record<ClientPackage, string> = {
  "@eventstore/db-client": "generated",
  "@kurrent/kurrentdb-client": "generated/kurrentdb/protocols/v1",
};

const protocols = new Map<ClientPackage, Protocol>();
const protocolOf = (pkg: ClientPackage): Protocol => {
  const known = protocols.get(pkg);
  if (known !== undefined) return known;
  const clientRequire = createRequire(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  const g = (file: string) => requireFromClient(pkg, `${GENERATED[pkg]}/${file}`);
  const p: Protocol = {
    streams: g("streams_pb.js") as typeof StreamsPb,
    shared: g("shared_pb.js") as typeof SharedPb,
    status: g("status_pb.js") as typeof StatusPb,
    features: g("serverfeatures_pb.js") as typeof FeaturesPb,
    streamsService: (g("streams_grpc_pb.js") as { StreamsService: grpc.ServiceDefinition }).StreamsService,
    featuresService: (g("serverfeatures_grpc_pb.js") as { ServerFeaturesService: grpc.ServiceDefinition })
      .ServerFeaturesService,
    // google-protobuf is the client's dependency, not ours: loaded from where the client resolves it.
    any: clientRequire("google-protobuf/google/protobuf/any_pb.js") as Protocol["any"],
    empty: clientRequire("google-protobuf/google/protobuf/empty_pb.js") as Protocol["empty"],
  };
  protocols.set(pkg, p);
  return p;
};

type ReadReqT = StreamsPb.ReadReq;
type ReadRespT = StreamsPb.ReadResp;
type AppendReqT = StreamsPb.AppendReq;
type AppendRespT = StreamsPb.AppendResp;
type BatchReqT = StreamsPb.BatchAppendReq;
type BatchRespT = StreamsPb.BatchAppendResp;

/** What an append decided, before it is put in the reply of `Append` or `BatchAppend`. */
type AppendDecision =
  | { readonly kind: "success"; readonly revision: bigint; readonly position: bigint | undefined }
  | { readonly kind: "wrong"; readonly current: bigint; readonly expected: ExpectedState };
type ExpectedState = bigint | "any" | "no_stream" | "stream_exists";
type ProposedEvent = Omit<DoubleRecord, "streamId" | "revision" | "position" | "created">;

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
  /**
   * More trailers, e.g. `leader-endpoint-host` / `leader-endpoint-port`, which the server sends with
   * `not-leader` (`RpcExceptions.LeaderInfo`) and both clients' `NotLeaderError` reads.
   */
  readonly trailers?: Readonly<Record<string, string>>;
}

/** Options of the double. */
export interface EsdbServerDoubleOptions {
  /** Which client's service definitions to serve (default `@eventstore/db-client`). */
  readonly client?: ClientPackage;
  /** Send `caught_up` after the stored events (servers from 23.10 do); default true. */
  readonly sendCaughtUp?: boolean;
  /** Fill `$all` positions in stream reads (servers from 22.6 do); default true. */
  readonly streamReadPositions?: boolean;
  /** Seed the log with the server's own system events; default true. */
  readonly systemEvents?: boolean;
  /**
   * Serve ServerFeatures advertising BatchAppend, as servers from 21.10 do (the client then appends
   * through BatchAppend unless per-call credentials are given); default true. With `false` the
   * service is absent (UNIMPLEMENTED), as on 20.x, and the client uses `Append`.
   */
  readonly batchAppend?: boolean;
  /**
   * What an idempotent repeat is answered with: `"none"` (default) no position, as the
   * `AlreadyCommitted` reply without a log position gives (`Streams.Append.cs`: CommitPosition −1 →
   * `no_position`); `"original"` the position of the events already stored, as servers whose
   * storage writer replies `AlreadyCommitted(…, IdempotentLogPosition)` do. See docs/eventstoredb.md.
   */
  readonly repeatPosition?: "none" | "original";
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

const serviceError = (
  code: grpc.status,
  details: string,
  exception?: string,
  extra: Readonly<Record<string, string>> = {},
): grpc.ServiceError => {
  const metadata = new grpc.Metadata();
  if (exception !== undefined) metadata.set("exception", exception);
  for (const [k, v] of Object.entries(extra)) metadata.set(k, v);
  return Object.assign(new Error(details), { code, details, metadata });
};

/**
 * The server's error for a call on a deleted (tombstoned) stream: FAILED_PRECONDITION with the
 * `exception: stream-deleted` and `stream-name` trailers (`RpcExceptions.StreamDeleted`), which both
 * clients turn into `StreamDeletedError` (reading `stream-name`).
 */
const streamDeletedError = (streamId: string): grpc.ServiceError =>
  serviceError(grpc.status.FAILED_PRECONDITION, `Event stream '${streamId}' is deleted.`, "stream-deleted", {
    "stream-name": streamId,
  });

/**
 * A loopback gRPC test double of an EventStoreDB server (see the module comment for what it models).
 *
 * @example
 * import { createEsdbClient, makeEsdbStore } from "@coop-ledger/store-esdb";
 * import { fixtureBatch, fixtureEvent } from "@coop-ledger/store/contract";
 * // EsdbServerDouble is test support of this repository (not in the package).
 * const server = await EsdbServerDouble.start();
 * const client = createEsdbClient({ url: server.connectionString, client: "@eventstore/db-client" });
 * if (client._tag === "Left") throw new Error(client.left.message);
 * const store = makeEsdbStore(client.right);
 * const { streamId } = fixtureEvent("a", 0);
 * const r = await store.append(streamId, fixtureBatch("a", 2), { expectedRevision: "noStream" })();
 * const back = await store.readStream(streamId)();
 * console.log(r._tag === "Right" && r.right.written, back._tag === "Right" && back.right.length); // true 2
 * await store.close();
 * await server.stop();
 */
export class EsdbServerDouble {
  readonly log: DoubleRecord[] = [];
  private readonly streams = new Map<string, DoubleRecord[]>();
  private readonly live = new Set<LiveSubscription>();
  private readonly faults: Array<InjectedFault & { left: number }> = [];
  private readonly denied = new Set<string>();
  private readonly tombstoned = new Set<string>();
  private nextPosition = 0n;
  private clock = 0n;
  /** Calls received, by method, for assertions. */
  readonly calls = { append: 0, batchAppend: 0, read: 0, subscribe: 0 };
  /** The filters plain reads of `$all` asked the server for (`"none"`: unfiltered). */
  readonly readFilters: Array<{ readonly on: "stream" | "type"; readonly prefixes: string[] } | "none"> = [];
  /** Where each subscription to `$all` asked to start (after a position, or from start / end). */
  readonly subscriptionStarts: Array<bigint | "start" | "end"> = [];
  /** The filters subscriptions asked the server for, in order (what the server was told, not the client). */
  readonly subscriptionFilters: Array<
    { readonly on: "stream" | "type"; readonly prefixes: string[]; readonly regex: string } | "none"
  > = [];

  /** The client package whose service definitions this double serves. */
  readonly client: ClientPackage;
  private readonly pb: Protocol;

  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
    private readonly options: EsdbServerDoubleOptions,
  ) {
    this.client = options.client ?? "@eventstore/db-client";
    this.pb = protocolOf(this.client);
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
    const pb = double.pb;
    server.addService(pb.streamsService, {
      read: (call: grpc.ServerWritableStream<ReadReqT, ReadRespT>) => double.read(call),
      append: (
        call: grpc.ServerReadableStream<AppendReqT, AppendRespT>,
        cb: grpc.sendUnaryData<AppendRespT>,
      ) => double.append(call, cb),
      delete: (_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
        cb(serviceError(grpc.status.UNIMPLEMENTED, "the double does not delete")),
      tombstone: (_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
        cb(serviceError(grpc.status.UNIMPLEMENTED, "the double does not tombstone")),
      batchAppend: (call: grpc.ServerDuplexStream<BatchReqT, BatchRespT>) => double.batchAppend(call),
    });
    if (options.batchAppend ?? true) {
      server.addService(pb.featuresService, {
        getSupportedMethods: (_call: unknown, cb: grpc.sendUnaryData<FeaturesPb.SupportedMethods>) => {
          const methods = ["Read", "Append", "BatchAppend"].map((name) => {
            const m = new pb.features.SupportedMethod();
            m.setServiceName("event_store.client.streams.Streams");
            m.setMethodName(name);
            return m;
          });
          const sm = new pb.features.SupportedMethods();
          sm.setMethodsList(methods);
          sm.setEventStoreServerVersion("24.10.0-double");
          cb(null, sm);
        },
      });
    }
    return double;
  }

  /**
   * `esdb://127.0.0.1:<port>?tls=false` (`kurrentdb://…` when serving the Kurrent client, which warns
   * that `esdb://` is deprecated).
   */
  get connectionString(): string {
    const scheme = this.client === "@kurrent/kurrentdb-client" ? "kurrentdb" : "esdb";
    return `${scheme}://127.0.0.1:${this.port}?tls=false`;
  }

  /** Makes the next calls of a method fail with a gRPC status. */
  injectFault(fault: InjectedFault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Refuses every call on a stream with the server's access-denied error. */
  deny(streamId: string): void {
    this.denied.add(streamId);
  }

  /** Tombstones a stream: every later append or read of it fails with the server's stream-deleted. */
  tombstone(streamId: string): void {
    this.tombstoned.add(streamId);
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
    events: ReadonlyArray<{
      id: string;
      type: string;
      json?: unknown;
      metadata?: unknown;
      bytes?: Uint8Array;
    }>,
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
    return serviceError(f.code, f.details ?? `injected ${grpc.status[f.code]}`, f.exception, f.trailers);
  }

  private write(streamId: string, events: ReadonlyArray<ProposedEvent>): ReadonlyArray<DoubleRecord> {
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

  private append(
    call: grpc.ServerReadableStream<AppendReqT, AppendRespT>,
    cb: grpc.sendUnaryData<AppendRespT>,
  ): void {
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
      if (this.tombstoned.has(streamId)) return cb(streamDeletedError(streamId));
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

  private batchAppend(call: grpc.ServerDuplexStream<BatchReqT, BatchRespT>): void {
    this.calls.batchAppend++;
    const pending = new Map<string, { streamId: string; expected: ExpectedState; events: ProposedEvent[] }>();
    call.on("data", (req: BatchReqT) => {
      const correlation = req.getCorrelationId()!.getString();
      let entry = pending.get(correlation);
      if (entry === undefined) {
        const o = req.getOptions()!;
        const C = this.pb.streams.BatchAppendReq.Options.ExpectedStreamPositionCase;
        const c = o.getExpectedStreamPositionCase();
        entry = {
          streamId: Buffer.from(o.getStreamIdentifier()!.getStreamName_asU8()).toString("utf8"),
          expected:
            c === C.STREAM_POSITION
              ? BigInt(o.getStreamPosition())
              : c === C.NO_STREAM
                ? "no_stream"
                : c === C.STREAM_EXISTS
                  ? "stream_exists"
                  : "any",
          events: [],
        };
        pending.set(correlation, entry);
      }
      for (const m of req.getProposedMessagesList()) {
        const meta = m.getMetadataMap();
        entry.events.push({
          id: m.getId()!.getString().toLowerCase(),
          type: meta.get("type") ?? "",
          contentType: meta.get("content-type") ?? "application/octet-stream",
          data: m.getData_asU8(),
          metadata: m.getCustomMetadata_asU8(),
        });
      }
      if (!req.getIsFinal()) return;
      pending.delete(correlation);
      const resp = new this.pb.streams.BatchAppendResp();
      resp.setCorrelationId(req.getCorrelationId());
      const sid = new this.pb.shared.StreamIdentifier();
      sid.setStreamName(Buffer.from(entry.streamId, "utf8"));
      resp.setStreamIdentifier(sid);
      const fault = this.takeFault("append");
      if (fault !== undefined) {
        call.emit("error", fault);
        return;
      }
      // BatchAppend reports failures in the reply: a google.rpc.Status whose details pack the
      // server's error message (WrongExpectedVersion, AccessDenied, ...).
      const failWith = (
        code: number,
        message: string,
        typeName: string,
        detail: { serializeBinary(): Uint8Array },
      ) => {
        const status = new this.pb.status.Status();
        status.setCode(code);
        status.setMessage(message);
        const any = new this.pb.any.Any();
        any.pack(detail.serializeBinary(), typeName);
        status.setDetails(any as never);
        resp.setError(status);
        call.write(resp);
      };
      if (this.denied.has(entry.streamId)) {
        failWith(
          grpc.status.PERMISSION_DENIED,
          "Access Denied",
          "event_store.client.AccessDenied",
          new this.pb.shared.AccessDenied(),
        );
        return;
      }
      if (this.tombstoned.has(entry.streamId)) {
        const deleted = new this.pb.shared.StreamDeleted();
        const sid = new this.pb.shared.StreamIdentifier();
        sid.setStreamName(Buffer.from(entry.streamId, "utf8"));
        deleted.setStreamIdentifier(sid);
        failWith(
          grpc.status.FAILED_PRECONDITION,
          "Stream deleted",
          "event_store.client.StreamDeleted",
          deleted,
        );
        return;
      }
      const d = this.decide(entry.streamId, entry.expected, entry.events);
      if (d.kind === "wrong") {
        const w = new this.pb.shared.WrongExpectedVersion();
        const empty = new this.pb.empty.Empty();
        if (d.current < 0n) w.setCurrentNoStream(empty);
        else w.setCurrentStreamRevision(d.current.toString());
        if (typeof d.expected === "bigint") w.setExpectedStreamPosition(d.expected.toString());
        else if (d.expected === "no_stream") w.setExpectedNoStream(empty);
        else if (d.expected === "stream_exists") w.setExpectedStreamExists(empty);
        else w.setExpectedAny(empty);
        failWith(
          grpc.status.FAILED_PRECONDITION,
          "WrongExpectedVersion",
          "event_store.client.WrongExpectedVersion",
          w,
        );
        return;
      }
      const success = new this.pb.streams.BatchAppendResp.Success();
      if (d.revision < 0n) success.setNoStream(new this.pb.empty.Empty());
      else success.setCurrentRevision(d.revision.toString());
      if (d.position === undefined) success.setNoPosition(new this.pb.empty.Empty());
      else {
        const p = new this.pb.shared.AllStreamPosition();
        p.setCommitPosition(d.position.toString());
        p.setPreparePosition(d.position.toString());
        success.setPosition(p);
      }
      resp.setSuccess(success);
      call.write(resp);
    });
    call.on("end", () => call.end());
  }

  private decideAppend(
    streamId: string,
    options: StreamsPb.AppendReq.Options,
    events: ReadonlyArray<ProposedEvent>,
  ): AppendRespT {
    const C = this.pb.streams.AppendReq.Options.ExpectedStreamRevisionCase;
    const expectedCase = options.getExpectedStreamRevisionCase();
    const expected: ExpectedState =
      expectedCase === C.REVISION
        ? BigInt(options.getRevision())
        : expectedCase === C.NO_STREAM
          ? "no_stream"
          : expectedCase === C.STREAM_EXISTS
            ? "stream_exists"
            : "any";
    const d = this.decide(streamId, expected, events);
    const resp = new this.pb.streams.AppendResp();
    if (d.kind === "wrong") {
      const w = new this.pb.streams.AppendResp.WrongExpectedVersion();
      if (d.current < 0n) w.setCurrentNoStream(new this.pb.shared.Empty());
      else w.setCurrentRevision(d.current.toString());
      if (typeof d.expected === "bigint") w.setExpectedRevision(d.expected.toString());
      else if (d.expected === "no_stream") w.setExpectedNoStream(new this.pb.shared.Empty());
      else if (d.expected === "stream_exists") w.setExpectedStreamExists(new this.pb.shared.Empty());
      else w.setExpectedAny(new this.pb.shared.Empty());
      resp.setWrongExpectedVersion(w);
      return resp;
    }
    const s = new this.pb.streams.AppendResp.Success();
    if (d.revision < 0n) s.setNoStream(new this.pb.shared.Empty());
    else s.setCurrentRevision(d.revision.toString());
    if (d.position === undefined) s.setNoPosition(new this.pb.shared.Empty());
    else {
      const p = new this.pb.streams.AppendResp.Position();
      p.setCommitPosition(d.position.toString());
      p.setPreparePosition(d.position.toString());
      s.setPosition(p);
    }
    resp.setSuccess(s);
    return resp;
  }

  /** The server's append rules: expected revision, then idempotency by event id. */
  private decide(
    streamId: string,
    expected: ExpectedState,
    events: ReadonlyArray<ProposedEvent>,
  ): AppendDecision {
    const stream = this.streams.get(streamId) ?? [];
    const current = BigInt(stream.length) - 1n; // -1: no stream
    const ids = events.map((e) => e.id);
    const idsAt = (from: bigint): boolean =>
      from >= 0n && ids.every((id, i) => stream[Number(from) + i]?.id === id);
    const wrong: AppendDecision = { kind: "wrong", current, expected };
    const doWrite = (): AppendDecision => {
      const written = this.write(streamId, events);
      const last = written[written.length - 1]!;
      return { kind: "success", revision: last.revision, position: last.position };
    };
    // An idempotent repeat of the events at revisions from..: answered without a position, or, as
    // servers that report `IdempotentLogPosition` do, with the position of the events already there.
    const repeat = (from: bigint): AppendDecision => {
      const last = stream[Number(from) + ids.length - 1]!;
      return {
        kind: "success",
        revision: last.revision,
        position: this.options.repeatPosition === "original" ? last.position : undefined,
      };
    };
    if (events.length === 0) return { kind: "success", revision: current, position: undefined };
    if (typeof expected === "bigint" || expected === "no_stream") {
      const after = expected === "no_stream" ? -1n : expected;
      // The server's idempotency rule: the same ids right after the expected revision → already done,
      // answered without a position.
      if (idsAt(after + 1n)) return repeat(after + 1n);
      if (current !== after) return wrong;
      return doWrite();
    }
    if (expected === "stream_exists" && current < 0n) return wrong;
    // `any` / `stream_exists`: a batch whose first id is in the stream is a repeat when the rest follow
    // it, and refused (wrong expected version) when they do not.
    const first = stream.findIndex((r) => r.id === ids[0]);
    if (first >= 0) {
      if (idsAt(BigInt(first))) return repeat(BigInt(first));
      return wrong;
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
        matches: (s) => regex?.test(s) === true || prefixes.some((p) => s.startsWith(p)),
        // The server checks in windows of `max` (default 32) and sends a checkpoint every
        // `multiplier` windows.
        window: (f.hasMax() ? f.getMax() : 32) * Math.max(1, f.getCheckpointintervalmultiplier()),
      };
    }
    if (isSubscription) {
      const f = options.getFilter();
      this.subscriptionFilters.push(
        f === undefined
          ? "none"
          : (() => {
              const expr = f.hasStreamIdentifier() ? f.getStreamIdentifier()! : f.getEventType()!;
              return {
                on: f.hasStreamIdentifier() ? "stream" : "type",
                prefixes: expr.getPrefixList(),
                regex: expr.getRegex(),
              } as const;
            })(),
      );
      this.subscribeAll(call, options, filter);
    } else {
      const f = options.getFilter();
      const expr =
        f === undefined ? undefined : f.hasStreamIdentifier() ? f.getStreamIdentifier() : f.getEventType();
      this.readFilters.push(
        f === undefined || expr === undefined
          ? "none"
          : { on: f.hasStreamIdentifier() ? "stream" : "type", prefixes: expr.getPrefixList() },
      );
      this.readAll(call, options, filter);
    }
  }

  private toResp(r: DoubleRecord, withPosition: boolean): ReadRespT {
    const re = new this.pb.streams.ReadResp.ReadEvent.RecordedEvent();
    const id = new this.pb.shared.UUID();
    id.setString(r.id);
    re.setId(id);
    const sid = new this.pb.shared.StreamIdentifier();
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
    const ev = new this.pb.streams.ReadResp.ReadEvent();
    ev.setEvent(re);
    if (withPosition) ev.setCommitPosition(r.position.toString());
    else ev.setNoPosition(new this.pb.shared.Empty());
    const resp = new this.pb.streams.ReadResp();
    resp.setEvent(ev);
    return resp;
  }

  private readStream(
    call: grpc.ServerWritableStream<ReadReqT, ReadRespT>,
    options: StreamsPb.ReadReq.Options,
  ): void {
    const so = options.getStream()!;
    const streamId = Buffer.from(so.getStreamIdentifier()!.getStreamName_asU8()).toString("utf8");
    if (this.denied.has(streamId)) {
      call.emit("error", serviceError(grpc.status.PERMISSION_DENIED, "Access Denied", "access-denied"));
      return;
    }
    if (this.tombstoned.has(streamId)) {
      call.emit("error", streamDeletedError(streamId));
      return;
    }
    const stream = this.streams.get(streamId);
    if (stream === undefined || stream.length === 0) {
      const nf = new this.pb.streams.ReadResp.StreamNotFound();
      nf.setStreamIdentifier(so.getStreamIdentifier());
      const resp = new this.pb.streams.ReadResp();
      resp.setStreamNotFound(nf);
      call.write(resp);
      call.end();
      return;
    }
    const backwards = options.getReadDirection() === this.pb.streams.ReadReq.Options.ReadDirection.BACKWARDS;
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
    const backwards = options.getReadDirection() === this.pb.streams.ReadReq.Options.ReadDirection.BACKWARDS;
    const count = Number(options.getCount() || "0");
    let records: DoubleRecord[];
    if (all.hasPosition()) {
      const p = all.getPosition()!;
      const pos = { commit: BigInt(p.getCommitPosition()), prepare: BigInt(p.getPreparePosition()) };
      const at = (r: DoubleRecord) => comparePositions({ commit: r.position, prepare: r.position }, pos);
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
    const confirmation = new this.pb.streams.ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(`double-${this.calls.subscribe}`);
    const confirm = new this.pb.streams.ReadResp();
    confirm.setConfirmation(confirmation);
    call.write(confirm);
    let scanned = 0;
    let ended = false;
    const checkpoint = (r: DoubleRecord): void => {
      const c = new this.pb.streams.ReadResp.Checkpoint();
      c.setCommitPosition(r.position.toString());
      c.setPreparePosition(r.position.toString());
      const resp = new this.pb.streams.ReadResp();
      resp.setCheckpoint(c);
      call.write(resp);
    };
    const deliver = (r: DoubleRecord): void => {
      if (ended) return;
      if (!filter || filter.matches(filter.on === "stream" ? r.streamId : r.type))
        call.write(this.toResp(r, true));
      scanned++;
      if (filter && scanned % filter.window === 0) checkpoint(r);
    };
    // Subscriptions start AFTER the given position (exclusive), unlike reads.
    let from = 0;
    this.subscriptionStarts.push(
      all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : all.hasEnd() ? "end" : "start",
    );
    if (all.hasPosition()) {
      const p = all.getPosition()!;
      const pos = { commit: BigInt(p.getCommitPosition()), prepare: BigInt(p.getPreparePosition()) };
      from = this.log.findIndex(
        (r) => comparePositions({ commit: r.position, prepare: r.position }, pos) > 0,
      );
      if (from < 0) from = this.log.length;
    } else if (all.hasEnd()) {
      from = this.log.length;
    }
    // Catch-up and registration happen in one turn of the event loop: no append can fall in between.
    for (let i = from; i < this.log.length; i++) deliver(this.log[i]!);
    if (this.options.sendCaughtUp ?? true) {
      const resp = new this.pb.streams.ReadResp();
      resp.setCaughtUp(new this.pb.streams.ReadResp.CaughtUp());
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
