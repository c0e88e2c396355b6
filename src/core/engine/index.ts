/** The workspace engine: one implementation of discovery, globs, config lookup, the per-file guard and generations, for every host. */
export type { EngineHost, EntryType, MaybePromise, ReadFailure } from './host';
export { isReadFailure } from './host';
export { PlanEngine, type ConfigState, type EngineOptions, type EngineResult, type EngineRoot } from './engine';
export { CONFIG_NAMES, SKIPPED_DIRS, classify, discover, findConfig, isConfigName, runAsync, runSync, type Candidate, type DiscoverOptions } from './discover';
export { createPathFilter, type PathFilter } from './globs';
export { guardedParse, type ParseFn, type ParseJob } from './guard';
export { decodeBytes, describeReadError, readPlan, type ReadResult } from './read';
export { createMemoryHost } from './memory-host';
export { baseName, joinPath, parentPath, relativeTo } from './paths';
