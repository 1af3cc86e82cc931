import {
  conceptText,
  dateOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  personNamed,
  required,
  textOf,
  FHIR_STATUS,
  type SliceFeed,
} from '@shareforyou/kit/src/ingest';
import { socialCarePanels } from './panels';

/**
 * The council's social care FHIR R4 feed -> the social care slice's panels.
 * EpisodeOfCare -> the case (allocated worker from careManager); ServiceRequest or CarePlan -> care
 * packages; Procedure -> assessments; RelatedPerson -> carers; Flag -> safeguarding alerts (every
 * alert flag the council sends is treated as safeguarding, hence sensitive).
 */

/** A trailing ", <role>" on a worker's display name, e.g. "Sam Jones, Social Worker". */
const WORKER_ROLE = /,\s*([^,]*\b(?:worker|manager|practitioner|therapist|co-?ordinator|assessor|nurse|officer)\b[^,]*)$/i;

function nameOf(name: fhir4.HumanName | undefined): string | null {
  return textOf(name?.text ?? [...(name?.prefix ?? []), ...(name?.given ?? []), name?.family].filter(Boolean).join(' '), 200);
}

/** Hours per week from a quantity in hours per week (UCUM h/wk), else null. */
function hoursPerWeek(quantity: fhir4.Quantity | undefined): number | null {
  if (quantity?.value === undefined) return null;
  return quantity.code === 'h/wk' || /hours? (per|a|\/) ?week/i.test(quantity.unit ?? '') ? quantity.value : null;
}

function episodeOfCareMapping(r: fhir4.EpisodeOfCare) {
  const display = r.careManager?.display?.trim();
  const role = display ? WORKER_ROLE.exec(display) : null;
  return {
    panel: socialCarePanels.cases,
    fields: {
      status: oneOf(r.status, FHIR_STATUS.episodeOfCare, 'EpisodeOfCare.status'),
      start: dateOf(r.period?.start, 'EpisodeOfCare.period.start'),
      end: optionalDateOf(r.period?.end, 'EpisodeOfCare.period.end'),
      caseType: conceptText(r.type?.[0]),
      team: textOf(r.team?.[0]?.display, 200),
      worker: textOf(role ? display!.slice(0, role.index) : display, 200),
      workerRole: textOf(role?.[1], 100),
    },
  };
}

function serviceRequestMapping(r: fhir4.ServiceRequest) {
  const service = required(conceptText(r.code), 'ServiceRequest.code');
  return {
    panel: socialCarePanels.carePackages,
    fields: {
      service,
      category: conceptText(r.category?.[0]),
      description: textOf(r.note?.[0]?.text ?? service, 2000),
      hoursPerWeek: hoursPerWeek(r.quantityQuantity),
      status: oneOf(r.status, FHIR_STATUS.request, 'ServiceRequest.status'),
      start: dateOf(r.occurrencePeriod?.start ?? r.occurrenceDateTime ?? r.authoredOn, 'ServiceRequest.occurrence[x]'),
      end: optionalDateOf(r.occurrencePeriod?.end, 'ServiceRequest.occurrencePeriod.end'),
    },
  };
}

function carePlanMapping(r: fhir4.CarePlan) {
  const service = textOf(required(r.title ?? conceptText(r.category?.[0]), 'CarePlan.title'), 500)!;
  const activities = (r.activity ?? []).map((a) => a.detail?.description ?? conceptText(a.detail?.code)).filter(Boolean);
  return {
    panel: socialCarePanels.carePackages,
    fields: {
      service,
      category: conceptText(r.category?.[0]),
      description: textOf(r.description ?? (activities.join('; ') || service), 2000),
      hoursPerWeek: null,
      status: oneOf(r.status, FHIR_STATUS.request, 'CarePlan.status'),
      start: dateOf(r.period?.start ?? r.created, 'CarePlan.period.start'),
      end: optionalDateOf(r.period?.end, 'CarePlan.period.end'),
    },
  };
}

function procedureMapping(r: fhir4.Procedure) {
  return {
    panel: socialCarePanels.assessments,
    fields: {
      type: required(conceptText(r.code), 'Procedure.code'),
      status: oneOf(r.status, FHIR_STATUS.event, 'Procedure.status'),
      date: dateOf(r.performedDateTime ?? r.performedPeriod?.start, 'Procedure.performed[x]'),
      outcome: textOf(conceptText(r.outcome) ?? r.note?.[0]?.text, 4000),
      assessor: personNamed(r.performer?.[0]?.actor),
    },
  };
}

function relatedPersonMapping(r: fhir4.RelatedPerson) {
  const relationships = r.relationship ?? [];
  const coded = relationships.findIndex((c) => c.coding?.length);
  return {
    panel: socialCarePanels.carers,
    fields: {
      name: required(nameOf(r.name?.find((n) => n.use === 'official' || n.use === 'usual') ?? r.name?.[0]), 'RelatedPerson.name'),
      relationship: coded >= 0 ? optionalCodingOf(relationships[coded], `RelatedPerson.relationship[${coded}]`) : null,
      carerRole: textOf(relationships.filter((c) => !c.coding?.length).map((c) => c.text).filter(Boolean).join(', '), 200),
      phone: textOf(r.telecom?.find((t) => t.system === 'phone' && t.value)?.value, 50),
      active: r.active ?? true,
    },
  };
}

function flagMapping(r: fhir4.Flag) {
  return {
    panel: socialCarePanels.safeguardingAlerts,
    fields: {
      description: required(conceptText(r.code), 'Flag.code'),
      category: conceptText(r.category?.[0]),
      status: oneOf(r.status, ['active', 'inactive', 'entered-in-error'] as const, 'Flag.status'),
      raised: dateOf(r.period?.start, 'Flag.period.start'),
      ended: optionalDateOf(r.period?.end, 'Flag.period.end'),
      raisedBy: personNamed(r.author),
    },
  };
}

export const socialCareFeed: SliceFeed = {
  sealedPanels: [socialCarePanels.safeguardingAlerts],
  resources: {
    EpisodeOfCare: episodeOfCareMapping,
    ServiceRequest: serviceRequestMapping,
    CarePlan: carePlanMapping,
    Procedure: procedureMapping,
    RelatedPerson: relatedPersonMapping,
    Flag: flagMapping,
  },
};
