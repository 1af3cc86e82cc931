/// <reference types="fhir" />
import { codeableConcept, codeableConcepts, compact, fhirCode, notes, patientReference, sourceResource, timeChoice, type SourceItem } from '../datatypes';

/** DeviceUseStatement from the catalogue's MedicalDevice, the device itself contained (R4 requires a reference to one). */

export const DEVICE_SELECTION =
  'id device { ...C } deviceName udi status timing { ...T } timingText recordedOn bodySite { ...C } reasons { ...C } notes provenance { ...P }';

export function deviceUseStatement(item: SourceItem, nhsNumber: string): fhir4.DeviceUseStatement {
  const device: fhir4.Device = compact({
    resourceType: 'Device' as const,
    id: 'device',
    type: codeableConcept(item.device),
    deviceName: item.deviceName ? [{ name: item.deviceName, type: 'user-friendly-name' as const }] : undefined,
    udiCarrier: item.udi ? [{ deviceIdentifier: item.udi }] : undefined,
    patient: patientReference(nhsNumber),
  });
  return compact({
    ...sourceResource('DeviceUseStatement', item, nhsNumber),
    contained: [device],
    status: fhirCode(item.status) as fhir4.DeviceUseStatement['status'],
    subject: patientReference(nhsNumber),
    ...timeChoice('timing', item.timing),
    recordedOn: item.recordedOn ?? undefined,
    device: { reference: '#device' },
    reasonCode: codeableConcepts(item.reasons),
    bodySite: codeableConcept(item.bodySite),
    note: notes([...(item.timingText ? [`Used: ${item.timingText}`] : []), ...(item.notes ?? [])]),
  });
}
