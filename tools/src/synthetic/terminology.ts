/**
 * The closed catalogue of codes the generator may emit: SNOMED CT, dm+d, LOINC and HL7 code systems.
 * Nothing outside this file is coded, which is how the generator keeps out everything national
 * summaries withhold (IVF, sexually transmitted infection, termination of pregnancy, gender
 * reassignment): no such concept is listed here, so none can be generated.
 */

export const SYSTEMS = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  ods: 'https://fhir.nhs.uk/Id/ods-organization-code',
  snomed: 'http://snomed.info/sct',
  dmd: 'https://dmd.nhs.uk',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  interpretation: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  diagnosticServiceSection: 'http://terminology.hl7.org/CodeSystem/v2-0074',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  dischargeDisposition: 'http://terminology.hl7.org/CodeSystem/discharge-disposition',
  admitSource: 'http://terminology.hl7.org/CodeSystem/admit-source',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
  riskProbability: 'http://terminology.hl7.org/CodeSystem/risk-probability',
  patientFlagCategory: 'https://fhir.nhs.uk/England/CodeSystem/PatientFlagCategory',
  medicationStatementCategory: 'http://terminology.hl7.org/CodeSystem/medication-statement-category',
  medicationRequestCategory: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category',
  courseOfTherapy: 'http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy',
  contactRelationship: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  nhsNumberVerificationExtension: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus',
  nhsNumberVerification: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland',
  listEmptyReason: 'http://terminology.hl7.org/CodeSystem/list-empty-reason',
  listOrder: 'http://terminology.hl7.org/CodeSystem/list-order',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes',
} as const;

export interface Concept {
  code: string;
  display: string;
}

const concepts = <K extends string>(map: Record<K, Concept>): Record<K, Concept> => map;

/** Problems recorded in primary care (SNOMED CT clinical findings / disorders). */
export const conditions = concepts({
  hypertension: { code: '38341003', display: 'Hypertension' },
  type2Diabetes: { code: '44054006', display: 'Type 2 diabetes mellitus' },
  asthma: { code: '195967001', display: 'Asthma' },
  copd: { code: '13645005', display: 'Chronic obstructive lung disease' },
  atrialFibrillation: { code: '49436004', display: 'Atrial fibrillation' },
  depression: { code: '35489007', display: 'Depressive disorder' },
  anxiety: { code: '197480006', display: 'Anxiety disorder' },
  hypothyroidism: { code: '40930008', display: 'Hypothyroidism' },
  gord: { code: '235595009', display: 'Gastro-oesophageal reflux disease' },
  osteoarthritis: { code: '396275006', display: 'Osteoarthritis' },
  ckd3: { code: '433144002', display: 'Chronic kidney disease stage 3' },
  hypercholesterolaemia: { code: '13644009', display: 'Hypercholesterolaemia' },
  heartFailure: { code: '84114007', display: 'Heart failure' },
  ischaemicHeartDisease: { code: '414545008', display: 'Ischaemic heart disease' },
  dementia: { code: '52448006', display: 'Dementia' },
  osteoporosis: { code: '64859006', display: 'Osteoporosis' },
  lowerRespiratoryInfection: { code: '50417007', display: 'Lower respiratory tract infection' },
  urinaryTractInfection: { code: '68566005', display: 'Urinary tract infectious disease' },
  ankleSprain: { code: '44465007', display: 'Sprain of ankle' },
});
export type ConditionKey = keyof typeof conditions;

/** Reasons for GP consultations, A&E attendances and admissions. */
export const reasons = concepts({
  fracturedNeckOfFemur: { code: '5913000', display: 'Fracture of neck of femur' },
  pneumonia: { code: '233604007', display: 'Pneumonia' },
  chestPain: { code: '29857009', display: 'Chest pain' },
  acuteCoronarySyndrome: { code: '394659003', display: 'Acute coronary syndrome' },
  fall: { code: '1912002', display: 'Fall' },
  referralToService: { code: '306206005', display: 'Referral to service' },
  livesAlone: { code: '105529008', display: 'Lives alone' },
  osteoporosis: { code: '64859006', display: 'Osteoporosis' },
  copdExacerbation: { code: '195951007', display: 'Acute exacerbation of chronic obstructive airways disease' },
  urinaryTractInfection: { code: '68566005', display: 'Urinary tract infectious disease' },
  cellulitis: { code: '128045006', display: 'Cellulitis' },
  ankleSprain: { code: '44465007', display: 'Sprain of ankle' },
  headInjury: { code: '82271004', display: 'Injury of head' },
  abdominalPain: { code: '21522001', display: 'Abdominal pain' },
  asthmaAttack: { code: '266364000', display: 'Asthma attack' },
  syncope: { code: '271594007', display: 'Syncope' },
  acuteKidneyInjury: { code: '14669001', display: 'Acute renal failure syndrome' },
  stroke: { code: '230690007', display: 'Cerebrovascular accident' },
  breathlessness: { code: '267036007', display: 'Dyspnoea' },
  lowBackPain: { code: '279039007', display: 'Low back pain' },
  cough: { code: '49727002', display: 'Cough' },
  soreThroat: { code: '162397003', display: 'Pain in throat' },
  headache: { code: '25064002', display: 'Headache' },
  fatigue: { code: '84229001', display: 'Fatigue' },
  medicationReview: { code: '182836005', display: 'Review of medication' },
});
export type ReasonKey = keyof typeof reasons;

export interface Medicine extends Concept {
  /** The usual dosage instruction, as a GP system prints it. */
  dosage: string;
}

/** dm+d virtual medicinal products (VMPs), system https://dmd.nhs.uk. */
export const medicines = {
  amlodipine5: { code: '319283006', display: 'Amlodipine 5mg tablets', dosage: 'One tablet once a day' },
  atorvastatin20: { code: '39733011000001106', display: 'Atorvastatin 20mg tablets', dosage: 'One tablet once a day at night' },
  metformin500: { code: '325278007', display: 'Metformin 500mg tablets', dosage: 'One tablet twice a day with meals' },
  ramipril5: { code: '42381611000001104', display: 'Ramipril 5mg capsules', dosage: 'One capsule once a day' },
  ramipril2_5: { code: '42381411000001102', display: 'Ramipril 2.5mg capsules', dosage: 'One capsule once a day' },
  warfarin1: { code: '42217511000001103', display: 'Warfarin 1mg tablets', dosage: 'As directed by the anticoagulation clinic (INR target 2.5)' },
  warfarin3: { code: '42217611000001104', display: 'Warfarin 3mg tablets', dosage: 'As directed by the anticoagulation clinic (INR target 2.5)' },
  apixaban5: { code: '703908001', display: 'Apixaban 5mg tablets', dosage: 'One tablet twice a day' },
  apixaban2_5: { code: '703907006', display: 'Apixaban 2.5mg tablets', dosage: 'One tablet twice a day' },
  sertraline50: { code: '39704111000001102', display: 'Sertraline 50mg tablets', dosage: 'One tablet once a day' },
  levothyroxine50: { code: '39698611000001106', display: 'Levothyroxine sodium 50microgram tablets', dosage: 'One tablet once a day before breakfast' },
  omeprazole20: { code: '317291008', display: 'Omeprazole 20mg gastro-resistant capsules', dosage: 'One capsule once a day' },
  lansoprazole30: { code: '317309001', display: 'Lansoprazole 30mg gastro-resistant capsules', dosage: 'One capsule once a day' },
  salbutamolInhaler: { code: '39113611000001102', display: 'Salbutamol 100micrograms/dose inhaler CFC free', dosage: 'Two puffs up to four times a day when required' },
  furosemide40: { code: '317972000', display: 'Furosemide 40mg tablets', dosage: 'One tablet each morning' },
  paracetamol500: { code: '322236009', display: 'Paracetamol 500mg tablets', dosage: 'Two tablets up to four times a day when required' },
  amoxicillin250: { code: '39732311000001104', display: 'Amoxicillin 250mg capsules', dosage: 'Two capsules three times a day for 5 days' },
} satisfies Record<string, Medicine>;
export type MedicineKey = keyof typeof medicines;

/** Allergies and intolerances (SNOMED CT), with their category. */
export const allergies = {
  penicillin: { code: '91936005', display: 'Allergy to penicillin', category: 'medication' },
  aspirin: { code: '293586001', display: 'Allergy to aspirin', category: 'medication' },
  peanut: { code: '91935009', display: 'Allergy to peanut', category: 'food' },
  latex: { code: '300916003', display: 'Latex allergy', category: 'environment' },
} satisfies Record<string, Concept & { category: 'medication' | 'food' | 'environment' }>;
export type AllergyKey = keyof typeof allergies;

export const reactions = concepts({
  urticaria: { code: '126485001', display: 'Urticaria' },
  rash: { code: '271807003', display: 'Eruption of skin' },
  anaphylaxis: { code: '39579001', display: 'Anaphylaxis' },
  angioedema: { code: '41291007', display: 'Angioedema' },
  wheeze: { code: '56018004', display: 'Wheezing' },
});
export type ReactionKey = keyof typeof reactions;

/** Vaccinations (SNOMED CT procedures, as UK GP systems record them). */
export const vaccinations = concepts({
  influenza: { code: '822851000000102', display: 'Seasonal influenza vaccination' },
  pneumococcal: { code: '12866006', display: 'Pneumococcal vaccination' },
  covidDose1: { code: '1324681000000101', display: 'Administration of first dose of severe acute respiratory syndrome coronavirus 2 vaccine' },
  covidDose2: { code: '1324691000000104', display: 'Administration of second dose of severe acute respiratory syndrome coronavirus 2 vaccine' },
  mmr: { code: '38598009', display: 'Measles-mumps-rubella vaccination' },
});
export type VaccinationKey = keyof typeof vaccinations;

export const encounterTypes = concepts({
  telephone: { code: '185317003', display: 'Telephone encounter' },
  faceToFace: { code: '185345009', display: 'Encounter for symptom' },
  homeVisit: { code: '439708006', display: 'Home visit' },
  emergency: { code: '4525004', display: 'Emergency department patient visit' },
  admission: { code: '32485007', display: 'Hospital admission' },
});

export const documentTypes = concepts({
  dischargeSummary: { code: '373942005', display: 'Discharge summary' },
});

/** Hospital specialties (SNOMED CT practice settings). */
export const specialties = concepts({
  cardiology: { code: '394579002', display: 'Cardiology' },
  traumaOrthopaedics: { code: '394801008', display: 'Trauma and orthopaedics' },
  gastroenterology: { code: '394584008', display: 'Gastroenterology' },
  endocrinology: { code: '394583002', display: 'Endocrinology' },
  ophthalmology: { code: '394594003', display: 'Ophthalmology' },
  generalSurgery: { code: '394609007', display: 'General surgery' },
  generalMedicine: { code: '394802001', display: 'General medicine' },
  respiratory: { code: '418112009', display: 'Pulmonary medicine' },
  geriatrics: { code: '394811001', display: 'Geriatric medicine' },
  neurology: { code: '394591006', display: 'Neurology' },
  paediatrics: { code: '394537008', display: 'Paediatric specialty' },
});
export type SpecialtyKey = keyof typeof specialties;

export interface LabTest extends Concept {
  /** The laboratory's own name for the test, as its report says it (Observation.code.text). */
  text: string;
  unit: string;
  ucum: string;
  decimals: number;
  /** Reference range; `low`/`high` may be absent (one-sided ranges). */
  range: (gender: 'male' | 'female') => { low?: number; high?: number };
}

/** Laboratory tests (LOINC), with the names and units UK laboratories report them under (`text`: what the lab's report says, as Observation.code.text). */
export const labTests = {
  haemoglobin: { text: 'Haemoglobin', code: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', unit: 'g/L', ucum: 'g/L', decimals: 0, range: (g) => (g === 'female' ? { low: 115, high: 165 } : { low: 130, high: 180 }) },
  whiteCells: { text: 'White cell count', code: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', unit: '10*9/L', ucum: '10*9/L', decimals: 1, range: () => ({ low: 4.0, high: 11.0 }) },
  platelets: { text: 'Platelet count', code: '777-3', display: 'Platelets [#/volume] in Blood by Automated count', unit: '10*9/L', ucum: '10*9/L', decimals: 0, range: () => ({ low: 150, high: 400 }) },
  sodium: { text: 'Sodium', code: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', ucum: 'mmol/L', decimals: 0, range: () => ({ low: 133, high: 146 }) },
  potassium: { text: 'Potassium', code: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', ucum: 'mmol/L', decimals: 1, range: () => ({ low: 3.5, high: 5.3 }) },
  creatinine: { text: 'Creatinine', code: '14682-9', display: 'Creatinine [Moles/volume] in Serum or Plasma', unit: 'umol/L', ucum: 'umol/L', decimals: 0, range: (g) => (g === 'female' ? { low: 45, high: 84 } : { low: 59, high: 104 }) },
  egfr: { text: 'eGFR', code: '62238-1', display: 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)', unit: 'mL/min/1.73m2', ucum: 'mL/min/{1.73_m2}', decimals: 0, range: () => ({ low: 90 }) },
  hba1c: { text: 'HbA1c', code: '59261-8', display: 'Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol', unit: 'mmol/mol', ucum: 'mmol/mol', decimals: 0, range: () => ({ low: 20, high: 41 }) },
  crp: { text: 'C-reactive protein', code: '1988-5', display: 'C reactive protein [Mass/volume] in Serum or Plasma', unit: 'mg/L', ucum: 'mg/L', decimals: 0, range: () => ({ high: 5 }) },
  inr: { text: 'INR', code: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay', unit: 'INR', ucum: '{INR}', decimals: 1, range: () => ({ low: 0.8, high: 1.2 }) },
} satisfies Record<string, LabTest>;
export type LabTestKey = keyof typeof labTests;

/** Report-level codes for groups of tests (LOINC panels) and the lab section (HL7 v2-0074). */
export const labPanels = {
  fbc: { code: '58410-2', display: 'CBC panel - Blood by Automated count', text: 'Full blood count', section: 'HM', tests: ['haemoglobin', 'whiteCells', 'platelets'] },
  ue: { code: '24362-6', display: 'Renal function 2000 panel - Serum or Plasma', text: 'Urea and electrolytes', section: 'CH', tests: ['sodium', 'potassium', 'creatinine', 'egfr'] },
  hba1c: { code: '59261-8', display: 'Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol', text: 'HbA1c', section: 'CH', tests: ['hba1c'] },
  crp: { code: '1988-5', display: 'C reactive protein [Mass/volume] in Serum or Plasma', text: 'C-reactive protein', section: 'CH', tests: ['crp'] },
  inr: { code: '6301-6', display: 'INR in Platelet poor plasma by Coagulation assay', text: 'INR', section: 'HM', tests: ['inr'] },
} satisfies Record<string, Concept & { text: string; section: string; tests: readonly LabTestKey[] }>;
export type LabPanelKey = keyof typeof labPanels;

/** HL7 v3 RoleCode relationships used for carers. */
export const relationships = concepts({
  daughter: { code: 'DAU', display: 'natural daughter' },
  son: { code: 'SON', display: 'natural son' },
  wife: { code: 'WIFE', display: 'wife' },
  husband: { code: 'HUSB', display: 'husband' },
  mother: { code: 'MTH', display: 'mother' },
  father: { code: 'FTH', display: 'father' },
  grandmother: { code: 'GRMTH', display: 'grandmother' },
  neighbour: { code: 'NBOR', display: 'neighbor' },
  friend: { code: 'FRND', display: 'unrelated friend' },
});
export type RelationshipKey = keyof typeof relationships;

/**
 * Codes that make a Flag or CarePlan mean something (schema/clinical-codes.yaml reads the same
 * concepts): a safeguarding alert, a mental-health risk, a crisis plan. SNOMED CT.
 */
export const flagConcepts = {
  childProtection: { code: '224353004', display: 'Child protection finding' },
  adultSafeguardingReferral: { code: '514331000000104', display: 'Adult safeguarding referral' },
  suicide: { code: '225444004', display: 'At risk for suicide' },
  otherDirectedViolence: { code: '129707006', display: 'At risk for other-directed violence' },
} as const satisfies Record<string, Concept>;

export const carePlanConcepts = {
  crisisPlan: { code: '736253002', display: 'Mental health crisis plan' },
  // A record artifact under 734163000 |Care plan|, as CarePlan.category's UK Core binding asks.
  diabetesSelfManagement: { code: '735985000', display: 'Diabetes self-management plan' },
} as const satisfies Record<string, Concept>;

/** Devices a GP records the patient using (SNOMED CT physical objects, descendants of 49062001 |Device|). */
export const devices = concepts({
  hearingAid: { code: '6012004', display: 'Hearing aid' },
});

/** What an advance decision refuses (SNOMED CT procedures), its Consent.provision.code. */
export const refusedTreatments = concepts({
  cardiopulmonaryResuscitation: { code: '89666000', display: 'Cardiopulmonary resuscitation' },
});

/**
 * The record's headings as a GP system sends them as a List (GP Connect's List.code, SNOMED CT);
 * schema/clinical-codes.yaml `lists` reads the same codes, so an empty one whose emptyReason is
 * nilknown is a statement ("no known problems", "no current medications").
 */
export const listHeadings = {
  problems: { code: '717711000000103', display: 'Problems' },
  medications: { code: '933361000000108', display: 'Medications and medical devices' },
} as const satisfies Record<string, Concept>;
export type ListHeadingKey = keyof typeof listHeadings;

/** A council's own code system for the alerts it raises that are not safeguarding (a key safe, a dog). */
export const COUNCIL_ALERT_SYSTEM = 'https://fhir.shareforyou.example/CodeSystem/council-alert';

/**
 * What the GP, the hospital and the mental health trust measure and record as Observations: LOINC
 * (as UK Core vital signs and NHS questionnaires send them), with the SNOMED CT observable entity
 * UK GP systems send beside it where there is one.
 */
export const observationCodes = {
  bloodPressurePanel: { code: '85354-9', display: 'Blood pressure panel with all children optional' },
  systolic: { code: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { code: '8462-4', display: 'Diastolic blood pressure' },
  bodyWeight: { code: '29463-7', display: 'Body weight' },
  smokingStatus: { code: '72166-2', display: 'Tobacco smoking status' },
  phq9: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  gad7: { code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
} as const satisfies Record<string, Concept>;

export const observableEntities = {
  bloodPressure: { code: '75367002', display: 'Blood pressure' },
  bodyWeight: { code: '27113001', display: 'Body weight' },
  phq9: { code: '720433000', display: 'Patient Health Questionnaire Nine Item score' },
} as const satisfies Record<string, Concept>;

/** Tobacco smoking status answers (SNOMED CT findings), the value of a 72166-2 Observation. */
export const smokingStatuses = concepts({
  never: { code: '266919005', display: 'Never smoked tobacco' },
  ex: { code: '8517006', display: 'Ex-smoker' },
  current: { code: '77176002', display: 'Smoker' },
});
export type SmokingStatusKey = keyof typeof smokingStatuses;

/**
 * "No known allergies" as the AllergyIntolerance.code of a statement (SNOMED CT situations), by
 * scope; schema/clinical-codes.yaml reads the same codes so the record files them as statements.
 */
export const noKnownAllergyConcepts = {
  all: { code: '716186003', display: 'No known allergy' },
  medication: { code: '409137002', display: 'No known drug allergy' },
} as const satisfies Record<string, Concept>;
export type NoKnownAllergyScope = keyof typeof noKnownAllergyConcepts;

/** Operations the hospital records (SNOMED CT procedures), with where on the body. */
export const procedures = concepts({
  totalHipReplacement: { code: '52734007', display: 'Total hip replacement' },
});
export const procedureCategories = concepts({
  surgical: { code: '387713003', display: 'Surgical procedure' },
});
/** Routes of administration (SNOMED CT). */
export const routes = concepts({
  oral: { code: '26643006', display: 'Oral route' },
  intramuscular: { code: '78421000', display: 'Intramuscular route' },
});
export const bodySites = concepts({
  hip: { code: '29836001', display: 'Hip region structure' },
});
