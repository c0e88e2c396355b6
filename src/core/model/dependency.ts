/** A dependency as written after its id (1.1): `ledger-api`, `ledger-api FS`, `kyc SS+2w`, `x FF-3d`. */
import type { DependencyType } from './types';

export interface DependencySpec {
  id: string;
  type: DependencyType;
  /** Calendar days; negative is a lead. */
  lagDays: number;
  /** Where the type starts in the text, when one was written. */
  typeOffset?: number;
}

export type DependencyRead = { ok: true; value: DependencySpec } | { ok: false; id: string; reason: string };

const SPEC = /^(\S+)(?:\s+(.*))?$/;
const TYPE = /^(FS|SS|FF|SF)\s*(?:([+-])\s*(\d{1,4})\s*(d|w|days?|weeks?)?)?$/i;

/** Reads `id [TYPE[±N(d|w)]]`; a bare id is finish-to-start with no lag. */
export function readDependency(text: string): DependencyRead {
  const m = SPEC.exec(text.trim());
  if (!m) return { ok: false, id: '', reason: 'is empty' };
  const id = m[1];
  const rest = m[2]?.trim();
  if (!rest) return { ok: true, value: { id, type: 'FS', lagDays: 0 } };
  const t = TYPE.exec(rest);
  if (!t) return { ok: false, id, reason: `'${rest}' is not a dependency type: write FS, SS or FF with an optional lag such as +5d or -1w` };
  const type = t[1].toUpperCase();
  if (type === 'SF') return { ok: false, id, reason: 'start-to-finish (SF) dependencies are not supported: use FS, SS or FF' };
  const unit = (t[4] ?? 'd').toLowerCase().startsWith('w') ? 7 : 1;
  const lagDays = t[2] ? (t[2] === '-' ? -1 : 1) * Number(t[3]) * unit : 0;
  return { ok: true, value: { id, type: type as DependencyType, lagDays, typeOffset: text.indexOf(rest) } };
}
