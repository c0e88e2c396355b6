/**
 * Effective configuration of one workspace folder: `.roadmark.yaml` (the team's, shared with
 * the CLI in CI) with the `roadmark.*` settings on top. A setting wins only where someone set
 * it (user, workspace or folder level); include/exclude globs from both are added together.
 */
import * as vscode from 'vscode';
import { defaultConfig, type RoadmarkConfig, type RuleSetting } from '../core/config/config';
import { parseDateOrPeriod } from '../core/dates';

function explicit<T>(section: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const info = section.inspect<T>(key);
  return info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue;
}

export function effectiveConfig(fileConfig: RoadmarkConfig | undefined, scope: vscode.ConfigurationScope | undefined): RoadmarkConfig {
  const base = fileConfig ?? defaultConfig();
  const s = vscode.workspace.getConfiguration('roadmark', scope);
  const window = explicit<number>(s, 'riskWindowDays');
  const rules = explicit<Record<string, RuleSetting>>(s, 'rules') ?? {};
  const todayText = explicit<string>(s, 'today')?.trim();
  const today = todayText ? parseDateOrPeriod(todayText) : undefined;
  return {
    today: today?.ok && !today.value.isPeriod ? today.value.first : base.today,
    include: [...base.include, ...(s.get<string[]>('include') ?? [])],
    exclude: [...base.exclude, ...(s.get<string[]>('exclude') ?? [])],
    riskWindowDays: typeof window === 'number' && window >= 0 ? window : base.riskWindowDays,
    rules: { ...base.rules, ...validRules(rules) },
  };
}

const SETTINGS = new Set(['off', 'info', 'warning', 'error']);

function validRules(rules: Record<string, unknown>): Record<string, RuleSetting> {
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => typeof v === 'string' && SETTINGS.has(v))) as Record<string, RuleSetting>;
}
