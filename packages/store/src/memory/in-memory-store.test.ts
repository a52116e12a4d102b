import { storeContract } from "../contract/index.js";
import { makeInMemoryStore } from "./in-memory-store.js";

storeContract("in-memory", async () => ({ store: makeInMemoryStore() }));
