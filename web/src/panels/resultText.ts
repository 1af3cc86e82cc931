import { readableUnit } from './readableUnit';

/** How a result (or vital sign, or social history observation) reads, wherever it is shown: the per-source results panel and the combined sections. */

export interface ResultLike {
  value?: string | null;
  unit?: string | null;
  codeIsFinding?: boolean | null;
  components: Array<{ code: { display?: string | null; text?: string | null }; value?: { text?: string | null } | null; dataAbsentReason?: { display?: string | null } | null }>;
  dataAbsentReason?: { display?: string | null; text?: string | null } | null;
  memberIds: string[];
}

/** The value as read; a blood pressure's parts; why a value is missing; a panel points at its members; a code that is itself the finding says so. */
export function resultText(r: ResultLike): string {
  if (r.value) {
    const unit = readableUnit(r.unit);
    return unit && !r.value.endsWith(unit) && !r.value.endsWith(r.unit ?? '') ? `${r.value} ${unit}` : r.value;
  }
  if (r.components.length) return r.components.map((c) => `${c.code.text ?? c.code.display} ${c.value?.text ?? `not available (${c.dataAbsentReason?.display ?? 'no value'})`}`).join('; ');
  if (r.dataAbsentReason) return `Not available: ${r.dataAbsentReason.text ?? r.dataAbsentReason.display}`;
  if (r.memberIds.length) return `Panel of ${r.memberIds.length} results (listed with it)`;
  if (r.codeIsFinding) return 'Recorded (the finding is its name)';
  return '';
}
