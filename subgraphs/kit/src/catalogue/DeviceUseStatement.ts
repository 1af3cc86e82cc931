import {
  clinicalTimeOf,
  codingOf,
  conceptsOf,
  FeedProblem,
  FHIR_STATUS,
  isCurrent,
  notesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  referencedConceptsOf,
  textConcept,
  textOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 DeviceUseStatement -> a medical device the patient uses or has (a pacemaker, an insulin
 * pump, a hip prosthesis): the device itself (the Device it names, contained or in the bundle:
 * its type with every coding, else its name; a Device sent alone is a supporting resource), the
 * statement's status, `current` (active or on hold, and its timing period not ended: re-read at
 * every read, H89), timing[x], body site and reasons.
 */

/** Device.type (every coding), else its deviceName, else the reference's display. */
function deviceOf(r: fhir4.DeviceUseStatement, references: BundleReferences) {
  const device = references.resolve(r.device, r as never) as fhir4.Device | null;
  const name = textOf(device?.deviceName?.[0]?.name ?? r.device?.display, 300);
  if (device?.resourceType === 'Device' && device.type) {
    const type = codingOf(device.type, 'DeviceUseStatement.device -> Device.type');
    return { device: type, deviceName: name ?? null, udi: textOf(device.udiCarrier?.[0]?.deviceIdentifier, 200) };
  }
  if (name) return { device: textConcept(name), deviceName: name, udi: textOf(device?.udiCarrier?.[0]?.deviceIdentifier, 200) };
  throw new FeedProblem('DeviceUseStatement.device', 'DeviceUseStatement.device must name a Device with a type or a name, contained (#id) or in the same bundle, or carry a display');
}

export function deviceUseStatementMapping(panel: string): ResourceMapping {
  return (r: fhir4.DeviceUseStatement, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.deviceUseStatement, 'DeviceUseStatement.status');
    const timing = clinicalTimeOf({ resourceType: 'DeviceUseStatement', timingDateTime: r.timingDateTime, timingPeriod: r.timingPeriod }, 'timing');
    const end = timing?.end ?? null;
    return {
      panel,
      fields: {
        ...deviceOf(r, references),
        status,
        current: isCurrent('deviceUseStatement', status, end),
        timing,
        timingText: r.timingTiming ? textOf(r.timingTiming.code?.text ?? r.timingTiming.code?.coding?.[0]?.display ?? 'a repeating schedule', 200) : null,
        startDate: timing?.start ?? null,
        endDate: end,
        recordedOn: optionalDateOf(r.recordedOn, 'DeviceUseStatement.recordedOn'),
        bodySite: optionalCodingOf(r.bodySite, 'DeviceUseStatement.bodySite'),
        reasons: [...conceptsOf(r.reasonCode, 'DeviceUseStatement.reasonCode'), ...referencedConceptsOf(r.reasonReference, r, references, 'DeviceUseStatement.reasonReference')],
        notes: notesOf(r.note, 2000),
      },
    };
  };
}
