// What the page learned when it opened: the ledger's meta answer (gazetteers, sectors, forms, resolutions,
// recording history) and the known-at slider's stops, built from it. app.js fills it in once.

/** The page's state: `meta` (the /api/meta answer) and `stops` (one per recording day, then ""). */
export const page = { meta: undefined, stops: [] };
