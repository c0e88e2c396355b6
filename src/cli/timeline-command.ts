/** `roadmark timeline`: the workspace's timeline as a standalone HTML page or one SVG. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkWorkspace } from '../core/check';
import { buildTimelineView } from '../core/outline/timeline';
import type { Request } from './args';
import { load } from './commands';
import { CliError, describeFsError } from './files';
import { timelineHtml, timelineSvg } from './format/timeline';

export async function runTimeline(request: Request, cwd: string, write: (s: string) => void): Promise<number> {
  const { ws, config, today } = await load(request, cwd);
  const diagnostics = checkWorkspace(ws, { today, config });
  const view = buildTimelineView(ws, { today, diagnostics });
  const svg = request.out !== undefined && /\.svg$/i.test(request.out);
  const output = svg ? timelineSvg(view, request.zoom ?? 'month') : timelineHtml(view);
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
