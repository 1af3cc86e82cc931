/**
 * Numeric settings from the environment, read one way everywhere: unset (or empty) is the default;
 * anything but a whole number above 0 stops the service with the variable's name and what it got,
 * never a silent fallback to the default the operator meant to change.
 */
export function positiveWholeNumber(env: NodeJS.ProcessEnv, variable: string, fallback: number, unit?: string): number;
export function positiveWholeNumber(env: NodeJS.ProcessEnv, variable: string, fallback: undefined, unit?: string): number | undefined;
export function positiveWholeNumber(env: NodeJS.ProcessEnv, variable: string, fallback: number | undefined, unit = ''): number | undefined {
  const value = env[variable];
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${variable} must be a whole number${unit ? ` of ${unit}` : ''} above 0 (got "${value}").`);
  return n;
}
