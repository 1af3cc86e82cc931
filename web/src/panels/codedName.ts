/**
 * A coded item's name as its source gave it, and its codes on demand (issue #19.4). A clinician
 * reads the words the source's clinician saw (`CodeableConcept.text`, else the source's first
 * coding's display), not the code system's own display ("Hemoglobin [Mass/volume] in Blood"); the
 * code system and code are one keyboard press away for anyone who needs them. Pure, so each rule
 * is unit-tested (test/unit/coded-name.test.ts).
 */

export interface CodingValue {
  system: string;
  code: string;
  display?: string | null;
}

export interface ConceptValue {
  display?: string | null;
  text?: string | null;
  coding?: CodingValue[] | null;
}

/** The code systems a clinician in England knows by name. */
const SYSTEM_NAMES: Record<string, string> = {
  'http://loinc.org': 'LOINC',
  'http://snomed.info/sct': 'SNOMED CT',
  'https://dmd.nhs.uk': 'dm+d',
  'http://read.info/ctv3': 'CTV3',
  'http://read.info/readv2': 'Read v2',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'http://hl7.org/fhir/sid/icd-10-uk': 'ICD-10',
  'http://terminology.hl7.org/CodeSystem/v3-ActCode': 'HL7 ActCode',
  'http://terminology.hl7.org/CodeSystem/observation-category': 'FHIR observation category',
};

/** "LOINC", "SNOMED CT", or the system's URI when it is not one of those. */
export function systemName(system: string): string {
  return SYSTEM_NAMES[system] ?? system;
}

/** The name as the source gave it: its text, else its first coding's display, else the preferred display. */
export function sourceName(concept: ConceptValue | null | undefined): string {
  if (!concept) return '';
  const text = concept.text?.trim();
  if (text) return text;
  const first = concept.coding?.find((c) => c.display?.trim())?.display?.trim();
  return first || concept.display?.trim() || '';
}

/** Each source's own name for one item, once each, in the sources' order: two sources' words are never hidden. */
export function sourceNames<T>(sources: T[], concept: (source: T) => ConceptValue | null | undefined): string[] {
  return [...new Set(sources.map((s) => sourceName(concept(s))).filter(Boolean))];
}

/** Every code the sources sent for the item, once each ("LOINC 718-7"); a concept given as text only has none. */
export function sourceCodes<T>(sources: T[], concept: (source: T) => ConceptValue | null | undefined): Array<{ system: string; code: string; display: string }> {
  const seen = new Map<string, { system: string; code: string; display: string }>();
  for (const source of sources) {
    for (const coding of concept(source)?.coding ?? []) {
      if (!coding.code || coding.system === 'text') continue;
      const key = `${coding.system}|${coding.code}`;
      if (!seen.has(key)) seen.set(key, { system: systemName(coding.system), code: coding.code, display: coding.display?.trim() ?? '' });
    }
  }
  return [...seen.values()];
}
