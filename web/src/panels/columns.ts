import type { Column } from './recordPanel';

/** A table column: its heading and how to read it from one item. */
export const col = (label: string, value: (item: any) => unknown): Column => ({ label, value });
