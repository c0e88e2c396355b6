/** `.roadmark.yaml`: parsed, validated, every problem located. */
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseDateOrPeriod, type Day } from '../dates';
import type { Problem, Severity, Span } from '../model/types';
import { RULE_IDS } from '../rules/index';
import { mapPairs, nodeSpan, parseYamlAt } from '../parse/yaml-fields';
import { computeLineStarts } from '../lines';

export type RuleSetting = Severity | 'off';

export interface RoadmarkConfig {
  today?: Day;
  include: string[];
  exclude: string[];
  riskWindowDays: number;
  /** Only rule ids are ever keys (parseConfig checks them); look up with a rule id. */
  rules: Partial<Record<string, RuleSetting>>;
  /** Extra field names a team uses (`risk`, `team`): read, never reported as unknown (1.1). */
  fields?: string[];
  /** The git ref drift compares with when none is given (`main`, `origin/main`, a tag). */
  baseline?: string;
  /** Days a deadline may move later than at the baseline before `slipped` reports it (default 0). */
  slippedDays?: number;
}

export const DEFAULT_RISK_WINDOW_DAYS = 14;

export function defaultConfig(): RoadmarkConfig {
  return { include: [], exclude: [], riskWindowDays: DEFAULT_RISK_WINDOW_DAYS, rules: {} };
}

export interface ConfigResult {
  config: RoadmarkConfig;
  /** Problems with rule `config`, located in the config text. */
  problems: Problem[];
  lineStarts: number[];
}

export const CONFIG_KEYS = ['today', 'include', 'exclude', 'riskWindowDays', 'rules', 'fields', 'baseline', 'slippedDays'] as const;
const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export function parseConfig(input: string): ConfigResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const config = defaultConfig();
  const { doc, problems } = parseYamlAt(text, 0);
  const out: ConfigResult = { config, problems: problems.map((p) => ({ ...p, rule: 'config' })), lineStarts: computeLineStarts(text) };
  const report = (span: Span, message: string) => out.problems.push({ rule: 'config', span, message });
  const contents = doc.contents as Node | null;
  if (contents === null) return out;
  if (!isMap(contents)) {
    report(nodeSpan(contents, 0, { start: 0, end: 0 }), `The config must be a mapping (${CONFIG_KEYS.join(', ')})`);
    return out;
  }
  for (const pair of mapPairs(contents, 0)) {
    const key = CONFIG_KEYS.find((k) => k.toLowerCase() === pair.rawKey.toLowerCase().replace(/[-_]/g, ''));
    const valueSpan = nodeSpan(pair.value, 0, pair.keySpan);
    if (!key) {
      const near = closest(pair.rawKey, [...CONFIG_KEYS]);
      const hint = distance(pair.rawKey.toLowerCase(), near.toLowerCase()) <= 3 ? `: did you mean '${near}'?` : ` (known keys: ${CONFIG_KEYS.join(', ')})`;
      report(pair.keySpan, `Unknown config key '${pair.rawKey}'${hint}`);
      continue;
    }
    readKey(config, key, pair.value, valueSpan, report);
  }
  return out;
}

type Report = (span: Span, message: string) => void;

function readKey(config: RoadmarkConfig, key: (typeof CONFIG_KEYS)[number], value: Node | null, span: Span, report: Report): void {
  switch (key) {
    case 'today': {
      const text = isScalar(value) ? String(value.value) : '';
      const parsed = parseDateOrPeriod(text);
      if (!parsed.ok || parsed.value.isPeriod) report(span, `'today' must be a date YYYY-MM-DD${parsed.ok ? '' : `: ${parsed.reason}`}`);
      else config.today = parsed.value.first;
      return;
    }
    case 'include': case 'exclude': {
      const globs = readGlobs(value);
      if (globs) config[key] = globs;
      else report(span, `'${key}' must be a glob or a list of globs`);
      return;
    }
    case 'riskWindowDays': {
      const n = isScalar(value) ? value.value : undefined;
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0) config.riskWindowDays = n;
      else report(span, `'riskWindowDays' must be a whole number of days (0 or more), not '${isScalar(value) ? String(n) : 'a list'}'`);
      return;
    }
    case 'slippedDays': {
      const n = isScalar(value) ? value.value : undefined;
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0) config.slippedDays = n;
      else report(span, `'slippedDays' must be a whole number of days (0 or more), not '${isScalar(value) ? String(n) : 'a list'}'`);
      return;
    }
    case 'rules':
      readRules(config, value, span, report);
      return;
    case 'fields': {
      const names = value === null || (isScalar(value) && value.value === null) ? [] : readStrings(value);
      if (names && names.every((n) => FIELD_NAME.test(n))) config.fields = names.map((n) => n.trim());
      else report(span, `'fields' must be a list of field names (such as [risk, team])`);
      return;
    }
    case 'baseline': {
      // The source text, so an abbreviated commit of digits only (`1234567`) stays as written.
      const ref = isScalar(value) && value.value !== null && typeof value.value !== 'boolean' ? String(value.source ?? value.value).trim() : undefined;
      if (ref && GIT_REF.test(ref)) config.baseline = ref;
      else report(span, `'baseline' must be a git ref such as main, origin/main or v1.2, not '${isScalar(value) ? String(value.value ?? '') : 'a list'}'`);
    }
  }
}

/** A field name as a field list would write it: words, `-` and `_`, spaces inside. */
const FIELD_NAME = /^\s*[\p{L}\p{N}][\p{L}\p{N}_\- ]*\s*$/u;
/**
 * A branch, tag, `HEAD~2` or commit: letters, digits and the punctuation refs use, no `..`,
 * and never an option (a leading `-` would reach git as a flag).
 */
const GIT_REF = /^(?!-)(?!.*\.\.)(?!.*@\{)[\p{L}\p{N}\-_./~^@{}+#,=%]+$/u;

function readGlobs(value: Node | null): string[] | undefined {
  return readStrings(value);
}

/** A string, or a list of strings. */
function readStrings(value: Node | null): string[] | undefined {
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (!isSeq(value)) return undefined;
  const items = value.items.map((n) => (isScalar(n) && typeof n.value === 'string' ? n.value : undefined));
  return items.every((g) => g !== undefined) ? (items as string[]) : undefined;
}

function readRules(config: RoadmarkConfig, value: Node | null, span: Span, report: Report): void {
  if (value === null || (isScalar(value) && value.value === null)) return;
  if (!isMap(value)) {
    report(span, `'rules' must map rule ids to off, info, warning or error`);
    return;
  }
  for (const pair of mapPairs(value, 0)) {
    const rule = pair.rawKey;
    if (!RULE_IDS.includes(rule)) {
      const near = closest(rule, [...RULE_IDS]);
      report(pair.keySpan, `Unknown rule '${rule}'${distance(rule, near) <= 4 ? `: did you mean '${near}'?` : ''}`);
      continue;
    }
    const raw = isScalar(pair.value) ? pair.value.value : undefined;
    const setting = raw === false ? 'off' : typeof raw === 'string' ? raw.toLowerCase() : undefined;
    if (setting && (SETTINGS as readonly string[]).includes(setting)) config.rules[rule] = setting as RuleSetting;
    else report(nodeSpan(pair.value, 0, pair.keySpan), `Rule '${rule}' must be set to off, info, warning or error, not '${String(raw ?? '')}'`);
  }
}
