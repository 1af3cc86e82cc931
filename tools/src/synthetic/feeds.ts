/// <reference types="fhir" />
/**
 * From patient plans to source feeds. One patient yields, in this order:
 *  1. a `registry` feed from the GP practice: the Patient resource (demographics, registration);
 *  2. the GP practice's own feed (target `gp`), when it holds anything clinical, and after it,
 *     when the practice has corrected its record, a second `gp` bundle re-sending each item it
 *     found recorded in error as version 2, marked entered-in-error (the record must not show it);
 *  3. for every other organisation holding data about the patient: first a `registry` feed with
 *     the resources that form a care relationship by schema/organisation-kinds.yaml (an admission,
 *     A&E attendance or outpatient booking at the acute trust; an active or finished EpisodeOfCare
 *     for mental health, community and social care), when there are any, then that organisation's
 *     own feed (target = its subgraph).
 * Every Bundle is of type `collection` (see fhir.ts). Generation streams: nothing is kept between
 * patients, so any number of patients can be generated in constant memory.
 */

import { relationshipRuleFor } from '@shareforyou/schema';
import { organisations } from '../demo/organisations';
import { collectionBundle } from './fhir';
import { demoPlan } from './demo';
import { randomPlan } from './randomPlan';
import { buildPatient } from './slices/registry';
import { buildGpCorrections, buildGpSlice } from './slices/gp';
import { buildAcuteSlice } from './slices/acute';
import { buildMentalHealthSlice } from './slices/mentalHealth';
import { buildCommunitySlice } from './slices/community';
import { buildSocialCareSlice } from './slices/socialCare';
import type { PatientPlan } from './plan';

export const DEFAULT_SEED = 2026;

export type FeedTarget = 'registry' | 'gp' | 'acute' | 'mental-health' | 'community' | 'social-care';

export interface Feed {
  odsCode: string;
  target: FeedTarget;
  nhsNumber: string;
  bundle: fhir4.Bundle;
}

export interface SyntheticPatient {
  index: number;
  seed: number;
  nhsNumber: string;
  name: { given: string; family: string; text: string };
  gender: 'male' | 'female';
  birthDate: string;
  practiceOdsCode: string;
  /** The council for the patient's home town (whether or not it holds data about them). */
  councilOdsCode: string;
  town: string;
  postcode: string;
  /** ODS codes of every organisation that sends a feed about the patient, GP practice first. */
  involved: string[];
  patient: fhir4.Patient;
  feeds: Feed[];
}

/** Bundle id streams, so each organisation's bundles for one patient have distinct ids. */
const STREAM: Record<FeedTarget, number> = { registry: 0, gp: 1, acute: 2, 'mental-health': 3, community: 4, 'social-care': 5 };
/** The practice's later bundle correcting what it sent (items re-sent as entered-in-error). */
const GP_CORRECTIONS_STREAM = 6;

/**
 * Resources that make a care relationship between the holding organisation and the patient, by the
 * table of organisation kinds; the generator leaves out episodes that never started.
 */
function isRelationshipForming(kind: string, resource: fhir4.FhirResource): boolean {
  const encounterClass = resource.resourceType === 'Encounter' ? resource.class.code : undefined;
  if (!relationshipRuleFor(kind, resource.resourceType, encounterClass)) return false;
  return resource.resourceType !== 'EpisodeOfCare' || resource.status === 'active' || resource.status === 'finished';
}

function kindOfOrganisation(odsCode: string): string {
  const organisation = organisations.find((o) => o.odsCode === odsCode);
  if (!organisation) throw new Error(`synthetic data: organisation ${odsCode} is not in the register`);
  return organisation.kind;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function patientFromPlan(plan: PatientPlan, seed: number): SyntheticPatient {
  const patient = buildPatient(plan);
  const feeds: Feed[] = [];
  const feed = (odsCode: string, target: FeedTarget, resources: fhir4.FhirResource[], stream = STREAM[target]): Feed => ({
    odsCode,
    target,
    nhsNumber: plan.nhsNumber,
    bundle: collectionBundle(odsCode, plan.index, stream, resources),
  });

  feeds.push(feed(plan.practiceOdsCode, 'registry', [patient]));

  const slices: [string | undefined, Exclude<FeedTarget, 'registry'>, () => fhir4.FhirResource[]][] = [
    [plan.practiceOdsCode, 'gp', () => buildGpSlice(plan)],
    [plan.acute?.odsCode, 'acute', () => buildAcuteSlice(plan)],
    [plan.mentalHealth?.odsCode, 'mental-health', () => buildMentalHealthSlice(plan)],
    [plan.community?.odsCode, 'community', () => buildCommunitySlice(plan)],
    [plan.socialCare?.odsCode, 'social-care', () => buildSocialCareSlice(plan)],
  ];
  for (const [odsCode, target, build] of slices) {
    if (!odsCode) continue;
    const resources = build();
    if (resources.length === 0) continue;
    if (target !== 'gp') {
      const kind = kindOfOrganisation(odsCode);
      const relationships = resources.filter((resource) => isRelationshipForming(kind, resource));
      if (relationships.length) feeds.push(feed(odsCode, 'registry', relationships.map(clone)));
    }
    feeds.push(feed(odsCode, target, resources));
    if (target === 'gp') {
      const corrections = buildGpCorrections(plan);
      if (corrections.length) feeds.push(feed(odsCode, 'gp', corrections, GP_CORRECTIONS_STREAM));
    }
  }

  const involved: string[] = [];
  for (const f of feeds) if (!involved.includes(f.odsCode)) involved.push(f.odsCode);

  return {
    index: plan.index,
    seed,
    nhsNumber: plan.nhsNumber,
    name: { given: plan.given, family: plan.family, text: `${plan.given} ${plan.family}` },
    gender: plan.gender,
    birthDate: plan.birthDate,
    practiceOdsCode: plan.practiceOdsCode,
    councilOdsCode: plan.councilOdsCode,
    town: plan.town,
    postcode: plan.postcode,
    involved,
    patient,
    feeds,
  };
}

/**
 * Synthetic patient `index` for `seed`: always the same output for the same arguments, whatever
 * else has been generated. Indexes 0..4 are the demo patients (the same for every seed).
 */
export function generatePatient(index: number, seed: number = DEFAULT_SEED): SyntheticPatient {
  return patientFromPlan(demoPlan(index) ?? randomPlan(index, seed), seed);
}

export interface GenerateOptions {
  /** How many patients. */
  patients: number;
  seed?: number;
  /** First patient index (default 0). */
  from?: number;
}

function checkOptions(options: GenerateOptions): { from: number; to: number; seed: number } {
  const from = options.from ?? 0;
  if (!Number.isInteger(options.patients) || options.patients < 0) throw new RangeError('patients must be a non-negative integer');
  if (!Number.isInteger(from) || from < 0) throw new RangeError('from must be a non-negative integer');
  return { from, to: from + options.patients, seed: options.seed ?? DEFAULT_SEED };
}

/** Patients from..from+patients-1, one at a time. */
export function* generatePatients(options: GenerateOptions): Generator<SyntheticPatient> {
  const { from, to, seed } = checkOptions(options);
  for (let i = from; i < to; i++) yield generatePatient(i, seed);
}

/** Every feed of patients from..from+patients-1, patient by patient, in the order described above. */
export function* generateFeeds(options: GenerateOptions): Generator<Feed> {
  const { from, to, seed } = checkOptions(options);
  for (let i = from; i < to; i++) yield* generatePatient(i, seed).feeds;
}
