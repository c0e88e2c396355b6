/** `roadmark timeline` (standalone HTML page or one SVG) and `roadmark export` (ICS, CSV, Mermaid, JSON). */
import { productVersion } from '../core/version';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildTimelineView } from '../core/outline/timeline';
import { baselineLabel, driftBetween, withBaseline } from '../core/drift/index';
import type { Request } from './args';
import { load } from './commands';
import { CliError, describeFsError } from './files';
import { timelineHtml, timelineSvg } from './format/timeline';
import { formatDay } from '../core/dates';
import { criticalIds, criticalPaths } from '../core/schedule/critical-path';
import { earliestDates } from '../core/schedule/earliest';
import { formatCsv } from './format/csv';
import { formatIcs } from './format/ics';
import { formatListJson } from './format/list';
import { formatMermaid } from './format/mermaid';
import { jsonVisible } from './format/escape';


export async function runTimeline(request: Request, cwd: string, write: (s: string) => void): Promise<number> {
  const { ws, today, diagnostics, baseline } = await load(request, cwd);
  const current = buildTimelineView(ws, { today, diagnostics, includeTasks: request.tasks });
  const view = baseline ? withBaseline(current, ws, baseline.ws, driftBetween(baseline.ws, ws), baselineLabel(baseline.info)) : current;
  const svg = request.out !== undefined && /\.svg$/i.test(request.out);
  return emit(request, cwd, write, svg ? timelineSvg(view, request.zoom ?? 'month') : timelineHtml(view));
}

export async function runExport(request: Request, cwd: string, write: (s: string) => void): Promise<number> {
  const { ws, today, diagnostics } = await load(request, cwd);
  const version = productVersion();
  switch (request.format) {
    case 'ics':
      return emit(request, cwd, write, formatIcs(ws, today, version));
    case 'csv':
      return emit(request, cwd, write, formatCsv(ws));
    case 'mermaid':
      return emit(request, cwd, write, formatMermaid(ws, today, criticalIds(ws)));
    default: {
      const items = JSON.parse(formatListJson(ws, formatDay(today))) as object;
      const timeline = buildTimelineView(ws, { today, diagnostics });
      const schedule = {
        criticalPaths: criticalPaths(ws).map((c) => ({ initiative: c.initiative.item.id, path: c.path.map((n) => n.item.id), finish: formatDay(c.finish), slack: c.slack })),
        slipping: [...earliestDates(ws)].filter(([, e]) => e.slip > 0).map(([n, e]) => ({ id: n.item.id, earliestFinish: formatDay(e.finish!), slip: e.slip })),
      };
      return emit(request, cwd, write, jsonVisible(JSON.stringify({ ...items, schedule, timeline }, null, 2)) + '\n');
    }
  }
}

function emit(request: Request, cwd: string, write: (s: string) => void, output: string): number {
  if (request.out === undefined) {
    write(output);
    return 0;
  }
  try {
    writeFileSync(resolve(cwd, request.out), output);
  } catch (e) {
    throw new CliError(`cannot write '${request.out}': ${describeFsError(e)}`);
  }
  return 0;
}
