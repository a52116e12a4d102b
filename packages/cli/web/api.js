// The server's JSON API: the same engine and the same tables as the CLI.
import { $, withVi } from "/dom.js";

/** A refusal from the API: its JSON body (error message and hint) and HTTP status. */
export class ApiError extends Error {
  constructor(body, status) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.body = body;
    this.status = status;
  }
}

/** Asks the API; records how long the answer took (shown under the view, read by the tests). */
export const api = async (path, q) => {
  const t0 = performance.now();
  const res = await fetch(`/api/${path}?${q.toString()}`, { headers: { accept: "application/json" } });
  const body = await res.json();
  const ms = performance.now() - t0;
  document.body.dataset.lastMs = ms.toFixed(1);
  if (body.ledger) showIdentity(body.ledger);
  if (!res.ok) throw new ApiError(body, res.status);
  return { ...body, ms };
};

/** Shows the ledger state an answer came from (path, events, last hash, verified) in the header and footer. */
const showIdentity = (ledger) => {
  for (const id of ["identity", "identityFoot"]) {
    const p = $(id);
    p.textContent = "";
    withVi(p, ledger.line);
    p.dataset.chain = ledger.chain;
    p.classList.toggle("warn", ledger.chain !== "verified");
  }
};
