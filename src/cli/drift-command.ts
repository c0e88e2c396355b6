/** `roadmark drift --since REF`: what moved in the plan since a baseline, as a table, JSON or Markdown. */
import { driftBetween, driftMarkdown, driftTable } from '../core/drift/index';
import type { Request } from './args';
import { UsageError } from './args';
import { load } from './commands';
import { jsonVisible } from './format/escape';

export async function runDrift(request: Request, cwd: string, write: (s: string) => void): Promise<number> {
  const { ws, baseline } = await load(request, cwd, (config) => {
    const since = request.since ?? config.baseline;
    if (since === undefined) throw new UsageError('drift needs a baseline: --since REF (a git ref or a date YYYY-MM-DD), or baseline: in .roadmark.yaml');
    return since;
  });
  const report = driftBetween(baseline!.ws, ws);
  const { info } = baseline!;
  switch (request.format) {
    case 'json': {
      const changes = report.changes.map(({ column: _column, ...change }) => change);
      write(`${jsonVisible(JSON.stringify({ since: info, changes, rollups: report.rollups }, null, 2))}\n`);
      break;
    }
    case 'markdown':
      write(driftMarkdown(info, report.changes, report.rollups));
      break;
    default:
      write(driftTable(info, report.changes, report.rollups));
  }
  return 0;
}
