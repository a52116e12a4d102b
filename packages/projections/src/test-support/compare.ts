import * as E from "fp-ts/lib/Either.js";

/**
 * Asserts two snapshot results are equal, failing with a short message naming the first figure that
 * differs (vitest's full diff of two large snapshots is slow to print and hard to read).
 */
export const assertSameResult = (
  a: E.Either<unknown, unknown>,
  b: E.Either<unknown, unknown>,
  context = "",
): void => {
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  if (ja === jb) return;
  if (E.isRight(a) && E.isRight(b)) {
    const fa = (a.right as { figures: Array<{ id: string }> }).figures;
    const fb = (b.right as { figures: Array<{ id: string }> }).figures;
    for (let i = 0; i < Math.max(fa.length, fb.length); i++) {
      const x = JSON.stringify(fa[i]);
      const y = JSON.stringify(fb[i]);
      if (x !== y) throw new Error(`${context} first differing figure:\n  ${x}\n  ${y}`);
    }
  }
  throw new Error(`${context} results differ:\n  ${ja.slice(0, 400)}\n  ${jb.slice(0, 400)}`);
};
