/**
 * The demo patients: fixed plans with a known story, occupying patient indexes 0..4 so a dataset of
 * any size contains them. They go through the same slice builders as random patients; their
 * content does not depend on the seed.
 */

import { HOUR, MINUTE, utc } from './clock';
import { syntheticNhsNumber } from './nhsNumbers';
import { contributingOrganisation, councilForTown, services } from './places';
import { bodySites, carePlanConcepts, conditions, devices, medicines, procedures, reasons, refusedTreatments, routes, specialties } from './terminology';
import type { PatientPlan } from './plan';

export interface DemoStory {
  index: number;
  name: string;
  story: string;
}

export const demoStories: readonly DemoStory[] = [
  {
    index: 0,
    name: 'Margaret Ashworth',
    story:
      'Margaret Ashworth (82) lives in Bury with home care from Bury Council and district nurse visits for a leg ulcer; she takes warfarin for atrial fibrillation, has amlodipine on repeat prescription for her hypertension (her practice nurse’s blood pressure and weight readings over the last year are on the record; she has never smoked; the practice has referred her to the falls prevention service, keeps an alert that she lives alone and records her mother’s osteoporosis; she had her flu vaccine this autumn and the pneumococcal vaccine at 65, wears a hearing aid, and has an advance decision refusing cardiopulmonary resuscitation, made with her GP in 2024; her warfarin is managed at the practice’s anticoagulation clinic, which reported her INR of 2.4 in October and supplied her tablets; the practice records her daughter Susan as her next of kin) and is allergic to penicillin (anaphylaxis), which A&E recorded again under the same code; an aspirin allergy put on her record in error has been corrected by the practice. She is currently an inpatient at Fairfield General Hospital, admitted through A&E after a fall: the hospital diagnosed a fractured neck of femur (left hip) and replaced her hip the next day.',
  },
  {
    index: 1,
    name: 'Daniel Kowalski',
    story:
      'Daniel Kowalski (35) has depression treated with sertraline and is under the Rochdale Community Mental Health Team on the Care Programme Approach, with a care coordinator, a crisis plan and a restricted risk summary; his practice has kept a restricted alert that he is at risk of suicide since his crisis in September 2026 (an earlier one, raised after he self-harmed in March 2024, ended when the trust took on his care in November 2024); the trust records his depressive disorder as its diagnosis and his PHQ-9 scores falling from 21 to 12. During a crisis in September 2026 the trust’s home treatment team supervised his sertraline at home (doses recorded on 7 and 8 Sep 2026); his Care Programme Approach review was on 12 Oct 2026 and his next psychiatry outpatient appointment is booked for 2 Nov 2026. He smokes. He has no hospital record.',
  },
  {
    index: 2,
    name: 'Leah Brennan',
    story:
      'Leah Brennan (9) from Heywood has asthma treated with a salbutamol inhaler. Rochdale Borough Council has an open children’s social care case with a child protection plan; the safeguarding alert is restricted.',
  },
  {
    index: 3,
    name: 'Peter Holroyd',
    story:
      'Peter Holroyd (68) from Bury has type 2 diabetes treated with metformin, with a diabetes self-management care plan from his practice and this autumn’s flu vaccine; he attended A&E at Fairfield General Hospital with chest pain in June 2025 and went home the same day. His practice records his blood pressure, weight and that he is an ex-smoker. Tests use him to record an opt-out.',
  },
  {
    index: 4,
    name: 'Aisha Begum',
    story:
      'Aisha Begum (39) from Oldham has asthma and an outpatient appointment booked at the Royal Oldham Hospital respiratory clinic on 18 November 2026. Her practice has recorded that she has no known allergies and, as her asthma has needed no treatment for years, that she takes no current medications (two statements, not items: the second an empty medications list, nil known), and that she has never smoked. No other organisation holds data about her.',
  },
];

const base = (index: number, practice: string, town: PatientPlan['town']) => {
  contributingOrganisation(practice, 'gp-practice');
  return { index, nhsNumber: syntheticNhsNumber(index), practiceOdsCode: practice, councilOdsCode: councilForTown(town).odsCode, town };
};

function margaret(): PatientPlan {
  const svc = services();
  const fallAt = utc(2026, 10, 29, 19, 40);
  const admittedAt = utc(2026, 10, 29, 23, 55);
  return {
    ...base(0, 'P83005', 'Bury'),
    given: 'Margaret',
    middle: 'Joan',
    family: 'Ashworth',
    prefix: 'Mrs',
    gender: 'female',
    birthDate: '1944-03-12',
    registeredSince: utc(1998, 4, 1),
    addressLine: '14 Walmersley Road',
    postcode: 'BL9 6PJ',
    landline: '0161 496 0417',
    gp: {
      conditions: [
        { concept: conditions.hypertension, onset: utc(2009, 5, 14) },
        { concept: conditions.atrialFibrillation, onset: utc(2019, 2, 2) },
      ],
      medications: [
        // A repeat prescription: authorised at her medication review, six issues, one issued so far.
        { medicine: medicines.amlodipine5, start: utc(2009, 6, 1), reason: conditions.hypertension, repeat: { authorised: utc(2026, 9, 15, 10, 20), prescriber: 'Dr S Greenhalgh', repeatsAllowed: 6, issued: 1, expires: utc(2027, 3, 15) } },
        { medicine: medicines.atorvastatin20, start: utc(2012, 9, 10) },
        { medicine: medicines.warfarin1, start: utc(2019, 2, 20), reason: conditions.atrialFibrillation },
      ],
      allergies: [
        { key: 'penicillin', recorded: utc(2001, 3, 5, 10, 20), reaction: 'anaphylaxis', criticality: 'high' },
        // Recorded on her record in error (meant for another patient), then corrected by the practice.
        { key: 'aspirin', recorded: utc(2026, 9, 20, 11, 0), reaction: 'urticaria', criticality: 'low', enteredInError: utc(2026, 9, 23, 9, 30) },
      ],
      immunisations: [
        { key: 'pneumococcal', date: utc(2009, 6, 10, 10, 15) },
        { key: 'influenza', date: utc(2026, 10, 8, 9, 40) },
      ],
      consultations: [{ mode: 'telephone', start: utc(2026, 9, 15, 10, 10), minutes: 9, reason: reasons.medicationReview, clinician: 'Dr S Greenhalgh' }],
      // Her hypertension reviews with the practice nurse: blood pressure and a weight slowly falling.
      observations: [
        { kind: 'smokingStatus', time: utc(2025, 11, 10, 10, 30), status: 'never' },
        { kind: 'bloodPressure', time: utc(2025, 11, 10, 10, 35), systolic: 148, diastolic: 84 },
        { kind: 'bodyWeight', time: utc(2025, 11, 10, 10, 40), kg: 61.2 },
        { kind: 'bloodPressure', time: utc(2026, 3, 16, 9, 50), systolic: 142, diastolic: 80 },
        { kind: 'bodyWeight', time: utc(2026, 3, 16, 9, 55), kg: 60.4 },
        { kind: 'bloodPressure', time: utc(2026, 9, 8, 11, 15), systolic: 138, diastolic: 78 },
        { kind: 'bodyWeight', time: utc(2026, 9, 8, 11, 20), kg: 58.9 },
      ],
      // After her fall at home last year: the falls prevention service, and what the practice keeps in view.
      referrals: [{ authored: utc(2026, 3, 16, 10, 5), service: 'Bury Falls Prevention Service', reason: reasons.fall, requester: 'Dr S Greenhalgh' }],
      alerts: [{ concept: reasons.livesAlone, start: utc(2024, 2, 1) }],
      familyHistory: [{ relationship: 'MTH', condition: reasons.osteoporosis, onsetAge: 70, recorded: utc(2015, 4, 22) }],
      devices: [{ device: devices.hearingAid, start: utc(2021, 5, 17, 14, 0), note: 'Behind-the-ear hearing aids, both ears, fitted by audiology. Speak clearly; check they are in and switched on.' }],
      advanceDecisions: [{ made: utc(2024, 7, 4, 11, 30), title: 'Advance decision to refuse treatment (cardiopulmonary resuscitation)', refuses: [refusedTreatments.cardiopulmonaryResuscitation] }],
      // Her daughter is her next of kin at the practice too (the council knows her as her main carer).
      nextOfKin: [{ relationship: 'daughter', given: 'Susan', family: 'Kenyon', phone: '07700 900214' }],
      // Her warfarin is managed at the practice's anticoagulation clinic: the INR it tested and reported, and the tablets it supplied.
      reports: [{ test: 'inr', time: utc(2026, 10, 13, 9, 20), value: 2.4, target: { low: 2, high: 3, text: 'Target range on warfarin' }, conclusion: 'INR 2.4, within her target range: warfarin dose unchanged, next INR in four weeks.' }],
      dispenses: [{ medicine: medicines.warfarin1, handedOver: utc(2026, 10, 13, 9, 40), tablets: 112 }],
    },
    acute: {
      odsCode: svc.acute.odsCode,
      attendances: [{ start: fallAt, end: admittedAt, reasons: [reasons.fall, reasons.fracturedNeckOfFemur], site: 'Fairfield General Hospital', admission: 0, clinician: 'Dr R Okafor' }],
      admissions: [{ start: admittedAt, reasons: [reasons.fracturedNeckOfFemur], site: 'Fairfield General Hospital', ward: 'Trauma Ward T2', consultant: 'Mr J Hargreaves', viaEmergencyDepartment: true }],
      outpatients: [],
      labs: [
        { panel: 'fbc', time: fallAt + HOUR, admission: 0, results: [{ test: 'haemoglobin', value: 112 }, { test: 'whiteCells', value: 11.8 }, { test: 'platelets', value: 238 }] },
        { panel: 'ue', time: fallAt + HOUR, admission: 0, results: [{ test: 'sodium', value: 136 }, { test: 'potassium', value: 4.4 }, { test: 'creatinine', value: 98 }, { test: 'egfr', value: 46 }] },
        { panel: 'inr', time: fallAt + HOUR, admission: 0, results: [{ test: 'inr', value: 2.6 }] },
      ],
      diagnoses: [{ concept: reasons.fracturedNeckOfFemur, onset: fallAt, recorded: admittedAt + 40 * MINUTE, admission: 0, bodySite: { concept: bodySites.hip, text: 'Left hip' } }],
      // Asked in A&E: the same allergy, by the same SNOMED CT code, as her GP holds.
      allergies: [{ key: 'penicillin', recorded: fallAt + 35 * MINUTE, reaction: 'anaphylaxis', criticality: 'high', recorder: 'Dr R Okafor', attendance: 0 }],
      procedures: [{ concept: procedures.totalHipReplacement, admission: 0, performed: utc(2026, 10, 30, 14, 10), surgeon: 'Mr J Hargreaves', reason: 0, bodySite: { concept: bodySites.hip, text: 'Left hip' } }],
    },
    community: {
      odsCode: svc.community.odsCode,
      episodes: [{ service: 'District nursing', focus: 'Leg ulcer care', status: 'active', start: utc(2026, 6, 2), lead: 'Karen Lees', team: 'Bury district nursing team' }],
      visits: [utc(2026, 9, 22, 10), utc(2026, 10, 6, 10), utc(2026, 10, 20, 10), utc(2026, 10, 27, 10)].map((start) => ({ episode: 0, start, minutes: 30, reason: 'Leg ulcer dressing', clinician: 'Karen Lees' })),
      carePlans: [
        {
          episode: 0,
          created: utc(2026, 6, 2, 10, 30),
          title: 'Leg ulcer care',
          description: 'Venous leg ulcer, left lower leg. Aim: heal the ulcer and prevent recurrence. Anticoagulated: take care with dressings.',
          activities: ['Clean and dress ulcer with compression bandaging twice weekly', 'Measure and photograph the wound every four weeks', 'Doppler assessment before changing compression'],
        },
      ],
    },
    socialCare: {
      odsCode: councilForTown('Bury').odsCode,
      episode: { status: 'active', start: utc(2025, 1, 13), worker: 'Helen Crossley', team: 'Bury Adult Social Care', kind: 'adult' },
      assessment: { date: utc(2025, 2, 3), kind: 'care-act', outcome: 'Eligible needs under the Care Act 2014: personal care, preparing meals, managing medicines.', assessor: 'Helen Crossley' },
      packages: [{ description: 'Home care, 2 calls a day', hoursPerWeek: 7, start: utc(2025, 2, 17) }],
      carers: [{ relationship: 'daughter', given: 'Susan', family: 'Kenyon', phone: '07700 900214', main: true }],
      alert: { raised: utc(2025, 2, 17, 10), text: 'Key safe by the front door: the code is held by the home care agency.' },
    },
  };
}

function daniel(): PatientPlan {
  const svc = services();
  const coordinator = 'Joanne Whitehead';
  const team = 'Rochdale Community Mental Health Team';
  const homeTreatment = 'Rochdale Crisis Resolution and Home Treatment Team';
  return {
    ...base(1, 'P86003', 'Rochdale'),
    given: 'Daniel',
    family: 'Kowalski',
    prefix: 'Mr',
    gender: 'male',
    birthDate: '1991-07-23',
    registeredSince: utc(2014, 9, 8),
    addressLine: '22 Bamford Road',
    postcode: 'OL11 4AJ',
    mobile: '07700 900582',
    gp: {
      conditions: [{ concept: conditions.depression, onset: utc(2022, 3, 10) }],
      medications: [{ medicine: medicines.sertraline50, start: utc(2022, 3, 24), reason: conditions.depression }],
      allergies: [],
      immunisations: [],
      consultations: [{ mode: 'face-to-face', start: utc(2026, 8, 4, 9, 20), minutes: 15, reason: conditions.depression, clinician: 'Dr N Iqbal' }],
      observations: [{ kind: 'smokingStatus', time: utc(2026, 8, 4, 9, 30), status: 'current' }],
      // Risk alerts (restricted, mentalHealthRisk): one in force since his crisis, one ended, so the summary shows the first and the combined view both.
      riskAlerts: [
        { concept: 'suicide', text: 'At risk of suicide: crisis in September 2026, see the trust’s crisis plan', start: utc(2026, 9, 7, 16) },
        { concept: 'suicide', text: 'At risk of suicide after self-harm in March 2024', start: utc(2024, 3, 11, 10), end: utc(2024, 11, 18, 12) },
      ],
    },
    mentalHealth: {
      odsCode: svc.mentalHealth.odsCode,
      episode: { status: 'active', start: utc(2024, 11, 18), cpa: true, coordinator, team },
      crisisPlan: {
        created: utc(2024, 12, 9, 14),
        triggers: 'The anniversary of his father’s death in March, money worries, disrupted sleep.',
        warningSigns: 'Withdrawing from friends, not answering the phone, staying in bed.',
        whatHelps: 'Walking his dog, talking to his brother Marek, an early call from his care coordinator.',
        contacts: `Care coordinator ${coordinator}, ${team}, Monday to Friday 9am to 5pm on 0161 496 0733; out of hours the trust's 24/7 mental health crisis line; in an emergency call 999.`,
      },
      risk: {
        date: utc(2026, 10, 12, 11),
        level: 'moderate',
        outcome: 'Self-harm',
        summary: 'History of self-harm when distressed, last episode in 2024. No current plans. Protective factors: close to his brother, engaged with care coordinator.',
        mitigation: 'Weekly contact with care coordinator; crisis plan shared with GP and family.',
        assessor: coordinator,
      },
      diagnoses: [{ concept: conditions.depression, onset: utc(2022, 3, 10), recorded: utc(2024, 11, 18, 11) }],
      // PHQ-9 at assessment and at reviews: severe (20+), then moderately severe, then moderate.
      scores: [
        { questionnaire: 'phq9', time: utc(2024, 11, 18, 11), score: 21, assessor: coordinator },
        { questionnaire: 'phq9', time: utc(2025, 6, 2, 14, 30), score: 16, assessor: coordinator },
        { questionnaire: 'phq9', time: utc(2026, 10, 12, 11, 20), score: 12, assessor: coordinator },
      ],
      // His crisis in September: the home treatment team watched him take his sertraline (issue #18: medicines given, appointments).
      administrations: [
        { medicine: medicines.sertraline50, time: utc(2026, 9, 7, 9, 30), dose: 'One 50 mg tablet by mouth, taken with the home treatment nurse', doseMg: 50, route: routes.oral, nurse: `Home treatment nurse, ${homeTreatment}` },
        { medicine: medicines.sertraline50, time: utc(2026, 9, 8, 9, 30), dose: 'One 50 mg tablet by mouth, taken with the home treatment nurse', doseMg: 50, route: routes.oral, nurse: `Home treatment nurse, ${homeTreatment}` },
      ],
      appointments: [
        { service: 'Care Programme Approach review', start: utc(2026, 10, 12, 11, 0), booked: utc(2026, 9, 14, 10, 0), clinician: coordinator, status: 'fulfilled' },
        { service: 'Psychiatry outpatient clinic', start: utc(2026, 11, 2, 10, 30), booked: utc(2026, 10, 12, 11, 45), clinician: `Consultant psychiatrist, ${team}`, status: 'booked' },
      ],
    },
  };
}

function leah(): PatientPlan {
  return {
    ...base(2, 'P86010', 'Heywood'),
    given: 'Leah',
    family: 'Brennan',
    gender: 'female',
    birthDate: '2017-05-14',
    registeredSince: utc(2017, 5, 30),
    addressLine: '9 Green Lane',
    postcode: 'OL10 2LT',
    parent: { given: 'Kerry', family: 'Brennan', relationship: 'mother', phone: '07700 900367' },
    gp: {
      conditions: [{ concept: conditions.asthma, onset: utc(2020, 9, 1) }],
      medications: [{ medicine: medicines.salbutamolInhaler, start: utc(2020, 9, 1) }],
      allergies: [],
      immunisations: [
        { key: 'mmr', date: utc(2018, 6, 20, 10, 30) },
        { key: 'mmr', date: utc(2020, 9, 25, 11) },
      ],
      consultations: [],
      observations: [],
    },
    socialCare: {
      odsCode: councilForTown('Heywood').odsCode,
      episode: { status: 'active', start: utc(2026, 2, 9), worker: 'Amina Hussain', team: 'Rochdale Children’s Social Care', kind: 'children' },
      assessment: { date: utc(2026, 3, 2), kind: 'child-and-family', outcome: 'Child protection plan agreed at the initial child protection conference; core group meets monthly.', assessor: 'Amina Hussain' },
      packages: [],
      carers: [{ relationship: 'grandmother', given: 'Patricia', family: 'Brennan', phone: '07700 900488', main: true }],
      safeguarding: {
        raised: utc(2026, 3, 2, 15),
        text: 'Child protection plan in place. Discuss with the allocated social worker before sharing information with family members.',
      },
    },
  };
}

function peter(): PatientPlan {
  const svc = services();
  return {
    ...base(3, 'P83005', 'Bury'),
    given: 'Peter',
    family: 'Holroyd',
    prefix: 'Mr',
    gender: 'male',
    birthDate: '1958-09-02',
    registeredSince: utc(1985, 1, 21),
    addressLine: '63 Bolton Road',
    postcode: 'BL9 5RT',
    mobile: '07700 900691',
    gp: {
      conditions: [{ concept: conditions.type2Diabetes, onset: utc(2016, 11, 20) }],
      medications: [{ medicine: medicines.metformin500, start: utc(2016, 12, 5), reason: conditions.type2Diabetes }],
      allergies: [],
      immunisations: [{ key: 'influenza', date: utc(2026, 10, 15, 16, 20) }],
      consultations: [{ mode: 'face-to-face', start: utc(2026, 5, 12, 15, 40), minutes: 12, reason: conditions.type2Diabetes, clinician: 'Dr S Greenhalgh' }],
      carePlans: [
        {
          created: utc(2026, 5, 12, 16, 0),
          title: 'Diabetes self-management plan',
          category: carePlanConcepts.diabetesSelfManagement,
          description: 'Type 2 diabetes on metformin. Aims agreed at his annual review: HbA1c below 53 mmol/mol, blood pressure below 140/80, weight down by 5 kg over the year.',
          addresses: conditions.type2Diabetes,
          activities: ['Annual diabetes review with HbA1c, kidney function and urine albumin', 'Foot check at every annual review', 'Diabetic eye screening every year', 'Structured education course (DESMOND)'],
        },
      ],
      observations: [
        { kind: 'smokingStatus', time: utc(2026, 5, 12, 15, 45), status: 'ex' },
        { kind: 'bloodPressure', time: utc(2026, 5, 12, 15, 45), systolic: 136, diastolic: 82 },
        { kind: 'bodyWeight', time: utc(2026, 5, 12, 15, 50), kg: 92.4 },
      ],
    },
    acute: {
      odsCode: svc.acute.odsCode,
      attendances: [{ start: utc(2025, 6, 14, 14, 20), end: utc(2025, 6, 14, 18, 5), reasons: [reasons.chestPain], site: 'Fairfield General Hospital', clinician: 'Dr P Mensah' }],
      admissions: [],
      outpatients: [],
      labs: [],
      diagnoses: [],
      allergies: [],
      procedures: [],
    },
  };
}

function aisha(): PatientPlan {
  const svc = services();
  return {
    ...base(4, 'P85004', 'Oldham'),
    given: 'Aisha',
    family: 'Begum',
    prefix: 'Ms',
    gender: 'female',
    birthDate: '1987-02-11',
    registeredSince: utc(2009, 7, 1),
    addressLine: '41 Ashton Road',
    postcode: 'OL8 1HS',
    mobile: '07700 900845',
    gp: {
      conditions: [{ concept: conditions.asthma, onset: utc(2003, 4, 15) }],
      medications: [],
      allergies: [],
      // Asked at her asthma review: a statement, never an allergy.
      noKnownAllergies: { scope: 'all', recorded: utc(2025, 10, 7, 9, 40) },
      // Her medication list at the same review, empty because nothing is known: a statement, never a medicine.
      nilKnownLists: [{ heading: 'medications', recorded: utc(2025, 10, 7, 9, 42) }],
      immunisations: [],
      consultations: [],
      observations: [{ kind: 'smokingStatus', time: utc(2025, 10, 7, 9, 45), status: 'never' }],
    },
    acute: {
      odsCode: svc.acute.odsCode,
      attendances: [],
      admissions: [],
      outpatients: [
        { start: utc(2026, 11, 18, 10, 30), booked: utc(2026, 10, 6, 9, 15), status: 'booked', specialty: specialties.respiratory, clinic: 'Respiratory clinic', site: 'Royal Oldham Hospital' },
      ],
      labs: [],
      diagnoses: [],
      allergies: [],
      procedures: [],
    },
  };
}

const builders: readonly (() => PatientPlan)[] = [margaret, daniel, leah, peter, aisha];

/** The fixed plan for a demo index, or undefined for any other index. */
export function demoPlan(index: number): PatientPlan | undefined {
  const build = builders[index];
  return build ? build() : undefined;
}
