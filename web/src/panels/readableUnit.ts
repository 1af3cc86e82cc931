/**
 * A unit as a clinician reads it. Sources often put the UCUM code in the unit's words ("10*9/L",
 * "mm[Hg]", "Cel"); the screen says "× 10⁹/L", "mmHg", "°C". Words that are not a UCUM code this
 * knows are shown as sent. The API keeps the source's unit and code unchanged.
 */

const KNOWN: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  Cel: '°C',
  '[degF]': '°F',
  'kg/m2': 'kg/m²',
  'mL/min/{1.73_m2}': 'mL/min/1.73 m²',
  '/min': '/min',
  '{beats}/min': 'beats/min',
  '{breaths}/min': 'breaths/min',
  '[IU]/L': 'IU/L',
  '[iU]/L': 'IU/L',
  'm[IU]/L': 'mIU/L',
  '[in_i]': 'in',
  '[lb_av]': 'lb',
  '{score}': '',
  '{ratio}': '',
  '1': '',
};

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

export function readableUnit(unit: string | null | undefined): string {
  if (!unit) return '';
  if (unit in KNOWN) return KNOWN[unit];
  return (
    unit
      // 10*9/L: a power of ten, as printed on a report
      .replace(/^10\*(-?\d+)/, (_, power: string) => `× 10${[...power].map((d) => SUPERSCRIPT[d]).join('')}`)
      // u for micro (umol/L, ug/L, uL)
      .replace(/(^|[/ ×])u(?=(mol|g|L|l|IU|U)\b)/g, '$1µ')
      // an annotation in braces is its words
      .replace(/\{([^}]*)\}/g, '$1')
  );
}
