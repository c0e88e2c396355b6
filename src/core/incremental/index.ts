/**
 * The incremental check, for the engine: keep one per workspace (and per `today`/config: build
 * a new one when either changes) and feed it every parse.
 *
 *   const inc = new IncrementalCheck({ today, config });
 *   const { changedFiles, generation } = inc.update(parsedFiles, removedPaths);
 *   for (const file of changedFiles) publish(file, inc.diagnostics(file));
 *   inc.diagnostics();   // all, sorted: what checkWorkspace(resolveFiles(files)) gives
 *   inc.resolved();      // the resolved workspace (patched in place by the next update)
 */
export { IncrementalCheck, type IncrementalOptions, type UpdateResult } from './check';
