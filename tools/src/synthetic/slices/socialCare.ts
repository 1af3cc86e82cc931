/// <reference types="fhir" />
/**
 * The council's social care slice: the case (EpisodeOfCare, allocated social worker as care
 * manager), the assessment (Procedure: Care Act or child and family assessment), care packages
 * (ServiceRequest, hours per week in quantityQuantity), carers (RelatedPerson), a safeguarding
 * alert (Flag coded as safeguarding) and a general alert (Flag in the council's own codes, e.g. a
 * key safe); flags marked restricted: meta.security R.
 */

import { isoDate, isoDateTime } from '../clock';
import { coding, SliceFactory } from '../fhir';
import { COUNCIL_ALERT_SYSTEM, flagConcepts, SYSTEMS, relationships } from '../terminology';
import type { PatientPlan } from '../plan';

export function buildSocialCareSlice(plan: PatientPlan): fhir4.FhirResource[] {
  const sc = plan.socialCare;
  if (!sc) return [];
  const f = new SliceFactory(sc.odsCode, plan.index, plan.nhsNumber);
  const out: fhir4.FhirResource[] = [];
  const ep = sc.episode;

  const episodeId = f.nextId('socialCareEpisode');
  out.push({
    resourceType: 'EpisodeOfCare',
    id: episodeId,
    meta: f.meta(episodeId, ep.end ?? ep.start),
    status: ep.status,
    type: [{ text: ep.kind === 'adult' ? 'Adult social care' : 'Children’s social care' }],
    patient: f.patient,
    managingOrganization: f.organisation,
    period: ep.end ? { start: isoDate(ep.start), end: isoDate(ep.end) } : { start: isoDate(ep.start) },
    careManager: { display: `${ep.worker}, Social Worker` },
    team: [{ display: ep.team }],
  });

  if (sc.assessment) {
    const a = sc.assessment;
    const id = f.nextId('assessment');
    out.push({
      resourceType: 'Procedure',
      id,
      meta: f.meta(id, a.date),
      status: 'completed',
      category: { text: 'Social care assessment' },
      code: { text: a.kind === 'care-act' ? 'Care Act assessment' : 'Child and family assessment' },
      subject: f.patient,
      performedDateTime: isoDate(a.date),
      performer: [{ actor: { display: `${a.assessor}, Social Worker` }, onBehalfOf: f.organisation }],
      outcome: { text: a.outcome },
      note: [{ text: a.outcome }],
    });
  }

  for (const p of sc.packages) {
    const id = f.nextId('carePackage');
    out.push({
      resourceType: 'ServiceRequest',
      id,
      meta: f.meta(id, p.end ?? p.start),
      status: p.end ? 'completed' : 'active',
      intent: 'order',
      category: [{ text: 'Care package' }],
      code: { text: p.description },
      subject: f.patient,
      ...(p.hoursPerWeek > 0 ? { quantityQuantity: { value: p.hoursPerWeek, unit: 'hours per week', system: SYSTEMS.ucum, code: 'h/wk' } } : {}),
      occurrencePeriod: p.end ? { start: isoDate(p.start), end: isoDate(p.end) } : { start: isoDate(p.start) },
      authoredOn: isoDate(p.start),
      requester: f.organisation,
      supportingInfo: [{ reference: `EpisodeOfCare/${episodeId}` }],
      note: [{ text: p.hoursPerWeek > 0 ? `${p.description} (${p.hoursPerWeek} hours per week)` : p.description }],
    });
  }

  for (const c of sc.carers) {
    const id = f.nextId('carer');
    const rel = relationships[c.relationship];
    out.push({
      resourceType: 'RelatedPerson',
      id,
      meta: f.meta(id, ep.start),
      active: ep.status === 'active',
      patient: f.patient,
      relationship: [
        { coding: [{ system: SYSTEMS.roleCode, code: rel.code, display: rel.display }] },
        { text: c.main ? 'Main carer' : 'Carer' },
      ],
      name: [{ use: 'official', family: c.family, given: [c.given] }],
      telecom: [{ system: 'phone', value: c.phone, use: 'mobile' }],
    });
  }

  if (sc.safeguarding) {
    const s = sc.safeguarding;
    const id = f.nextId('safeguardingFlag');
    out.push({
      resourceType: 'Flag',
      id,
      meta: f.meta(id, s.raised, true),
      status: ep.status === 'active' ? 'active' : 'inactive',
      // Safeguarding by its codes (SNOMED CT; CP-IS for a child protection plan), which is what the record reads.
      category: ep.kind === 'children'
        ? [{ coding: [{ system: SYSTEMS.patientFlagCategory, code: 'CP-IS', display: 'Child Protection - Information Sharing Flag' }] }]
        : [{ coding: [{ system: SYSTEMS.flagCategory, code: 'safety', display: 'Safety' }], text: 'Safeguarding' }],
      code: { coding: [coding(SYSTEMS.snomed, ep.kind === 'children' ? flagConcepts.childProtection : flagConcepts.adultSafeguardingReferral)], text: s.text },
      subject: f.patient,
      period: ep.end ? { start: isoDateTime(s.raised), end: isoDateTime(Math.max(s.raised, ep.end)) } : { start: isoDateTime(s.raised) },
      author: f.organisation,
    });
  }
  if (sc.alert) {
    const a = sc.alert;
    const id = f.nextId('alertFlag');
    out.push({
      resourceType: 'Flag',
      id,
      meta: f.meta(id, a.raised, true),
      status: ep.status === 'active' ? 'active' : 'inactive',
      category: [{ coding: [{ system: SYSTEMS.flagCategory, code: 'admin', display: 'Administrative' }] }],
      code: { coding: [{ system: COUNCIL_ALERT_SYSTEM, code: 'KEYSAFE', display: 'Key safe' }], text: a.text },
      subject: f.patient,
      period: ep.end ? { start: isoDateTime(a.raised), end: isoDateTime(Math.max(a.raised, ep.end)) } : { start: isoDateTime(a.raised) },
      author: f.organisation,
    });
  }
  return out;
}
