/**
 * A result outside its normal range, said in letters and words as well as colour: the laboratory's
 * flag (HL7 v3 ObservationInterpretation: H, L, HH, LL, A, ...) with its meaning ("H (High)"), or
 * "Abnormal" when the source flagged it without a code we know. Pure, so it is unit-tested; any panel
 * that shows results may use it (the per-source results panel does).
 */

const WORDS: Record<string, string> = {
  H: 'High',
  L: 'Low',
  HH: 'Critically high',
  LL: 'Critically low',
  HU: 'Significantly high',
  LU: 'Significantly low',
  A: 'Abnormal',
  AA: 'Critically abnormal',
  '>': 'Above the measurable range',
  '<': 'Below the measurable range',
  POS: 'Positive',
  DET: 'Detected',
  R: 'Resistant',
};

export interface FlaggedResult {
  abnormal?: boolean | null;
  interpretation?: { code?: string | null; display?: string | null } | null;
}

/** "H (High)", "LL (Critically low)", "Abnormal"; '' when the result is not flagged abnormal. */
export function resultFlag(result: FlaggedResult): string {
  if (result.abnormal !== true) return '';
  const code = (result.interpretation?.code ?? '').trim().toUpperCase();
  if (WORDS[code]) return code === 'A' ? WORDS.A : `${code} (${WORDS[code]})`;
  const display = (result.interpretation?.display ?? '').trim();
  return display && !/^normal$/i.test(display) ? `Abnormal (${display.charAt(0).toUpperCase()}${display.slice(1)})` : 'Abnormal';
}
