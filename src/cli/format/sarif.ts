/** `check --format sarif`: SARIF 2.1.0, one run, one reporting descriptor per rule. */
import { productVersion } from '../../core/version';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Location } from '../../core/check';
import { RULES, ruleDocsUrl } from '../../core/rules/index';
import type { CheckReport } from './report';
import { jsonVisible } from './escape';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(report: CheckReport, cwd: string, version: string = productVersion()): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'roadmark',
          version,
          semanticVersion: version,
          informationUri: 'https://github.com/roadmark/roadmark',
          rules: RULES.map((r) => ({
            id: r.id,
            name: pascal(r.id),
            shortDescription: { text: r.description },
            fullDescription: { text: r.description },
            helpUri: ruleDocsUrl(r.id),
            help: { text: `${r.description} See ${ruleDocsUrl(r.id)}`, markdown: `${r.description} [Rule documentation](${ruleDocsUrl(r.id)})` },
            defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : cwd + '/').href } },
      columnKind: 'utf16CodeUnits',
      results: report.diagnostics.map((d) => result(d, ruleIndex.get(d.rule) ?? -1)),
    }],
  };
  return jsonVisible(JSON.stringify(sarif, null, 2)) + '\n';
}

function result(d: Diagnostic, index: number) {
  return {
    ruleId: d.rule,
    ruleIndex: index,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [physical(d)],
    ...(d.related?.length ? { relatedLocations: d.related.map((r, i) => ({ id: i, ...physical(r), message: { text: r.message } })) } : {}),
    ...(d.item !== undefined ? { properties: { item: d.item } } : {}),
  };
}

function physical(l: Location) {
  return {
    physicalLocation: {
      artifactLocation: { uri: l.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' },
      region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn },
    },
  };
}

function pascal(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
}
