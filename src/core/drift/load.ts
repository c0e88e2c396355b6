/**
 * The plan at a baseline, read by the same engine as the plan now, from files the host took
 * out of git (the CLI with `git cat-file`, the editor through the Git extension). The current
 * config applies to both, so the two are read alike.
 */
import type { RoadmarkConfig } from '../config/config';
import type { Day } from '../dates';
import { createMemoryHost, PlanEngine } from '../engine/index';
import type { ResolvedWorkspace } from '../model/workspace';

export interface BaselineRoot {
  /** Host path of the folder, as in the engine of the plan now. */
  path: string;
  targets?: string[];
}

export async function baselineWorkspace(files: Map<string, Uint8Array | string>, roots: BaselineRoot[], options: { config: RoadmarkConfig; today: Day; display?: (path: string) => string }): Promise<ResolvedWorkspace> {
  const host = createMemoryHost(files, { fixed: true });
  const engine = new PlanEngine(host, { display: options.display, today: options.today, clock: () => options.today }, roots.map((r) => ({
    path: r.path,
    targets: r.targets?.filter((t) => host.stat(t) !== undefined),
    config: null,
    settings: () => options.config,
  })));
  return (await engine.scan()).ws;
}
