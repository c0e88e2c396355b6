/** The `--help` texts: the overview, and each command's usage with examples. */
import type { Command } from './args';

export const PLAN_FILE_RULE = 'plan files are named *.roadmap.md|yaml or *.project.md|yaml, or have type: roadmap|project';

const COMMON = `Common options:
      --today DATE    the date to check against (YYYY-MM-DD); default: config, else today
  -c, --config FILE   config file (default: the nearest .roadmark.yaml above the first PATH)
  -j, --jobs N        parse on N threads (0 to 64), the main one included; 0 or 1: the main
                      thread only (default: one per core, up to 4, for workspaces over 512 KB)
      --cache         reuse parsed files whose text is unchanged since the last run
      --cache-location FILE  where the cache lives (default .roadmarkcache; implies --cache)
      --allow-empty   do not fail when a PATH holds no plan file
  -h, --help          show this help`;

const COMMAND_LINES = `Commands:
  check [PATH...]     index the plan files under each PATH (default .) and report diagnostics
                      (--watch: again on every change)
  list [PATH...]      the items in roadmap order, one per line (or --format json), filtered by
                      --owner, --status, --kind, --overdue, --due-before DATE
  drift [PATH...]     what moved in the plan since a git ref or date (--since REF|DATE)
  init [DIR]          write a starter roadmap, a project and .roadmark.yaml (never overwrites)
  timeline [PATH...]  the timeline as one self-contained HTML page (--out FILE.html, or stdout
                      when it is not a terminal) or one SVG of the whole plan (--out FILE.svg)
  export [PATH...]    --format ics (open deadlines as a calendar), csv (one row per item),
                      mermaid (a gantt block) or json (items and timeline model); --out FILE`;

/** What a bare \`roadmark\` prints (on stderr, exit 2: a command is required). */
export const SHORT_HELP = `Usage: roadmark <command> [PATH...] [options]

${COMMAND_LINES}

Run 'roadmark --help' for the options, 'roadmark COMMAND --help' for a command's examples.
`;

export const HELP = `Usage: roadmark <command> [PATH...] [options]

Check roadmap and project plans written in Markdown and YAML.

${COMMAND_LINES}

Options:
  -f, --format FMT    check: text (default), json, sarif, github; list: text, json;
                      drift: text, json, markdown; export: ics, csv, mermaid, json
      --since REF     drift: the baseline (a git ref or a date YYYY-MM-DD); check: also
                      report deadlines that slipped since it; timeline: ghost bars of it
      --today DATE    the date to check against (YYYY-MM-DD); default: config, else today
  -c, --config FILE   config file (default: the nearest .roadmark.yaml above the first PATH)
      --max-warnings N  exit 1 when there are more than N warnings
  -q, --quiet         report errors only
  -w, --watch         check: check again on every change until Ctrl+C
  -j, --jobs N        parse on N threads (0 to 64), the main one included; 0 or 1: the main
                      thread only (default: one per core, up to 4, for workspaces over 512 KB)
      --color, --no-color  force or disable colour (default: on a terminal)
  -o, --out FILE      timeline/export: write to FILE instead of stdout
      --cache         reuse parsed files whose text is unchanged since the last run
      --cache-location FILE  where the cache lives (default .roadmarkcache; implies --cache)
      --allow-empty   do not fail when a PATH holds no plan file
      --zoom LEVEL    timeline SVG: week, month (default), quarter or year
      --tasks         timeline: tasks as rows under their milestones
      --owner NAME, --status STATUS, --kind KIND, --overdue, --due-before DATE
                      list: only the items that match (see roadmark list --help)
  -h, --help          show this help (roadmark COMMAND --help: that command's)
  -v, --version       show the version

A file named on the command line is read as a plan even without a plan name or type:.
Each PATH must hold a plan file (${PLAN_FILE_RULE}), unless --allow-empty.

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 the command could not run (or no
command was given).
Rules and their docs: https://github.com/roadmark/roadmark/tree/main/docs/rules
`;

export const COMMAND_HELP: Record<Command, string> = {
  check: `Usage: roadmark check [PATH...] [options]

Index the plan files under each PATH (default .), run every rule and print the diagnostics.

Options:
  -f, --format FMT    text (default), json, sarif (code scanning) or github (annotations)
      --max-warnings N  exit 1 when there are more than N warnings
  -q, --quiet         report errors only
  -w, --watch         check again whenever a plan file or the config changes, until Ctrl+C
                      (which exits 0); the screen is cleared between reports on a terminal
      --since REF     also run the slipped rule: deadlines later than at REF (a git ref, or
                      a date YYYY-MM-DD: the last commit on the current branch before it)
      --color, --no-color  force or disable colour (default: on a terminal)
${COMMON}

Examples:
  roadmark check                               every plan file under the current folder
  roadmark check plans --format github         annotations in a GitHub Actions job
  roadmark check --format sarif > roadmark.sarif
  roadmark check notes/q3.md --today 2027-01-15
  roadmark check --watch                       a live report while you edit
  roadmark check --since origin/main           also report deadlines moved later (slipped)

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 the command could
not run (a bad option, an unreadable path, a bad config, a PATH without plan files).
`,
  list: `Usage: roadmark list [PATH...] [options]

The items of the plan in the Roadmap tree's order (each roadmap's goals, initiatives and the
projects, milestones and tasks that deliver them; then the projects not on the roadmap), one
per line (file:line:column, kind indented by depth, id, status, deadline, title), or as JSON.

Options:
  -f, --format FMT    text (default) or json
      --owner NAME    items one of whose owners is NAME (@ optional, any case)
      --status STATUS items with this status; aliases as in plan files (done, wip, cancelled)
      --kind KIND     roadmap, goal, initiative, project, milestone or task
      --overdue       open items whose deadline is before today (what the overdue rule reports)
      --due-before DATE  items whose deadline ends before DATE (YYYY-MM-DD, or a period such
                      as 2027-Q1: before its first day)
                      Filters combine (all must match); --owner, --status and --kind take
                      several values, repeated or comma-separated (any may match).
${COMMON}

Examples:
  roadmark list plans
  roadmark list --owner @lena --status planned,in-progress
  roadmark list --kind milestone --due-before 2027-Q2
  roadmark list --overdue --format json | jq -r '.items[].id'
`,
  drift: `Usage: roadmark drift --since REF|DATE [PATH...] [options]

What moved in the plan since a baseline: deadlines and starts moved (days later or earlier),
status, progress, scope (tasks added or removed), budget, links, and items added, removed or
renamed; rolled up per project and initiative (net slip, on time at the baseline but late
now). The baseline is read with git (git show, never a checkout): a ref (origin/main, a tag,
a commit) or a date (the last commit on the current branch before that day). Without --since,
the config's baseline: is used.

Options:
      --since REF     the baseline: a git ref or a date YYYY-MM-DD
  -f, --format FMT    text (a table, default), json, or markdown (for a pull-request comment)
${COMMON}

Examples:
  roadmark drift --since origin/main
  roadmark drift --since 2026-10-01 plans
  roadmark drift --since plan-2026-Q4 --format markdown > drift.md
  roadmark drift --since origin/main --format json | jq '.changes[] | select(.change == "moved")'

Exit codes: 0 the report was written, 2 the command could not run (not a git repository, an
unknown ref — in a shallow clone, the fetch command to run — a bad option or config).
`,
  init: `Usage: roadmark init [DIR] [options]

Write a starter plan into DIR (default .): plans/product.roadmap.md (a goal and an
initiative), plans/first-project.project.md (a project with two milestones delivering the
initiative) and .roadmark.yaml. A file that exists is reported and left alone, never
overwritten (nor is .roadmark.yaml written next to a .roadmark.yml); 'roadmark check' then reads
the result with no problem.

Options:
      --today DATE    date the starter dates from (YYYY-MM-DD; default: today)
  -h, --help          show this help

Examples:
  roadmark init
  roadmark init docs/plan && roadmark check docs/plan

Exit codes: 0 every file written or already there, 2 a file could not be written.
`,
  timeline: `Usage: roadmark timeline [PATH...] [options]

The timeline the editor shows, as one self-contained HTML page (no network needed to open it)
or as one SVG of the whole plan. Without --out the page goes to stdout, only when stdout is not
a terminal.

Options:
  -o, --out FILE      FILE.html (a page) or FILE.svg (an image)
      --zoom LEVEL    SVG: week, month (default), quarter or year
      --tasks         tasks as rows under their milestones
      --since REF     draw where each item stood at REF (a git ref or a date) as a ghost
${COMMON}

Examples:
  roadmark timeline plans --out timeline.html
  roadmark timeline --since plan-2026-Q4 --out review.html
  roadmark timeline --out roadmap.svg --zoom quarter
  roadmark timeline > timeline.html
`,
  export: `Usage: roadmark export [PATH...] --format ics|csv|mermaid|json [options]

Open deadlines as a calendar (ics), items as a spreadsheet (csv), a Mermaid gantt block to
paste into docs (mermaid), or the whole model (json).

Options:
  -f, --format FMT    ics, csv, mermaid or json (required)
  -o, --out FILE      write to FILE instead of stdout
${COMMON}

Examples:
  roadmark export --format ics --out deadlines.ics
  roadmark export plans --format csv > items.csv
  roadmark export --format mermaid >> docs/schedule.md
`,
};
