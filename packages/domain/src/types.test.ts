// Type tests (checked by `tsc -p tsconfig.test.json`, run as ordinary tests by vitest): what the
// types promise a user of the package, so that a change that loosens them fails the build. Every
// `@ts-expect-error` below is a line that must NOT compile; if it starts compiling, tsc reports the
// directive as unused and the check fails.
import * as E from "fp-ts/lib/Either.js";
import { match } from "ts-pattern";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type Command, type CommandOf, type CommandType, streamOf } from "./commands/command.js";
import { type CommandInput, makeCommand } from "./commands/make-command.js";
import type { DomainErrorTag } from "./decider/domain-error.js";
import type { DomainWarning } from "./decider/domain-warning.js";
import { ERROR_RULES } from "./decider/error-rule.js";
import type { EventDecodeError } from "./events/decode-error.js";
import type { DomainEvent, EventData, EventOf, EventType } from "./events/domain-event.js";
import type { CoopId, LoanId } from "./values/ids.js";
import { type SignedVnd, Vnd } from "./values/money.js";
import type { BusinessDate } from "./values/time.js";

describe("types: money", () => {
  it("a plain number is not VND: only a decoded (checked) amount is", () => {
    // @ts-expect-error a number is not assignable to Vnd (the brand is only given by the codec)
    const unchecked: Vnd = 250_000_000;
    const decoded = Vnd.decode(250_000_000);
    expect(E.isRight(decoded) && decoded.right).toBe(unchecked);
    expectTypeOf<Vnd>().toExtend<number>();
    expectTypeOf<number>().not.toExtend<Vnd>();
    expectTypeOf<SignedVnd>().not.toExtend<Vnd>();
  });
});

describe("types: event data per kind", () => {
  it("each event kind carries its own data type", () => {
    expectTypeOf<EventData<"LoanDisbursed">["principalVnd"]>().toEqualTypeOf<Vnd>();
    expectTypeOf<EventData<"LoanDisbursed">["loanId"]>().toEqualTypeOf<LoanId>();
    expectTypeOf<EventData<"CoopFounded">["coopId"]>().toEqualTypeOf<CoopId>();
    expectTypeOf<EventData<"CoopSuspended">["effectiveDate"]>().toEqualTypeOf<BusinessDate>();
    expectTypeOf<EventOf<"CoopDissolved">["type"]>().toEqualTypeOf<"CoopDissolved">();
    // the data of one kind is not the data of another
    expectTypeOf<EventData<"CoopResumed">>().not.toHaveProperty("principalVnd");
  });

  it("narrowing on `type` gives the kind's data", () => {
    const principalOf = (e: DomainEvent): Vnd | undefined =>
      e.type === "LoanDisbursed" ? e.data.principalVnd : undefined;
    expectTypeOf(principalOf).returns.toEqualTypeOf<Vnd | undefined>();
    expectTypeOf<DomainEvent["type"]>().toEqualTypeOf<EventType>();
  });
});

describe("types: command data per kind", () => {
  it("each command kind carries its own data; makeCommand takes plain JSON and gives the typed command", () => {
    expectTypeOf<CommandOf<"DisburseLoan">["data"]["principalVnd"]>().toEqualTypeOf<Vnd>();
    expectTypeOf<CommandInput<"DisburseLoan">["principalVnd"]>().toEqualTypeOf<number>();
    expectTypeOf<Command["type"]>().toEqualTypeOf<CommandType>();
    const c = makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "2021-06-01" });
    expectTypeOf(c).toEqualTypeOf<
      E.Either<import("./commands/make-command.js").CommandBuildError, CommandOf<"ResumeCoop">>
    >();
    expect(E.isRight(c) && streamOf(c.right)).toBe("coop-htx-1");
    // @ts-expect-error a field the command does not have is refused at compile time
    makeCommand("ResumeCoop", { coopId: "htx-1", effectiveDate: "2021-06-01", principalVnd: 1 });
  });
});

describe("types: exhaustive matches over the error unions", () => {
  it("every DomainError tag has its rule (a mapped type over the union: a new tag without one does not compile)", () => {
    expectTypeOf(ERROR_RULES).toEqualTypeOf<{ readonly [K in DomainErrorTag]: string }>();
    expect(Object.keys(ERROR_RULES).length).toBeGreaterThan(30);
  });

  it("an event decode error is matched exhaustively, and a missing case does not compile", () => {
    const describeError = (e: EventDecodeError): string =>
      match(e)
        .with({ _tag: "MalformedEvent" }, () => "malformed")
        .with({ _tag: "UnknownEventType" }, (x) => `unknown ${x.type}`)
        .with({ _tag: "UnsupportedSchemaVersion" }, () => "version")
        .with({ _tag: "InvalidEventData" }, () => "data")
        .exhaustive();
    expect(describeError({ _tag: "UnknownEventType", type: "X", message: "" })).toBe("unknown X");
    const partial = (e: EventDecodeError): string =>
      match(e)
        .with({ _tag: "MalformedEvent" }, () => "malformed")
        // @ts-expect-error three cases are not handled: exhaustive() refuses to compile
        .exhaustive();
    expectTypeOf(partial).returns.toEqualTypeOf<string>();
  });

  it("a domain warning is matched exhaustively, and a missing case does not compile", () => {
    const kind = (w: DomainWarning): string =>
      match(w)
        .with({ _tag: "LaterRuleNotApplied" }, (x) => x.rule)
        .with({ _tag: "LateConformance" }, (x) => x.law)
        .exhaustive();
    expectTypeOf(kind).returns.toEqualTypeOf<string>();
    const partial = (w: DomainWarning): string =>
      match(w)
        .with({ _tag: "LaterRuleNotApplied" }, (x) => x.rule)
        // @ts-expect-error LateConformance is not handled
        .exhaustive();
    expectTypeOf(partial).returns.toEqualTypeOf<string>();
  });
});
