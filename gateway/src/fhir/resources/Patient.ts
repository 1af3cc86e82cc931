/// <reference types="fhir" />
import { compact, NHS_NUMBER_SYSTEM, type SourceItem } from '../datatypes';

/**
 * Patient from the registry: the NHS number, name, birth date and gender the user's role may see,
 * and a restricted record marked as PDS marks it (meta.security R, v3-Confidentiality), so a
 * receiving system withholds the patient's whereabouts too.
 */

export const PATIENT_SELECTION = 'nhsNumber name { given family text } birthDate gender restricted';

const RESTRICTED: fhir4.Coding = { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' };

export function patient(record: SourceItem | { nhsNumber: string; name?: any; birthDate?: string | null; gender?: string | null; restricted?: boolean | null }): fhir4.Patient {
  return compact({
    resourceType: 'Patient' as const,
    id: record.nhsNumber,
    meta: record.restricted ? { security: [RESTRICTED] } : undefined,
    identifier: [{ system: NHS_NUMBER_SYSTEM, value: record.nhsNumber }],
    name: record.name ? [compact({ use: 'official' as const, family: record.name.family, given: record.name.given, text: record.name.text })] : undefined,
    gender: ['male', 'female', 'other', 'unknown'].includes(record.gender ?? '') ? (record.gender as fhir4.Patient['gender']) : undefined,
    birthDate: record.birthDate ?? undefined,
  });
}
