import fc from "fast-check";

/**
 * What a step of a co-op's plan tries to do; the interpreter skips a step its state does not allow.
 * @example
 * STEP_KINDS.includes("loan") // true
 */
export const STEP_KINDS = [
  "members",
  "report",
  "assess",
  "appoint",
  "managerLeaves",
  "loan",
  "repay",
  "reschedule",
  "suspend",
  "resume",
  "ocop",
  "ocopEnd",
  "link",
  "unlink",
  "join",
  "leave",
  "conform",
  "move",
  "retract",
  "dissolve",
] as const;
/** @see STEP_KINDS */
export type StepKind = (typeof STEP_KINDS)[number];

/** One step: how long after the previous one (valid time), how late it is recorded, what, and a knob. */
export interface PlanStep {
  readonly gapDays: number;
  readonly delayDays: number;
  readonly kind: StepKind;
  /** 0–999: picks amounts, scores, which loan or manager, so shrinking it keeps the step meaningful. */
  readonly knob: number;
}

/**
 * A shrinkable plan of one co-op's life: founding (day offset from 2011-01-01, form, sector, province,
 * founding members, pre-existing or new) and steps. Interpreting a plan always gives a valid history
 * (steps the state does not allow are skipped), so every shrink of a plan is valid too: fast-check
 * shrinks to the shortest plan that still fails, with small gaps, knobs and delays.
 */
export interface CoopPlan {
  readonly startOffset: number;
  readonly form: "cooperative" | "union" | "group";
  readonly agricultural: boolean;
  readonly province: "60" | "67" | "17" | "01";
  readonly members: number;
  readonly preExisting: boolean;
  readonly steps: ReadonlyArray<PlanStep>;
}

/** Options of {@link coopPlanArbitrary}. */
export interface CoopPlanOptions {
  /** Most steps (default 40). */
  readonly maxSteps?: number;
}

/**
 * An arbitrary co-op plan. Founding days run from 2011 to 2025, so plans start under the 2003, 2012 and
 * 2023 laws and many cross 2024-07-01 and 2025-07-01.
 * @example fc.sample(coopPlanArbitrary(), 1)
 */
export const coopPlanArbitrary = (options: CoopPlanOptions = {}): fc.Arbitrary<CoopPlan> =>
  fc.record({
    startOffset: fc.integer({ min: 0, max: 15 * 365 }),
    form: fc.constantFrom("cooperative", "cooperative", "cooperative", "union", "group"),
    agricultural: fc.boolean(),
    province: fc.constantFrom("60", "67", "17", "01"),
    members: fc.integer({ min: 0, max: 300 }),
    preExisting: fc.boolean(),
    steps: fc.array(
      fc.record({
        gapDays: fc.integer({ min: 0, max: 400 }),
        delayDays: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 420 })),
        kind: fc.constantFrom(...STEP_KINDS),
        knob: fc.integer({ min: 0, max: 999 }),
      }),
      { maxLength: options.maxSteps ?? 40 },
    ),
  });
