/**
 * Report rows as CSV columns: nested objects become dotted columns (user.name, latestReview.outcome),
 * lists of plain values are joined with "; ", lists of objects (every review) are left to the
 * console. Pure, so the columns of every export are tested without a stack.
 */

type Value = string | number | boolean | null;

export function flattenRow(row: Record<string, unknown>, prefix = ''): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of Object.entries(row)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined) out[column] = null;
    else if (value instanceof Date) out[column] = value.toISOString();
    else if (Array.isArray(value)) {
      if (value.every((item) => item === null || typeof item !== 'object')) out[column] = value.join('; ');
    } else if (typeof value === 'object') Object.assign(out, flattenRow(value as Record<string, unknown>, column));
    else out[column] = value as Value;
  }
  return out;
}

/** The columns of a set of rows, in first-seen order, so a row missing a value still lines up. */
export function columnsOf(rows: Array<Record<string, Value>>): string[] {
  const columns = new Set<string>();
  for (const row of rows) Object.keys(row).forEach((key) => columns.add(key));
  return [...columns];
}

/**
 * A spreadsheet opens a cell starting with = + - @ as a formula: a user name or note in the trail must
 * never run as one, so such cells are prefixed with a quote (OWASP CSV injection).
 */
export function safeCell(value: Value): Value {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
