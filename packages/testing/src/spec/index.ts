export { DeciderSpecFailure, type GivenEvent, given, specFor, type WhenResult } from "./given.js";
