/**
 * The starter plan `roadmark init` writes: plain text with `${name}` placeholders, filled in by
 * src/cli/init.ts. Close to the editor's New Roadmap/Project File templates (media/templates),
 * with dates chosen so that the starter checks clean on the day it is written.
 */

export const CONFIG_TEMPLATE = `# Roadmark settings: https://github.com/roadmark/roadmark/blob/main/docs/format.md
# Plan files are named *.roadmap.md or *.project.md (or .yaml), or say type: roadmap|project.

# today: \${today}      # pretend today is this date, for reproducible reports
riskWindowDays: 14       # how many days ahead at-risk looks
# include: ["plans/**"]  # more plan files, whatever their names (.gitignore-style patterns)
# exclude: [archive]     # files and folders to leave out
# rules:                 # a severity per rule: off | info | warning | error
#   unplanned: off
#   overdue: error
`;

export const ROADMAP_TEMPLATE = `---
type: roadmap
id: \${id}
title: \${title}
product: \${title}
vision: One sentence on the change this product makes for the people who use it.
owner: \${owner}
---
# \${title} roadmap

## Goal: Grow client retention {#retention}
- metric: 90-day rebooking rate
- current: 38%
- target: 50%
- due: \${nextHalf}

### Initiative: First initiative {#first-initiative horizon=now target=\${nextQuarter}}
What it is, who it is for, and how it should move the goal's metric.
`;

export const PROJECT_TEMPLATE = `---
type: project
id: \${id}
title: \${title}
\${delivers}
start: \${today}
end: \${nextQuarter}
budget: 10000 EUR
spent: 0 EUR
owner: \${owner}
---
# \${title}

## Milestone: Kick-off {#\${id}-kickoff due=\${kickoff}}
- [ ] Agree on scope and owners {owner=\${owner}}
- [ ] Book the first review

## Milestone: First delivery {#\${id}-first-delivery due=\${nextQuarter}}
- depends: \${id}-kickoff
`;

/** The initiative the starter roadmap defines, which the starter project delivers. */
export const STARTER_INITIATIVE = 'first-initiative';

/** Replaces each `${name}` with its value; unknown names are left as written. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\$\{(\w+)\}/g, (m, key: string) => (Object.hasOwn(values, key) ? values[key] : m));
}
