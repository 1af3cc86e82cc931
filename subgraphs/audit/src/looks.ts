import type { AuditEventRecord, AuditUser } from '@shareforyou/kit';

/**
 * Reports group audit events into "looks": one user (or organisation and role) and one patient,
 * with the first and last access, the distinct requests and the categories shown. FerretDB's
 * $group has only $sum and $count, so events are streamed (bounded by the period) and grouped here.
 */

/** The fields a report reads from an event. */
export const LOOK_FIELDS = { requestId: 1, at: 1, user: 1, nhsNumber: 1, categories: 1, denied: 1, breakGlass: 1 } as const;
export type LookEvent = Pick<AuditEventRecord, 'requestId' | 'at' | 'user' | 'nhsNumber' | 'categories' | 'denied' | 'breakGlass'>;

/** Rows a report returns at most; more sets `truncated`. */
export const REPORT_ROW_LIMIT = 500;
/** Events one report reads at most; more sets `truncated` (narrow the period). */
export const REPORT_SCAN_LIMIT = 200_000;

export interface Look {
  user: AuditUser;
  nhsNumber: string;
  firstAccess: Date;
  lastAccess: Date;
  requestIds: Set<string>;
  categories: Set<string>;
  breakGlass: boolean;
  denied: boolean;
}

export class Looks {
  private readonly byKey = new Map<string, Look>();
  scanned = 0;
  /** The scan stopped at REPORT_SCAN_LIMIT with events left. */
  truncated = false;

  add(key: string, event: LookEvent): void {
    this.scanned += 1;
    const at = new Date(event.at);
    let look = this.byKey.get(key);
    if (!look) {
      look = {
        user: event.user,
        nhsNumber: event.nhsNumber ?? '',
        firstAccess: at,
        lastAccess: at,
        requestIds: new Set(),
        categories: new Set(),
        breakGlass: false,
        denied: false,
      };
      this.byKey.set(key, look);
    }
    if (at < look.firstAccess) look.firstAccess = at;
    if (at > look.lastAccess) {
      look.lastAccess = at;
      look.user = event.user; // the latest name and role the user had
    }
    look.requestIds.add(event.requestId);
    (event.categories ?? []).forEach((c) => look!.categories.add(c));
    look.breakGlass ||= Boolean(event.breakGlass);
    look.denied ||= event.denied;
  }

  entries(): Array<[string, Look]> {
    return [...this.byKey];
  }
}

/** Streams events matching the query into looks, stopping at the scan limit. */
export async function collectLooks(
  cursor: AsyncIterable<LookEvent>,
  keyOf: (event: LookEvent) => string,
  looks = new Looks(),
): Promise<Looks> {
  for await (const event of cursor) {
    if (looks.scanned >= REPORT_SCAN_LIMIT) {
      looks.truncated = true;
      break;
    }
    looks.add(keyOf(event), event);
  }
  return looks;
}

export function lookRow(look: Look) {
  return {
    user: look.user,
    nhsNumber: look.nhsNumber,
    firstAccess: look.firstAccess.toISOString(),
    lastAccess: look.lastAccess.toISOString(),
    accesses: look.requestIds.size,
    categories: [...look.categories].sort(),
    breakGlass: look.breakGlass,
    denied: look.denied,
  };
}

export const newestLookFirst = (a: Look, b: Look) => b.lastAccess.getTime() - a.lastAccess.getTime();

/** Header every monitoring report carries, so a reader knows what it did and did not look for. */
export function reportHeader(title: string, lookedFor: string, period: { from: Date; to: Date }, truncated: boolean) {
  return { title, lookedFor, from: period.from.toISOString(), to: period.to.toISOString(), truncated };
}

export function limitRows<T>(rows: T[]): { rows: T[]; truncated: boolean } {
  return { rows: rows.slice(0, REPORT_ROW_LIMIT), truncated: rows.length > REPORT_ROW_LIMIT };
}
