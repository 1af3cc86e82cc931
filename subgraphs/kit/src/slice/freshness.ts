import { openValue, sealValue, type SealedPanel } from './panelEncryption';
import { instantOf } from './instants';
import type { SliceItem } from './patientSlice';

/**
 * How current a source is for a patient (Patient.<slice>Source): which organisations' items the
 * slice holds, and the latest time any of them was updated at the source. It is worked out when the
 * slice is written and stored sealed beside the panels, so a reader asking only for freshness and a
 * few panels opens those, not every panel of the slice.
 */
export interface SliceFreshness {
  /** [ODS code, organisation name], by ODS code. */
  organisations: Array<[string, string]>;
  /** The latest provenance.lastUpdated by instant (a source may send offsets other than Z); null for an empty slice. */
  lastUpdated: string | null;
}

export function freshnessOf(panels: Record<string, SliceItem[]>): SliceFreshness {
  const items = Object.values(panels).flat();
  const names = new Map(items.map((item) => [item.provenance.odsCode, item.provenance.organisationName]));
  const lastUpdated = items.reduce<string | null>(
    (latest, item) => (latest === null || instantOf(item.provenance.lastUpdated) > instantOf(latest) ? item.provenance.lastUpdated : latest),
    null,
  );
  return { organisations: [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), lastUpdated };
}

const binding = (nhsNumber: string) => `${nhsNumber}/freshness`;
export const sealFreshness = (nhsNumber: string, freshness: SliceFreshness): SealedPanel => sealValue(binding(nhsNumber), freshness);
export const openFreshness = (nhsNumber: string, stored: SealedPanel): SliceFreshness => openValue<SliceFreshness>(binding(nhsNumber), stored);
