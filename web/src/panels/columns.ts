import type { Column } from './recordPanel';
import { statusWords } from './statusWords';

/** A table column: its heading and how to read it from one item. */
export const col = (label: string, value: (item: any) => unknown): Column => ({ label, value });

/** The source's status in words (FHIR on-hold arrives as on_hold, shown "On hold"); whether it is current is said by the part it is listed in. */
export const statusCol = (label = 'Status'): Column => col(label, (item) => statusWords(item.status));
