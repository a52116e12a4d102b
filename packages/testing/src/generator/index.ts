// Kept for compatibility: the generator moved to its own package, `@coop-ledger/generator`, which
// depends on the domain alone. Import it from there.
export * from "@coop-ledger/generator";
