import {
  codingOf,
  conceptText,
  dateOf,
  FeedProblem,
  ODS_SYSTEM,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  required,
  textOf,
  FHIR_STATUS,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { encounterClassesOf } from '@shareforyou/schema';
import { acutePanels } from './panels';

/**
 * The hospital trust's FHIR R4 feed (UK Core resources) -> the acute slice's panels.
 * Encounter is one mapping: its class says whether it is an inpatient spell or an A&E attendance.
 */

/** Which encounter classes are spells and which are A&E attendances: the table of organisation kinds. */
const INPATIENT_CLASSES = encounterClassesOf('acute-trust', 'admission');
const EMERGENCY_CLASSES = encounterClassesOf('acute-trust', 'attendance');
/** FHIR app-3: only these appointments may lack a start. */
const UNSCHEDULED_APPOINTMENT = new Set(['proposed', 'cancelled', 'waitlist']);
/** HL7 v3 ObservationInterpretation codes that flag a result as outside its reference range. */
const ABNORMAL_FLAGS = new Set(['A', 'AA', 'H', 'HH', 'HU', 'L', 'LL', 'LU', '<', '>']);

/** A CodeableConcept as people read it: its text, else the first display. */
/** The people (not the organisation) named by references, e.g. authors or participants. */
function peopleNamed(references: Array<fhir4.Reference | undefined> | undefined): string | null {
  const names = (references ?? []).filter((r) => r?.display && r.identifier?.system !== ODS_SYSTEM).map((r) => r!.display!);
  return textOf(names.join(', '), 500);
}

function reasonsOf(concepts: fhir4.CodeableConcept[] | undefined, path: string) {
  const [reason = null, ...otherReasons] = (concepts ?? []).map((c, i) => codingOf(c, `${path}[${i}]`));
  return { reason, otherReasons };
}

function encounterMapping(r: fhir4.Encounter) {
  const classCode = oneOf(r.class?.code, [...INPATIENT_CLASSES, ...EMERGENCY_CLASSES], 'Encounter.class.code');
  const status = oneOf(r.status, FHIR_STATUS.encounter, 'Encounter.status');
  const start = dateOf(r.period?.start, 'Encounter.period.start');
  const end = optionalDateOf(r.period?.end, 'Encounter.period.end');
  const { reason, otherReasons } = reasonsOf(r.reasonCode, 'Encounter.reasonCode');
  const locations = r.location ?? [];
  const place = textOf((locations.find((l) => l.status === 'active') ?? locations[locations.length - 1])?.location?.display, 200);
  const clinician = peopleNamed(r.participant?.map((p) => p.individual));
  const disposition = conceptText(r.hospitalization?.dischargeDisposition);

  if (EMERGENCY_CLASSES.includes(classCode)) {
    return {
      panel: acutePanels.aeAttendances,
      fields: { status, arrival: start, departure: end, reason, otherReasons, department: place, clinician, outcome: disposition },
    };
  }
  return {
    panel: acutePanels.admissions,
    fields: {
      status,
      admitted: start,
      discharged: end,
      reason,
      otherReasons,
      specialty: optionalCodingOf(r.serviceType, 'Encounter.serviceType'),
      ward: place,
      consultant: clinician,
      admissionSource: conceptText(r.hospitalization?.admitSource),
      dischargeDestination: disposition,
    },
  };
}

/** The text of a plain-text attachment (inline base64 data). */
function attachmentText(attachment: fhir4.Attachment | undefined): string | null {
  if (!attachment?.data || !(attachment.contentType ?? 'text/plain').startsWith('text/plain')) return null;
  return Buffer.from(attachment.data, 'base64').toString('utf8');
}

function documentReferenceMapping(r: fhir4.DocumentReference) {
  const attachment = r.content?.[0]?.attachment;
  const type = codingOf(r.type, 'DocumentReference.type');
  const summary = textOf(attachmentText(attachment) ?? r.description, 20000);
  if (!summary) {
    throw new FeedProblem('DocumentReference.content[0].attachment', 'DocumentReference needs its text: a text/plain attachment (data) or a description');
  }
  return {
    panel: acutePanels.dischargeSummaries,
    fields: {
      type,
      title: textOf(attachment?.title, 200) ?? type.display,
      date: dateOf(r.date ?? attachment?.creation, 'DocumentReference.date'),
      status: oneOf(r.status, ['current', 'superseded', 'entered-in-error'] as const, 'DocumentReference.status'),
      summary,
      author: peopleNamed(r.author),
      admitted: optionalDateOf(r.context?.period?.start, 'DocumentReference.context.period.start'),
      discharged: optionalDateOf(r.context?.period?.end, 'DocumentReference.context.period.end'),
    },
  };
}

/** Narrative XHTML as plain text. */
function plainText(xhtml: string | undefined): string {
  return (xhtml ?? '').replace(/<br\s*\/?>|<\/p>|<\/li>/gi, '\n').replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n').trim();
}

function compositionMapping(r: fhir4.Composition) {
  const sections = (r.section ?? [])
    .map((s) => [s.title, plainText(s.text?.div)].filter(Boolean).join(': '))
    .filter(Boolean);
  if (sections.length === 0) throw new FeedProblem('Composition.section', 'Composition needs at least one section with a title or narrative text');
  const event = r.event?.[0]?.period;
  return {
    panel: acutePanels.dischargeSummaries,
    fields: {
      type: codingOf(r.type, 'Composition.type'),
      title: textOf(required(r.title, 'Composition.title'), 200),
      date: dateOf(r.date, 'Composition.date'),
      status: oneOf(r.status, ['preliminary', 'final', 'amended', 'entered-in-error'] as const, 'Composition.status'),
      summary: textOf(sections.join('\n\n'), 20000),
      author: peopleNamed(r.author),
      admitted: optionalDateOf(event?.start, 'Composition.event.period.start'),
      discharged: optionalDateOf(event?.end, 'Composition.event.period.end'),
    },
  };
}

function observationValue(r: fhir4.Observation, status: string): { value: string | null; unit: string | null } {
  const q = r.valueQuantity;
  if (q) {
    const value = required(q.value, 'Observation.valueQuantity.value');
    return { value: `${q.comparator ?? ''}${value}`, unit: textOf(q.unit ?? q.code, 50) };
  }
  if (r.valueString !== undefined) return { value: textOf(r.valueString, 2000), unit: null };
  if (r.valueCodeableConcept) return { value: conceptText(r.valueCodeableConcept), unit: null };
  if (r.valueInteger !== undefined) return { value: String(r.valueInteger), unit: null };
  if (r.valueBoolean !== undefined) return { value: r.valueBoolean ? 'Yes' : 'No', unit: null };
  if (r.dataAbsentReason || status === 'registered' || status === 'cancelled') return { value: null, unit: null };
  throw new FeedProblem('Observation.value[x]', 'Observation needs a valueQuantity, valueString, valueCodeableConcept, valueInteger or valueBoolean, or a dataAbsentReason');
}

/** "130 - 180 g/L", ">= 90 mL/min/1.73m2", "<= 5 mg/L", or the range's own text. */
function referenceRangeText(range: fhir4.ObservationReferenceRange | undefined): string | null {
  if (!range) return null;
  if (range.text) return textOf(range.text, 200);
  const { low, high } = range;
  const unit = high?.unit ?? low?.unit ?? '';
  const span =
    low?.value !== undefined && high?.value !== undefined
      ? `${low.value} - ${high.value}`
      : low?.value !== undefined
        ? `>= ${low.value}`
        : high?.value !== undefined
          ? `<= ${high.value}`
          : '';
  return span ? `${span} ${unit}`.trim() : null;
}

function observationMapping(r: fhir4.Observation) {
  const status = oneOf(r.status, FHIR_STATUS.observation, 'Observation.status');
  const interpretation = optionalCodingOf(r.interpretation?.[0], 'Observation.interpretation');
  return {
    panel: acutePanels.testResults,
    fields: {
      code: codingOf(r.code, 'Observation.code'),
      status,
      category: conceptText(r.category?.[0]),
      ...observationValue(r, status),
      referenceRange: referenceRangeText(r.referenceRange?.[0]),
      interpretation,
      abnormal: !interpretation ? null : ABNORMAL_FLAGS.has(interpretation.code) ? true : interpretation.code === 'N' ? false : null,
      effectiveDate: dateOf(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.effectiveInstant, 'Observation.effective[x]'),
    },
  };
}

/** A DiagnosticReport only names the group its results were issued in (see resolvers). */
function diagnosticReportMapping(r: fhir4.DiagnosticReport) {
  const code = codingOf(r.code, 'DiagnosticReport.code');
  return {
    panel: acutePanels.testReports,
    fields: {
      code,
      name: conceptText(r.code) ?? code.display,
      status: oneOf(r.status, FHIR_STATUS.diagnosticReport, 'DiagnosticReport.status'),
      effectiveDate: optionalDateOf(r.effectiveDateTime ?? r.effectivePeriod?.start, 'DiagnosticReport.effective[x]'),
      conclusion: textOf(r.conclusion, 4000),
      resultSourceIds: (r.result ?? []).map((ref, i) => {
        const match = /(?:^|\/)Observation\/([A-Za-z0-9\-.]{1,64})$/.exec(ref.reference ?? '');
        if (!match) throw new FeedProblem(`DiagnosticReport.result[${i}]`, `DiagnosticReport.result[${i}] must reference an Observation ("Observation/<id>")`);
        return match[1];
      }),
    },
  };
}

export const acuteFeed: SliceFeed = {
  resources: {
    Encounter: encounterMapping,
    Appointment: (r: fhir4.Appointment) => {
      const status = oneOf(r.status, FHIR_STATUS.appointment, 'Appointment.status');
      const site = r.participant?.find((p) => p.actor?.display && (p.actor.type === 'Location' || (!p.actor.type && !p.actor.identifier)))?.actor?.display;
      return {
        panel: acutePanels.outpatientAppointments,
        fields: {
          status,
          start: UNSCHEDULED_APPOINTMENT.has(status) ? optionalDateOf(r.start, 'Appointment.start') : dateOf(r.start, 'Appointment.start'),
          end: optionalDateOf(r.end, 'Appointment.end'),
          specialty: optionalCodingOf(r.specialty?.[0], 'Appointment.specialty'),
          clinic: conceptText(r.serviceType?.[0]) ?? textOf(r.description, 200),
          site: textOf(site, 200),
          clinician: peopleNamed(r.participant?.filter((p) => p.actor?.type === 'Practitioner').map((p) => p.actor)),
          description: textOf(r.description, 500),
          bookedOn: optionalDateOf(r.created, 'Appointment.created'),
        },
      };
    },
    DocumentReference: documentReferenceMapping,
    Composition: compositionMapping,
    Observation: observationMapping,
    DiagnosticReport: diagnosticReportMapping,
  },
};
