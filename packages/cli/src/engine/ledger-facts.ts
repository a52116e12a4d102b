import { type BusinessDate, DAY_MS, type Instant, type RecordedEvent } from "@coop-ledger/domain";

/**
 * What the CLI reports about a ledger besides its figures, gathered while its events are fed to the
 * index and persisted with it (so that a reopened index needs no events): the ranges of valid and
 * transaction time and the positions of the restating events (dissolutions recorded more than 30 days
 * after their effective date, and every retraction), whose events are read back by offset when shown.
 */
export interface LedgerFactsData {
  readonly firstEffective: BusinessDate | undefined;
  readonly lastEffective: BusinessDate | undefined;
  readonly firstRecordedAt: Instant | undefined;
  readonly lastRecordedAt: Instant | undefined;
  readonly restating: ReadonlyArray<number>;
}

/**
 * Accumulates {@link LedgerFactsData} event by event (from nothing, or from persisted facts).
 * @example
 * const facts = new LedgerFacts();
 * for (const e of asRecorded(generateLedger({ preset: "province", seed: 60, from: "2022-01-01", to: "2022-12-31" }))) facts.observe(e);
 * console.log(facts.data()); // { firstEffective: "2022-01-01", lastEffective: "2022-12-22", firstRecordedAt: "2022-01-01T06:05:23.000Z", …, restating: [] }
 */
export class LedgerFacts {
  private firstEffective: BusinessDate | undefined;
  private lastEffective: BusinessDate | undefined;
  private firstRecordedAt: Instant | undefined;
  private lastRecordedAt: Instant | undefined;
  private readonly restating: number[];

  constructor(from?: LedgerFactsData) {
    this.firstEffective = from?.firstEffective;
    this.lastEffective = from?.lastEffective;
    this.firstRecordedAt = from?.firstRecordedAt;
    this.lastRecordedAt = from?.lastRecordedAt;
    this.restating = [...(from?.restating ?? [])];
  }

  /**
   * The facts of partitions of one ledger (fed apart, e.g. on feed threads) as those of the whole: the
   * widest ranges, the restating positions in ledger order.
   * @example
   * const a = new LedgerFacts({ firstEffective: "2020-01-02", lastEffective: "2021-01-01", firstRecordedAt: undefined, lastRecordedAt: undefined, restating: [7] } as never);
   * LedgerFacts.merge([a.data(), new LedgerFacts().data()]).data().restating // [7]
   */
  static merge(parts: ReadonlyArray<LedgerFactsData>): LedgerFacts {
    const facts = new LedgerFacts();
    for (const p of parts) {
      facts.widen(p.firstEffective, p.lastEffective, p.firstRecordedAt, p.lastRecordedAt);
      facts.restating.push(...p.restating);
    }
    facts.restating.sort((a, b) => a - b);
    return facts;
  }

  /** Takes one event into account. */
  observe(e: RecordedEvent): void {
    const eff = (e.event.data as { effectiveDate: BusinessDate }).effectiveDate;
    const rec = e.metadata.recordedAt;
    this.widen(eff, eff, rec, rec);
    // Lateness only matters for a dissolution: parsed for those only, not twice for every event.
    const type = e.event.type;
    if (
      type === "EventRetracted" ||
      (type === "CoopDissolved" && Date.parse(rec) - Date.parse(eff) > 30 * DAY_MS)
    )
      this.restating.push(e.position);
  }

  // The one "earlier / later of" step both an event and a partition's facts go through (undefined: none).
  private widen(
    firstEff: BusinessDate | undefined,
    lastEff: BusinessDate | undefined,
    firstRec: Instant | undefined,
    lastRec: Instant | undefined,
  ): void {
    if (firstEff !== undefined && (this.firstEffective === undefined || firstEff < this.firstEffective))
      this.firstEffective = firstEff;
    if (lastEff !== undefined && (this.lastEffective === undefined || lastEff > this.lastEffective))
      this.lastEffective = lastEff;
    if (firstRec !== undefined && (this.firstRecordedAt === undefined || firstRec < this.firstRecordedAt))
      this.firstRecordedAt = firstRec;
    if (lastRec !== undefined && (this.lastRecordedAt === undefined || lastRec > this.lastRecordedAt))
      this.lastRecordedAt = lastRec;
  }

  /** The facts so far (plain data, persisted with the index). */
  data(): LedgerFactsData {
    return {
      firstEffective: this.firstEffective,
      lastEffective: this.lastEffective,
      firstRecordedAt: this.firstRecordedAt,
      lastRecordedAt: this.lastRecordedAt,
      restating: [...this.restating],
    };
  }
}
