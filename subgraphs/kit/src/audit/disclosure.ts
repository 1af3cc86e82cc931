/**
 * Results that disclose who someone is without opening their record (a demographic trace): a
 * resolver marks them, and the audit plugin then records each one against its NHS number, with the
 * identifying fields returned, like any other look at a patient.
 */

const disclosed = new WeakSet<object>();

export function disclosing<T extends { nhsNumber: string }>(items: T[]): T[] {
  for (const item of items) disclosed.add(item);
  return items;
}

export function disclosedNhsNumber(value: unknown): string | null {
  if (!value || typeof value !== 'object' || !disclosed.has(value)) return null;
  const { nhsNumber } = value as { nhsNumber?: unknown };
  return typeof nhsNumber === 'string' ? nhsNumber : null;
}
