import {
  addMonthsDay,
  type Command,
  type DomainError,
  dayOf,
  type Instant,
  isoDate,
  ledgerDecider,
  type RecordedEvent,
  streamOf,
  type Text,
} from "@coop-ledger/domain";
import { buildIndex, snapshot } from "@coop-ledger/projections";
import {
  type CommandHandler,
  type EventStore,
  makeCommandHandler,
  makeInMemoryStore,
} from "@coop-ledger/store";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { configureFastCheckFromEnv } from "../config/fast-check-env.js";

configureFastCheckFromEnv();

// Model-based test of the command handler over the in-memory store: random command sequences, retries
// of the same command id, and two handlers racing on one stream. A simple model says what each command
// should do; the real system and the model must agree on every stream and on the indicators.

const COOPS = ["htx-a", "htx-b", "htx-c"] as const;

interface CoopModel {
  status: "none" | "active" | "suspended" | "dissolving" | "dissolved";
  loans: Map<string, number>;
}
interface Model {
  coops: Map<string, CoopModel>;
  day: number;
  handled: Map<string, number>;
}
interface Real {
  store: EventStore;
  handler: CommandHandler<Command, DomainError>;
  last?: { commandId: string; command: Command };
}

let commandSeq = 0;
/** How often each command was accepted or refused (printed with COOP_LEDGER_STATS=1). */
const stats: Record<string, number> = {};
const nextDate = (m: Model): string => {
  m.day += 3;
  return isoDate(m.day);
};

const run = async (r: Real, commandId: string, command: Command) => {
  r.last = { commandId, command };
  return r.handler.handle({ commandId, command, metadata: { recordedBy: "model/clerk" as Text } })();
};

/** What the model expects a command to do: the new coop model, or a refusal. */
type Expect = { ok: true; apply: (c: CoopModel) => void } | { ok: false };

const expectFor = (c: CoopModel, cmd: Command): Expect => {
  const t = cmd.type;
  if (t === "FoundCoop")
    return c.status === "none"
      ? {
          ok: true,
          apply: (x) => {
            x.status = "active";
          },
        }
      : { ok: false };
  if (c.status === "none" || c.status === "dissolved") return { ok: false };
  switch (t) {
    case "SuspendCoop":
      return c.status === "active"
        ? {
            ok: true,
            apply: (x) => {
              x.status = "suspended";
            },
          }
        : { ok: false };
    case "ResumeCoop":
      return c.status === "suspended"
        ? {
            ok: true,
            apply: (x) => {
              x.status = "active";
            },
          }
        : { ok: false };
    case "StartDissolution":
      return c.status === "dissolving"
        ? { ok: false }
        : {
            ok: true,
            apply: (x) => {
              x.status = "dissolving";
            },
          };
    case "DissolveCoop":
      return {
        ok: true,
        apply: (x) => {
          x.status = "dissolved";
        },
      };
    case "DisburseLoan":
      return c.status === "active" && !c.loans.has(cmd.data.loanId)
        ? { ok: true, apply: (x) => void x.loans.set(cmd.data.loanId, cmd.data.principalVnd) }
        : { ok: false };
    case "RepayLoan": {
      const out = c.loans.get(cmd.data.loanId);
      return out !== undefined && cmd.data.principalVnd > 0 && cmd.data.principalVnd <= out
        ? { ok: true, apply: (x) => void x.loans.set(cmd.data.loanId, out - cmd.data.principalVnd) }
        : { ok: false };
    }
    default:
      return { ok: false };
  }
};

const coopOf = (m: Model, id: string): CoopModel => {
  let c = m.coops.get(id);
  if (c === undefined) {
    c = { status: "none", loans: new Map() };
    m.coops.set(id, c);
  }
  return c;
};

type Make = (m: Model, coopId: string) => Command;
const make: Record<string, Make> = {
  found: (m, coopId) =>
    ({
      type: "FoundCoop",
      data: {
        coopId,
        effectiveDate: nextDate(m),
        name: `HTX ${coopId}`,
        form: "cooperative",
        sector: "agriculture",
        location: { gazetteer: "2008-08-01", provinceCode: "60" },
        foundingMembers: 9,
      },
    }) as unknown as Command,
  suspend: (m, coopId) =>
    ({ type: "SuspendCoop", data: { coopId, effectiveDate: nextDate(m) } }) as unknown as Command,
  resume: (m, coopId) =>
    ({ type: "ResumeCoop", data: { coopId, effectiveDate: nextDate(m) } }) as unknown as Command,
  startDissolution: (m, coopId) =>
    ({
      type: "StartDissolution",
      data: { coopId, effectiveDate: nextDate(m), mode: "voluntary" },
    }) as unknown as Command,
  dissolve: (m, coopId) =>
    ({
      type: "DissolveCoop",
      data: { coopId, effectiveDate: nextDate(m), mode: "voluntary" },
    }) as unknown as Command,
};

class Handle implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly kind: string,
    readonly coop: number,
    readonly n: number,
  ) {}
  check = (): boolean => true;
  command(m: Model): Command {
    const coopId = COOPS[this.coop % COOPS.length] as string;
    if (this.kind === "loan") {
      const effectiveDate = nextDate(m);
      return {
        type: "DisburseLoan",
        data: {
          coopId,
          effectiveDate,
          loanId: `l-${this.n % 2}`,
          fundKind: "provincialSupportFund",
          principalVnd: (this.n + 1) * 10_000_000,
          termMonths: 24,
          maturityDate: isoDate(addMonthsDay(dayOf(effectiveDate), 24)),
        },
      } as unknown as Command;
    }
    if (this.kind === "repay") {
      return {
        type: "RepayLoan",
        data: {
          coopId,
          effectiveDate: nextDate(m),
          loanId: `l-${this.n % 2}`,
          principalVnd: (this.n % 8) * 2_000_000,
        },
      } as unknown as Command;
    }
    return (make[this.kind] as Make)(m, coopId);
  }
  async run(m: Model, r: Real): Promise<void> {
    const cmd = this.command(m);
    const id = `cmd-${++commandSeq}`;
    const expected = expectFor(coopOf(m, (cmd.data as { coopId: string }).coopId), cmd);
    const result = await run(r, id, cmd);
    stats[`${cmd.type}:${E.isRight(result)}`] = (stats[`${cmd.type}:${E.isRight(result)}`] ?? 0) + 1;
    expect(E.isRight(result)).toBe(expected.ok);
    if (expected.ok && E.isRight(result)) {
      expected.apply(coopOf(m, (cmd.data as { coopId: string }).coopId));
      m.handled.set(id, result.right.eventIds.length);
    }
    if (E.isLeft(result)) expect(result.left._tag).toBe("Rejected");
    await agree(m, r);
  }
  toString = (): string => `${this.kind}(${COOPS[this.coop % COOPS.length]}, ${this.n})`;
}

/** Re-handles the last command with the same id: nothing new may be appended. */
class Retry implements fc.AsyncCommand<Model, Real> {
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    if (r.last === undefined) return;
    const before = (await r.store.readAll({ maxCount: 100_000 })()) as E.Either<
      unknown,
      { events: ReadonlyArray<RecordedEvent> }
    >;
    const again = await run(r, r.last.commandId, r.last.command);
    const after = (await r.store.readAll({ maxCount: 100_000 })()) as E.Either<
      unknown,
      { events: ReadonlyArray<RecordedEvent> }
    >;
    if (m.handled.has(r.last.commandId)) {
      expect(E.isRight(again) && again.right.alreadyHandled).toBe(true);
    }
    expect(
      E.isRight(after) && E.isRight(before) && after.right.events.length === before.right.events.length,
    ).toBe(true);
    await agree(m, r);
  }
  toString = (): string => "retry(last)";
}

/** Two handlers race on one co-op with two repayments; the result must be one of the two serial orders. */
class Race implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly coop: number,
    readonly a: number,
    readonly b: number,
  ) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    const x = new Handle("repay", this.coop, this.a).command(m);
    const y = new Handle("repay", this.coop, this.b).command(m);
    const c = coopOf(m, (x.data as { coopId: string }).coopId);
    const [rx, ry] = await Promise.all([run(r, `cmd-${++commandSeq}`, x), run(r, `cmd-${++commandSeq}`, y)]);
    // Serial outcomes of x then y, and of y then x, from the model.
    const serial = (first: Command, second: Command) => {
      const copy: CoopModel = { status: c.status, loans: new Map(c.loans) };
      const e1 = expectFor(copy, first);
      if (e1.ok) e1.apply(copy);
      const e2 = expectFor(copy, second);
      if (e2.ok) e2.apply(copy);
      return { copy, oks: [e1.ok, e2.ok] };
    };
    const xy = serial(x, y);
    const yx = serial(y, x);
    const got = [E.isRight(rx), E.isRight(ry)];
    for (const ok of got) stats[`RepayLoan:${ok}`] = (stats[`RepayLoan:${ok}`] ?? 0) + 1;
    const match = [xy, { ...yx, oks: [yx.oks[1], yx.oks[0]] }].find(
      (o) => o.oks[0] === got[0] && o.oks[1] === got[1],
    );
    expect(match).toBeDefined();
    if (match !== undefined) {
      c.loans = match.copy.loans;
      c.status = match.copy.status;
    }
    await agree(m, r);
  }
  toString = (): string => `race(${COOPS[this.coop % COOPS.length]}, repay ${this.a} | repay ${this.b})`;
}

/** Every stream and the indicators agree with the model. */
const agree = async (m: Model, r: Real): Promise<void> => {
  const all = await r.store.readAll({ maxCount: 100_000 })();
  if (E.isLeft(all)) throw new Error(all.left.message);
  const events = all.right.events;
  for (const id of COOPS) {
    const c = coopOf(m, id);
    const mine = events.filter((e) => e.streamId === `coop-${id}`);
    const types = mine.map((e) => e.event.type);
    const status = types.includes("CoopDissolved")
      ? "dissolved"
      : types.length === 0
        ? "none"
        : (() => {
            const last = [...types]
              .reverse()
              .find((t) => ["CoopFounded", "CoopSuspended", "CoopResumed", "DissolutionStarted"].includes(t));
            return last === "CoopSuspended"
              ? "suspended"
              : last === "DissolutionStarted"
                ? "dissolving"
                : "active";
          })();
    expect({ id, status }).toEqual({ id, status: c.status });
  }
  const s = snapshot(buildIndex(events), { validAt: isoDate(m.day + 1) });
  if (E.isLeft(s)) throw new Error(s.left.message);
  const fig = (id: string) => s.right.figures.find((f) => f.id === id)?.value;
  const active = [...m.coops.values()].filter(
    (c) => c.status === "active" || c.status === "suspended" || c.status === "dissolving",
  ).length;
  // A dissolved co-op's unpaid principal is still owed (dư nợ) until repaid or written off.
  const outstanding = [...m.coops.values()].reduce(
    (a, c) => a + [...c.loans.values()].reduce((x, y) => x + y, 0),
    0,
  );
  expect({ active: fig("coops.active") ?? 0 }).toEqual({ active });
  expect({ outstanding: fig("loans.outstandingVnd") ?? 0 }).toEqual({ outstanding });
};

const commands = [
  fc
    .tuple(
      fc.constantFrom(
        "found",
        "found",
        "suspend",
        "resume",
        "startDissolution",
        "dissolve",
        "loan",
        "loan",
        "loan",
        "repay",
        "repay",
        "repay",
        "repay",
      ),
      fc.nat(2),
      fc.nat(40),
    )
    .map(([k, c, n]) => new Handle(k, c, n) as fc.AsyncCommand<Model, Real>),
  fc.constant(new Retry() as fc.AsyncCommand<Model, Real>),
  fc
    .tuple(fc.nat(2), fc.nat(40), fc.nat(40))
    .map(([c, a, b]) => new Race(c, a, b) as fc.AsyncCommand<Model, Real>),
];

describe("model-based: the command handler over the in-memory store agrees with a simple model", () => {
  it("on every stream and on coops.active and loans.outstandingVnd, through retries and races", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: "large" }), async (cmds) => {
        let tick = Date.parse("2024-01-01T00:00:00.000Z");
        const store = makeInMemoryStore();
        const handler = makeCommandHandler({
          store,
          decider: ledgerDecider,
          streamOf,
          clock: () => {
            tick += 1000;
            return new Date(tick).toISOString() as Instant;
          },
          maxRetries: 5,
        });
        const model: Model = { coops: new Map(), day: dayOf("2019-01-01"), handled: new Map() };
        await fc.asyncModelRun(() => ({ model, real: { store, handler } }), cmds);
        await store.close();
      }),
      { numRuns: 60 },
    );
    if (process.env.COOP_LEDGER_STATS === "1") console.log(stats);
    // The run must exercise acceptances, refusals and suspensions, or it proves nothing.
    expect(stats["FoundCoop:true"] ?? 0).toBeGreaterThan(10);
    expect(stats["SuspendCoop:true"] ?? 0).toBeGreaterThan(0);
    expect(stats["RepayLoan:true"] ?? 0).toBeGreaterThan(0);
  });
});
