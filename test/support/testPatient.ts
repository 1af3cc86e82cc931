/// <reference types="fhir" />
import { sendBundle } from '../../tools/src/feeds/feedClient';
import { stackInfo } from './stackInfo';

/**
 * A test patient of their own for a feed test: registered at Bury Central Medical Practice (P83005)
 * through the registry feed and, with `attendedAe`, attending A&E at Northern Care Alliance (RM3)
 * yesterday, so both the GP and the hospital have a care relationship (an attendance lasts 28 days
 * from arrival). Then the test sends what it is about with `sendBatch`.
 */

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const patientReference = (nhsNumber: string) => ({ identifier: { system: NHS_NUMBER_SYSTEM, value: nhsNumber } });
const env = () => ({ ...process.env, SHAREFORYOU_PORT_BASE: String(stackInfo().portBase) });

/** Sends a batch and expects every entry taken: HTTP 200, none refused; returns the warnings' words (e.g. "not stored"). */
export async function sendBatch(target: string, odsCode: string, entry: unknown[], options: { notStoredAllowed?: boolean } = {}): Promise<string[]> {
  const response = await sendBundle(target, odsCode, JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry }), env());
  const refused = response.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal' || (!options.notStoredAllowed && i.severity === 'warning' && /not stored/.test(i.diagnostics ?? '')));
  expect({ status: response.status, refused }).toEqual({ status: 200, refused: [] });
  return response.issues.filter((i) => i.severity === 'warning').map((i) => i.diagnostics ?? '');
}

export interface TestPatient {
  id: string;
  nhsNumber: string;
  family: string;
  given: string;
  gender: 'male' | 'female';
  birthDate: string;
}

export async function registerTestPatient(patient: TestPatient, options: { attendedAe?: string } = {}): Promise<void> {
  await sendBatch('registry', 'P83005', [
    {
      resource: {
        resourceType: 'Patient',
        id: patient.id,
        meta: { versionId: '1', lastUpdated: '2026-10-01T09:00:00Z' },
        identifier: [{ system: NHS_NUMBER_SYSTEM, value: patient.nhsNumber }],
        name: [{ use: 'official', family: patient.family, given: [patient.given] }],
        gender: patient.gender,
        birthDate: patient.birthDate,
        generalPractitioner: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'P83005' } }],
      },
    },
  ]);
  if (!options.attendedAe) return;
  await sendBatch('registry', 'RM3', [
    {
      resource: {
        resourceType: 'Encounter',
        id: options.attendedAe,
        meta: { versionId: '1', lastUpdated: new Date().toISOString() },
        status: 'in-progress',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
        subject: patientReference(patient.nhsNumber),
        period: { start: new Date(Date.now() - 86_400_000).toISOString() },
      },
    },
  ]);
}
