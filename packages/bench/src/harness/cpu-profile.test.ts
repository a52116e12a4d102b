import { describe, expect, it } from "vitest";
import { selfTimes } from "./cpu-profile.js";

describe("selfTimes", () => {
  it("adds up the sampled time per function, largest first", () => {
    const frame = (functionName: string) => ({ functionName, url: "file:///a/b/c/d.js", lineNumber: 9 });
    const r = selfTimes({
      nodes: [
        { id: 1, callFrame: frame("fold") },
        { id: 2, callFrame: frame("") },
      ],
      samples: [1, 2, 1, 1],
      timeDeltas: [1000, 2000, 3000, 4000],
    });
    expect(r.totalMs).toBe(10);
    expect(r.rows).toEqual([
      { frame: "fold b/c/d.js:10", ms: 8 },
      { frame: "(anonymous) b/c/d.js:10", ms: 2 },
    ]);
  });
});
