import type { Column } from './recordPanel';

/** A table column: its heading and how to read it from one item. */
export const col = (label: string, value: (item: any) => unknown): Column => ({ label, value });

/** The source's status as people read it (FHIR on-hold arrives as on_hold), and "history" when the item is no longer current. */
export const statusCol = (label = 'Status'): Column =>
  col(label, (item) => [String(item.status ?? '').replace(/_/g, ' '), item.current === false ? '(history)' : ''].filter(Boolean).join(' '));
