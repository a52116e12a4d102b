import { describe, expect, it } from "vitest";
import { makeProgress } from "./progress.js";

describe("progress", () => {
  it("writes nothing when the sink is not a terminal", () => {
    const out: string[] = [];
    const p = makeProgress({ write: (s) => out.push(s), enabled: false, now: () => 0 }, "reading");
    p.tick(10);
    p.done("done");
    expect(out).toEqual([]);
  });

  it("throttles updates and erases its line when done", () => {
    const out: string[] = [];
    let now = 0;
    const p = makeProgress({ write: (s) => out.push(s), enabled: true, now: () => now }, "reading", 100);
    for (let i = 0; i < 50; i++) {
      now += 10;
      p.tick(100);
    }
    // 500 ms of ticks at a 100 ms interval: five redraws
    expect(out.length).toBe(5);
    expect(out.at(-1)).toContain("reading: 5,000");
    p.done("5,000 events");
    expect(out.at(-2)).toBe("\r\x1b[2K");
    expect(out.at(-1)).toBe("reading: 5,000 events\n");
  });
});
