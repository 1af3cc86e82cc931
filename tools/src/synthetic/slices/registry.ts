/// <reference types="fhir" />
/**
 * The Patient resource (demographics), sent by the patient's GP practice to the registry.
 */

import { DAY, REFERENCE_INSTANT } from '../clock';
import { organisationReference, SliceFactory } from '../fhir';
import { hashString } from '../prng';
import { towns } from '../places';
import { SYSTEMS, relationships } from '../terminology';
import type { PatientPlan } from '../plan';

export function buildPatient(plan: PatientPlan): fhir4.Patient {
  const f = new SliceFactory(plan.practiceOdsCode, plan.index, plan.nhsNumber);
  const id = f.nextId('patient');
  const given = plan.middle ? [plan.given, plan.middle] : [plan.given];
  const telecom: fhir4.ContactPoint[] = [];
  if (plan.mobile) telecom.push({ system: 'phone', value: plan.mobile, use: 'mobile' });
  if (plan.landline) telecom.push({ system: 'phone', value: plan.landline, use: 'home' });

  const patient: fhir4.Patient = {
    resourceType: 'Patient',
    id,
    // Demographics change now and then (address, phone): last updated within the last two years.
    meta: f.meta(id, Math.max(plan.registeredSince, REFERENCE_INSTANT - (hashString(id) % 700) * DAY)),
    identifier: [
      {
        extension: [
          {
            url: SYSTEMS.nhsNumberVerificationExtension,
            valueCodeableConcept: { coding: [{ system: SYSTEMS.nhsNumberVerification, code: '01', display: 'Number present and verified' }] },
          },
        ],
        system: SYSTEMS.nhsNumber,
        value: plan.nhsNumber,
      },
    ],
    active: true,
    name: [{ use: 'official', family: plan.family, given, ...(plan.prefix ? { prefix: [plan.prefix] } : {}) }],
    ...(telecom.length ? { telecom } : {}),
    gender: plan.gender,
    birthDate: plan.birthDate,
    address: [
      {
        use: 'home',
        type: 'both',
        line: [plan.addressLine],
        city: plan.town,
        district: `${towns[plan.town].borough} (Greater Manchester)`,
        postalCode: plan.postcode,
        country: 'GB',
      },
    ],
    generalPractitioner: [organisationReference(plan.practiceOdsCode)],
  };

  // An adult's main carer is the next of kin the practice holds (Patient.contact, v2-0131 N).
  const mainCarer = plan.parent ? undefined : plan.socialCare?.carers.find((c) => c.main);
  if (mainCarer) {
    const rel = relationships[mainCarer.relationship];
    patient.contact = [
      {
        relationship: [
          { coding: [{ system: SYSTEMS.contactRelationship, code: 'N', display: 'Next-of-Kin' }] },
          { coding: [{ system: SYSTEMS.roleCode, code: rel.code, display: rel.display }] },
        ],
        name: { use: 'official', family: mainCarer.family, given: [mainCarer.given] },
        telecom: [{ system: 'phone', value: mainCarer.phone, use: 'mobile' }],
      },
    ];
  }
  if (plan.parent) {
    const rel = relationships[plan.parent.relationship];
    patient.contact = [
      {
        relationship: [
          { coding: [{ system: SYSTEMS.contactRelationship, code: 'N', display: 'Next-of-Kin' }] },
          { coding: [{ system: SYSTEMS.roleCode, code: rel.code, display: rel.display }] },
        ],
        name: { use: 'official', family: plan.parent.family, given: [plan.parent.given] },
        telecom: [{ system: 'phone', value: plan.parent.phone, use: 'mobile' }],
      },
    ];
  }
  return patient;
}
