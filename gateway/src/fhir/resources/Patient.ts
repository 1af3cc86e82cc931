/// <reference types="fhir" />
import { compact, NHS_NUMBER_SYSTEM, type SourceItem } from '../datatypes';

/** Patient from the registry: the NHS number, name, birth date and gender the user's role may see. */

export const PATIENT_SELECTION = 'nhsNumber name { given family text } birthDate gender';

export function patient(record: SourceItem | { nhsNumber: string; name?: any; birthDate?: string | null; gender?: string | null }): fhir4.Patient {
  return compact({
    resourceType: 'Patient' as const,
    id: record.nhsNumber,
    identifier: [{ system: NHS_NUMBER_SYSTEM, value: record.nhsNumber }],
    name: record.name ? [compact({ use: 'official' as const, family: record.name.family, given: record.name.given, text: record.name.text })] : undefined,
    gender: ['male', 'female', 'other', 'unknown'].includes(record.gender ?? '') ? (record.gender as fhir4.Patient['gender']) : undefined,
    birthDate: record.birthDate ?? undefined,
  });
}
