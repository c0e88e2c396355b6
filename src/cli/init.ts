/**
 * `roadmark init [DIR]`: a starter roadmap, a project delivering its initiative, and
 * `.roadmark.yaml`. Never overwrites: each file is created exclusively (`wx`), and one that
 * exists is reported and left alone. Exit 0 when every file is written or already there (running
 * it twice is harmless); 2 when one cannot be written.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { dayFromParts, formatDay, localDay, partsOfDay, type Day } from '../core/dates';
import type { Request } from './args';
import { parseToday } from './commands';
import { CliError, describeFsError, toSlash } from './files';
import { CONFIG_TEMPLATE, fill, PROJECT_TEMPLATE, ROADMAP_TEMPLATE, STARTER_INITIATIVE } from './templates/index';

type Write = (s: string) => void;

export const STARTER_FILES = { config: '.roadmark.yaml', roadmap: 'plans/product.roadmap.md', project: 'plans/first-project.project.md' } as const;

export async function runInit(request: Request, cwd: string, write: Write): Promise<number> {
  const dir = resolve(cwd, request.paths[0] ?? '.');
  const today = request.today !== undefined ? parseToday(request.today) : localDay(new Date());
  makeFolder(dir, request.paths[0] ?? '.');
  const shown = (rel: string) => toSlash(relative(cwd, join(dir, rel))) || rel;
  const values = starterValues(today);
  let written = 0;
  const create = (rel: string, text: string): boolean => {
    const path = join(dir, rel);
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
        write(`kept ${shown(rel)} (it exists; not overwritten)\n`);
        return false;
      }
      throw new CliError(`cannot write '${shown(rel)}': ${describeFsError(e)}`);
    }
    write(`created ${shown(rel)}\n`);
    written++;
    return true;
  };
  const otherConfig = ['.roadmark.yml'].find((name) => existsSync(join(dir, name)));
  if (otherConfig) write(`kept ${shown(otherConfig)} (a config exists; ${STARTER_FILES.config} not written)\n`);
  else create(STARTER_FILES.config, fill(CONFIG_TEMPLATE, values));
  const ownRoadmap = create(STARTER_FILES.roadmap, fill(ROADMAP_TEMPLATE, { ...values, id: 'product', title: 'Product' }));
  // Link the project to the starter initiative only when that roadmap is the one just written.
  const delivers = ownRoadmap ? `delivers: ${STARTER_INITIATIVE}` : '# delivers: <initiative id from your roadmap>';
  create(STARTER_FILES.project, fill(PROJECT_TEMPLATE, { ...values, id: 'first-project', title: 'First project', delivers }));
  const where = request.paths[0] && request.paths[0] !== '.' ? ` ${request.paths[0]}` : '';
  write(written ? `Next: edit the plans, then run 'roadmark check${where}'\n` : 'Nothing to do: every starter file is already there\n');
  return 0;
}

/** The placeholders' values: dates counted from `today`, so that the starter has nothing overdue or at risk. */
export function starterValues(today: Day): Record<string, string> {
  const { year, month } = partsOfDay(today);
  const quarterFirstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  // The end of the next quarter, and of the half after the current one (day 0: the month before's last).
  const nextQuarter = dayFromParts(year, quarterFirstMonth + 6, 0);
  const nextHalf = month > 6 ? dayFromParts(year + 1, 7, 0) : dayFromParts(year, 13, 0);
  return {
    today: formatDay(today), owner: 'you',
    kickoff: formatDay(today + 28),
    nextQuarter: formatDay(nextQuarter), nextHalf: formatDay(Math.max(nextHalf, nextQuarter)),
  };
}

function makeFolder(dir: string, shown: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot create '${shown}': ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way' : describeFsError(e)}`);
  }
}

