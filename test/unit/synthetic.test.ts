/// <reference types="fhir" />
import { beforeAll, describe, expect, it } from '@jest/globals';
import { isValidNhsNumber } from '../../subgraphs/kit/src/nhsNumber';
import { organisations } from '../../tools/src/demo/organisations';
import { flagMeaningOf, organisationKind } from '@shareforyou/schema';
import {
  REFERENCE_INSTANT,
  SYSTEMS,
  demoPatients,
  generateFeeds,
  generatePatient,
  generatePatients,
  nhsNumberOf,
  syntheticNhsNumber,
  type Feed,
  type SyntheticPatient,
} from '../../tools/src/synthetic';
import { prepareBundle, type FeedingOrganisation } from '../../subgraphs/kit/src/ingest/feedTarget';
import { sliceFeedTarget } from '../../subgraphs/kit/src/ingest/sliceFeedTarget';
import type { SliceFeed } from '../../subgraphs/kit/src/ingest/sliceFeed';
import { gpFeed } from '../../subgraphs/gp/src/feed';
import { acuteFeed } from '../../subgraphs/acute/src/feed';
import { communityFeed } from '../../subgraphs/community/src/feed';
import { mentalHealthFeed } from '../../subgraphs/mental-health/src/feed';
import { fhirFaults } from '../../subgraphs/kit/src/ingest/fhirValidation';
import { feedMapping } from '../support/feedMapping';

const register = new Map(organisations.map((o) => [o.odsCode, o]));
const REFERENCE_ISO = new Date(REFERENCE_INSTANT).toISOString().replace('.000Z', 'Z');

function resourcesOf(feed: Feed): fhir4.FhirResource[] {
  return (feed.bundle.entry ?? []).map((e) => e.resource as fhir4.FhirResource);
}

function feedsOf(p: SyntheticPatient, odsCode: string, target: Feed['target']): Feed[] {
  return p.feeds.filter((f) => f.odsCode === odsCode && f.target === target);
}

function only(p: SyntheticPatient, odsCode: string, target: Feed['target']): fhir4.FhirResource[] {
  const feeds = feedsOf(p, odsCode, target);
  expect(feeds).toHaveLength(1);
  return resourcesOf(feeds[0]);
}

function ofType<T extends fhir4.FhirResource['resourceType']>(resources: fhir4.FhirResource[], type: T): Extract<fhir4.FhirResource, { resourceType: T }>[] {
  return resources.filter((r): r is Extract<fhir4.FhirResource, { resourceType: T }> => r.resourceType === type);
}

function isEnteredInError(r: fhir4.FhirResource): boolean {
  return r.resourceType === 'AllergyIntolerance' && (r.verificationStatus?.coding ?? []).some((c) => c.code === 'entered-in-error');
}

function codes(concept: fhir4.CodeableConcept | undefined): string[] {
  return (concept?.coding ?? []).map((c) => c.code ?? '');
}

/** A feed bundle through an organisation's real feed target (FHIR R4 validation, then its mappings), no database. */
const prepared = (feed: SliceFeed, name: string, organisation: FeedingOrganisation, bundle: fhir4.Bundle) => prepareBundle(sliceFeedTarget(name, feed, null as never), bundle, organisation);

let population: SyntheticPatient[];
beforeAll(() => {
  population = [...generatePatients({ patients: 500 })];
});

describe('determinism', () => {
  it('gives deep-equal output for the same seed and index', () => {
    for (const i of [0, 1, 5, 17, 999, 123_456]) {
      expect(generatePatient(i, 7)).toEqual(generatePatient(i, 7));
      expect(JSON.stringify(generatePatient(i))).toBe(JSON.stringify(generatePatient(i, 2026)));
    }
  });

  it('does not depend on how many patients are generated, or in which order', () => {
    const ten = [...generateFeeds({ patients: 10, seed: 42 })];
    const fifty = [...generateFeeds({ patients: 50, seed: 42 })];
    expect(fifty.slice(0, ten.length)).toEqual(ten);
    const backwards = [...generatePatients({ patients: 10, from: 40, seed: 42 })].reverse();
    expect(backwards.map((p) => p.index)).toEqual([49, 48, 47, 46, 45, 44, 43, 42, 41, 40]);
    for (const p of backwards) expect(p).toEqual(generatePatient(p.index, 42));
    const lastFive = new Set([45, 46, 47, 48, 49].map((i) => generatePatient(i, 42).nhsNumber));
    expect([...generateFeeds({ patients: 5, from: 45, seed: 42 })]).toEqual(fifty.filter((f) => lastFive.has(f.nhsNumber)));
  });

  it('changes random patients with the seed but keeps the demo patients', () => {
    expect(JSON.stringify(generatePatient(100, 1))).not.toBe(JSON.stringify(generatePatient(100, 2)));
    for (let i = 0; i < 5; i++) expect(generatePatient(i, 1).feeds).toEqual(generatePatient(i, 2).feeds);
  });
});

describe('NHS numbers', () => {
  it('are valid, in the 999 test range and unique over 500 patients', () => {
    const numbers = population.map((p) => p.nhsNumber);
    for (const n of numbers) {
      expect(n).toMatch(/^999\d{7}$/);
      expect(isValidNhsNumber(n)).toBe(true);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('stay valid and distinct beyond the first 100,000 indexes', () => {
    const sample = [0, 1, 99_999, 100_000, 100_001, 250_000, 899_999].map(syntheticNhsNumber);
    for (const n of sample) expect(isValidNhsNumber(n)).toBe(true);
    expect(new Set(sample).size).toBe(sample.length);
    expect(() => syntheticNhsNumber(900_000)).toThrow(RangeError);
  });

  it('match the patient in every feed', () => {
    for (const p of population.slice(0, 200)) for (const f of p.feeds) expect(f.nhsNumber).toBe(p.nhsNumber);
  });
});

describe('bundles', () => {
  it('are collections whose every entry is about the patient and carries meta', () => {
    // Problems are collected rather than asserted one by one: 500 patients make ~7,000 entries.
    const problems: string[] = [];
    for (const p of population) {
      for (const feed of p.feeds) {
        if (feed.bundle.resourceType !== 'Bundle' || feed.bundle.type !== 'collection' || !feed.bundle.entry?.length) problems.push(`bundle ${feed.bundle.id}`);
        for (const entry of feed.bundle.entry ?? []) {
          const r = entry.resource as fhir4.FhirResource;
          const where = `${feed.odsCode} ${r.resourceType}/${r.id}`;
          if (entry.fullUrl !== `https://synthetic.shareforyou.example/fhir/${feed.odsCode}/${r.resourceType}/${r.id}`) problems.push(`${where}: fullUrl`);
          if (!/^[A-Za-z0-9\-.]{1,64}$/.test(r.id ?? '')) problems.push(`${where}: id`);
          if (nhsNumberOf(r) !== feed.nhsNumber) problems.push(`${where}: not about ${feed.nhsNumber}`);
          // Version 2 only for a correction: an item re-sent as entered-in-error.
          if (r.meta?.versionId !== '1' && !(r.meta?.versionId === '2' && isEnteredInError(r))) problems.push(`${where}: versionId`);
          const updated = r.meta?.lastUpdated ?? '';
          if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(updated) || updated > REFERENCE_ISO) problems.push(`${where}: lastUpdated ${updated}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('reference the patient by NHS number identifier, as subject or patient', () => {
    const problems: string[] = [];
    for (const p of population.slice(0, 300)) {
      const expected = JSON.stringify({ identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: p.nhsNumber } });
      for (const feed of p.feeds) {
        for (const r of resourcesOf(feed)) {
          if (r.resourceType === 'Patient' || r.resourceType === 'Appointment') continue;
          const ref = 'subject' in r && r.subject ? r.subject : 'patient' in r ? r.patient : undefined;
          if (JSON.stringify(ref) !== expected) problems.push(`${feed.odsCode} ${r.resourceType}/${r.id}: ${JSON.stringify(ref)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('give resources ids that are unique within each organisation and feed target', () => {
    const seen = new Set<string>();
    const repeated: string[] = [];
    for (const p of population) {
      for (const feed of p.feeds) {
        for (const r of resourcesOf(feed)) {
          const key = `${feed.odsCode}|${feed.target}|${r.resourceType}/${r.id}`;
          // A correction re-sends an item already sent, by its id; anything else repeated is a fault.
          if (isEnteredInError(r)) {
            if (!seen.has(key)) repeated.push(`${key}: corrected before it was sent`);
            continue;
          }
          if (seen.has(key)) repeated.push(key);
          seen.add(key);
        }
      }
    }
    expect(repeated).toEqual([]);
  });

  it('resolve DiagnosticReport results and other local references within the bundle', () => {
    for (const p of population.slice(0, 500)) {
      for (const feed of p.feeds) {
        const here = new Set(resourcesOf(feed).map((r) => `${r.resourceType}/${r.id}`));
        const json = JSON.stringify(feed.bundle);
        const dangling = [...json.matchAll(/"reference":"([A-Za-z]+\/[^"]+)"/g)].map((m) => m[1]).filter((ref) => !here.has(ref));
        expect(dangling).toEqual([]);
      }
    }
  });

  it('mark risk summaries and safeguarding flags restricted', () => {
    let flags = 0;
    for (const p of population) {
      for (const f of p.feeds) {
        for (const r of resourcesOf(f)) {
          // A general alert (coded neither safeguarding nor a risk, e.g. lives alone) is not restricted.
          if (r.resourceType === 'RiskAssessment' || (r.resourceType === 'Flag' && flagMeaningOf([r.code, ...(r.category ?? [])]) !== 'general')) {
            flags++;
            expect(r.meta?.security).toEqual([{ system: SYSTEMS.confidentiality, code: 'R', display: 'restricted' }]);
          }
        }
      }
    }
    expect(flags).toBeGreaterThan(0);
  });

  it('never contain what national summaries withhold', () => {
    const withheld = /\bIVF\b|in vitro fert|sexually transmitted|chlamydia|gonorrh|syphilis|\bHIV\b|termination of pregnancy|abortion|gender reassignment|gender identity/i;
    const found = population.flatMap((p) => p.feeds.filter((f) => withheld.test(JSON.stringify(f.bundle))).map((f) => f.bundle.id));
    expect(found).toEqual([]);
  });
});

describe('organisations', () => {
  it('are contributing parties whose kind matches the feed target, never the non-party organisation', () => {
    const problems: string[] = [];
    for (const p of population) {
      for (const f of p.feeds) {
        const org = register.get(f.odsCode);
        if (!org) problems.push(`${f.odsCode}: not in the register`);
        else if (f.odsCode === 'NPX01' || org.sharingStatus === 'not-party') problems.push(`${f.odsCode}: not a party`);
        else if (f.target !== 'registry' && organisationKind(org.kind).subgraph !== f.target) problems.push(`${f.odsCode}: fed to ${f.target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('send the registry the Patient from the GP practice, and relationship-forming resources from the others', () => {
    for (const p of population) {
      const fromPractice = feedsOf(p, p.practiceOdsCode, 'registry');
      expect(fromPractice).toHaveLength(1);
      const [patient] = resourcesOf(fromPractice[0]) as fhir4.Patient[];
      expect(patient.resourceType).toBe('Patient');
      expect(patient.generalPractitioner?.[0].identifier).toEqual({ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: p.practiceOdsCode });
      for (const f of p.feeds.filter((x) => x.target === 'registry' && x.odsCode !== p.practiceOdsCode)) {
        for (const r of resourcesOf(f)) {
          if (r.resourceType === 'Encounter') expect(['IMP', 'EMER']).toContain(r.class.code);
          else if (r.resourceType === 'Appointment') expect(f.odsCode).toBe('RM3');
          else {
            expect(r.resourceType).toBe('EpisodeOfCare');
            expect(['active', 'finished']).toContain((r as fhir4.EpisodeOfCare).status);
          }
        }
        // The same resources arrive in the organisation's own feed.
        const own = p.feeds.find((x) => x.odsCode === f.odsCode && x.target !== 'registry');
        const ownIds = new Set(resourcesOf(own as Feed).map((r) => r.id));
        for (const r of resourcesOf(f)) expect(ownIds.has(r.id)).toBe(true);
      }
    }
  });

  it('place patients in a town of their practice’s locality with a matching postcode', () => {
    const outward: Record<string, RegExp> = {
      Bury: /^BL[89] /,
      Ramsbottom: /^BL0 /,
      Rochdale: /^OL1[126] /,
      Heywood: /^OL10 /,
      Middleton: /^M24 /,
      Oldham: /^OL[189] /,
      Chadderton: /^OL9 /,
    };
    for (const p of population) {
      expect(p.postcode).toMatch(/^[A-Z]{1,2}\d{1,2} \d[ABD-HJLNP-UW-Z]{2}$/);
      expect(p.postcode).toMatch(outward[p.town]);
      const [address] = p.patient.address ?? [];
      expect(address.city).toBe(p.town);
      for (const t of p.patient.telecom ?? []) expect(t.value).toMatch(/^(07700 900\d{3}|0161 496 0\d{3})$/);
    }
  });
});

describe('proportions', () => {
  it('roughly match the intended mix', () => {
    const share = (pred: (p: SyntheticPatient) => boolean) => population.filter(pred).length / population.length;
    const holds = (target: Feed['target']) => (p: SyntheticPatient) => p.feeds.some((f) => f.target === target);
    expect(share(holds('gp'))).toBeGreaterThan(0.95);
    expect(share(holds('acute'))).toBeGreaterThan(0.2);
    expect(share(holds('acute'))).toBeLessThan(0.3);
    expect(share(holds('mental-health'))).toBeGreaterThan(0.05);
    expect(share(holds('mental-health'))).toBeLessThan(0.11);
    expect(share(holds('community'))).toBeGreaterThan(0.09);
    expect(share(holds('community'))).toBeLessThan(0.16);
    expect(share(holds('social-care'))).toBeGreaterThan(0.07);
    expect(share(holds('social-care'))).toBeLessThan(0.14);
    // Safeguarding by its codes, as the record reads it (a key safe alert is a Flag too).
    const safeguarding = share((p) => p.feeds.some((f) => resourcesOf(f).some((r) => r.resourceType === 'Flag' && flagMeaningOf([r.code, ...(r.category ?? [])]) === 'safeguarding')));
    expect(safeguarding).toBeGreaterThan(0.003);
    expect(safeguarding).toBeLessThan(0.025);
  });
});

describe('demo patients', () => {
  it('occupy indexes 0..4 with their stories', () => {
    expect(demoPatients.map((d) => [d.index, d.name, d.birthDate])).toEqual([
      [0, 'Margaret Ashworth', '1944-03-12'],
      [1, 'Daniel Kowalski', '1991-07-23'],
      [2, 'Leah Brennan', '2017-05-14'],
      [3, 'Peter Holroyd', '1958-09-02'],
      [4, 'Aisha Begum', '1987-02-11'],
    ]);
    for (const d of demoPatients) {
      expect(isValidNhsNumber(d.nhsNumber)).toBe(true);
      expect(d.nhsNumber).toBe(population[d.index].nhsNumber);
      expect(d.story.length).toBeGreaterThan(40);
      expect(population[d.index].name.text).toBe(d.name);
    }
    expect(demoPatients.map((d) => d.involved)).toEqual([['P83005', 'RM3', 'NR5', 'LA351'], ['P86003', 'RT2'], ['P86010', 'LA354'], ['P83005', 'RM3'], ['P85004', 'RM3']]);
  });

  it('Margaret Ashworth: on warfarin, allergic to penicillin, in hospital after a fall, with district nursing and home care', () => {
    const p = population[0];
    expect([p.gender, p.practiceOdsCode, p.town]).toEqual(['female', 'P83005', 'Bury']);
    expect(p.postcode).toMatch(/^BL9 /);
    // The practice's feed, then its correction (the aspirin allergy re-sent as entered-in-error).
    const [gpFeed, correction] = feedsOf(p, 'P83005', 'gp');
    const gp = resourcesOf(gpFeed);
    expect(resourcesOf(correction).map((r) => r.resourceType)).toEqual(['AllergyIntolerance']);
    const meds = [...ofType(gp, 'MedicationStatement'), ...ofType(gp, 'MedicationRequest')].map((m) => m.medicationCodeableConcept?.text ?? '');
    for (const drug of [/^Warfarin/, /^Amlodipine/, /^Atorvastatin/]) expect(meds.filter((m) => drug.test(m))).toHaveLength(1);
    for (const m of ofType(gp, 'MedicationStatement')) expect(m.medicationCodeableConcept?.coding?.[0].system).toBe('https://dmd.nhs.uk');
    expect(ofType(gp, 'AllergyIntolerance').flatMap((a) => codes(a.code))).toEqual(['91936005', '293586001']);
    expect(ofType(gp, 'Condition').flatMap((c) => codes(c.code)).sort()).toEqual(['38341003', '49436004']);

    const acute = only(p, 'RM3', 'acute');
    const encounters = ofType(acute, 'Encounter');
    const admission = encounters.find((e) => e.class.code === 'IMP');
    expect(admission?.status).toBe('in-progress');
    expect(admission?.period?.start).toBeDefined();
    expect(admission?.period?.end).toBeUndefined();
    expect(admission?.reasonCode?.flatMap(codes)).toContain('5913000');
    expect(encounters.find((e) => e.class.code === 'EMER')?.status).toBe('finished');
    expect(ofType(only(p, 'RM3', 'registry'), 'Encounter').map((e) => e.class.code).sort()).toEqual(['EMER', 'IMP']);

    const dn = ofType(only(p, 'NR5', 'community'), 'EpisodeOfCare');
    expect(dn.map((e) => [e.status, e.type?.[0].text])).toEqual([['active', 'District nursing']]);
    const sc = only(p, 'LA351', 'social-care');
    expect(ofType(sc, 'EpisodeOfCare').map((e) => e.status)).toEqual(['active']);
    expect(ofType(sc, 'ServiceRequest').map((s) => s.code?.text)).toEqual(['Home care, 2 calls a day']);
  });

  it('Daniel Kowalski: depression, on CPA with a care coordinator, crisis plan and restricted risk summary, no acute data', () => {
    const p = population[1];
    expect([p.gender, p.practiceOdsCode, p.town]).toEqual(['male', 'P86003', 'Rochdale']);
    expect(p.postcode).toMatch(/^OL11 /);
    const gp = only(p, 'P86003', 'gp');
    expect(ofType(gp, 'Condition').flatMap((c) => codes(c.code))).toEqual(['35489007']);
    expect(ofType(gp, 'MedicationStatement').map((m) => m.medicationCodeableConcept?.text)).toEqual(['Sertraline 50mg tablets']);
    const mh = only(p, 'RT2', 'mental-health');
    const [episode] = ofType(mh, 'EpisodeOfCare');
    expect(episode.status).toBe('active');
    expect(episode.type?.[0].text).toBe('CPA');
    expect(episode.careManager?.display).toContain('Care Coordinator');
    // A crisis plan by its code (736253002 |Mental health crisis plan|), whatever its title.
    expect(ofType(mh, 'CarePlan').map((c) => c.category?.[0].coding?.[0].code)).toEqual(['736253002']);
    const [risk] = ofType(mh, 'RiskAssessment');
    expect(risk.meta?.security?.[0].code).toBe('R');
    expect(p.feeds.some((f) => f.odsCode === 'RM3')).toBe(false);
  });

  it('Leah Brennan: asthma, salbutamol, open case at LA354 with a restricted safeguarding flag', () => {
    const p = population[2];
    expect([p.gender, p.practiceOdsCode, p.town]).toEqual(['female', 'P86010', 'Heywood']);
    expect(p.postcode).toMatch(/^OL10 /);
    const gp = only(p, 'P86010', 'gp');
    expect(ofType(gp, 'Condition').flatMap((c) => codes(c.code))).toEqual(['195967001']);
    expect(ofType(gp, 'MedicationStatement').map((m) => m.medicationCodeableConcept?.text)).toEqual(['Salbutamol 100micrograms/dose inhaler CFC free']);
    const sc = only(p, 'LA354', 'social-care');
    expect(ofType(sc, 'EpisodeOfCare').map((e) => e.status)).toEqual(['active']);
    const [flag] = ofType(sc, 'Flag');
    expect(flag.status).toBe('active');
    expect(flagMeaningOf([flag.code, ...(flag.category ?? [])])).toBe('safeguarding');
    expect(flag.category?.[0].coding?.[0].code).toBe('CP-IS');
    expect(flag.meta?.security?.[0]).toEqual({ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' });
  });

  it('Peter Holroyd: type 2 diabetes on metformin, one finished A&E attendance last year, nothing else', () => {
    const p = population[3];
    expect([p.gender, p.practiceOdsCode, p.town]).toEqual(['male', 'P83005', 'Bury']);
    expect(p.postcode).toMatch(/^BL9 /);
    const gp = only(p, 'P83005', 'gp');
    expect(ofType(gp, 'Condition').flatMap((c) => codes(c.code))).toEqual(['44054006']);
    expect(ofType(gp, 'MedicationStatement').map((m) => m.medicationCodeableConcept?.text)).toEqual(['Metformin 500mg tablets']);
    const acute = only(p, 'RM3', 'acute');
    expect(acute.map((r) => r.resourceType)).toEqual(['Encounter']);
    const [attendance] = ofType(acute, 'Encounter');
    expect([attendance.class.code, attendance.status, attendance.period?.start?.slice(0, 4)]).toEqual(['EMER', 'finished', '2025']);
    expect(p.feeds.map((f) => `${f.target}:${f.odsCode}`)).toEqual(['registry:P83005', 'gp:P83005', 'registry:RM3', 'acute:RM3']);
  });

  it('Aisha Begum: asthma and a booked outpatient appointment at RM3, nothing else', () => {
    const p = population[4];
    expect([p.gender, p.practiceOdsCode, p.town]).toEqual(['female', 'P85004', 'Oldham']);
    expect(p.postcode).toMatch(/^OL8 /);
    expect(ofType(only(p, 'P85004', 'gp'), 'Condition').flatMap((c) => codes(c.code))).toEqual(['195967001']);
    const acute = only(p, 'RM3', 'acute');
    expect(acute.map((r) => r.resourceType)).toEqual(['Appointment']);
    expect((acute[0] as fhir4.Appointment).status).toBe('booked');
    // The booking is what lets the trust's staff (its A&E doctor too) open her record.
    expect(only(p, 'RM3', 'registry').map((r) => r.resourceType)).toEqual(['Appointment']);
    expect(p.feeds.map((f) => `${f.target}:${f.odsCode}`)).toEqual(['registry:P85004', 'gp:P85004', 'registry:RM3', 'acute:RM3']);
  });
});

describe('the richer shapes the record shows (issue 11.9)', () => {
  const margaret = () => population[0];
  const acuteOf = (p: SyntheticPatient) => only(p, 'RM3', 'acute');
  const GP: FeedingOrganisation = { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', sourceSystem: 'EMIS Web' };
  const RM3: FeedingOrganisation = { odsCode: 'RM3', name: 'Northern Care Alliance', kind: 'acute-trust', sharingStatus: 'active', sourceSystem: 'Allscripts Sunrise' };

  it('an inpatient with a blood pressure: one Observation, two components (systolic, diastolic), in her admission', () => {
    const acute = acuteOf(margaret());
    const admission = ofType(acute, 'Encounter').find((e) => e.class.code === 'IMP')!;
    const pressures = ofType(acute, 'Observation').filter((o) => codes(o.code).includes('75367002'));
    expect(pressures).toHaveLength(1);
    const [bp] = pressures;
    expect(bp.encounter?.reference).toBe(`Encounter/${admission.id}`);
    expect(bp.valueQuantity).toBeUndefined();
    expect(bp.component?.map((c) => [codes(c.code)[0], c.valueQuantity?.code])).toEqual([['8480-6', 'mm[Hg]'], ['8462-4', 'mm[Hg]']]);
  });

  it('a full blood count panel: an Observation with no value of its own whose members (hasMember) are the FBC results', () => {
    const acute = acuteOf(margaret());
    const observations = ofType(acute, 'Observation');
    const panel = observations.find((o) => o.hasMember);
    expect(panel && [codes(panel.code), panel.code.text, panel.valueQuantity]).toEqual([['58410-2', '26604007'], 'Full blood count', undefined]);
    const members = panel!.hasMember!.map((m) => observations.find((o) => `Observation/${o.id}` === m.reference));
    expect(members.map((m) => codes(m?.code)[0])).toEqual(['718-7', '6690-2', '777-3']);
    // Across the population: every FBC report's results are grouped by exactly one panel.
    for (const p of population.filter((x) => x.feeds.some((f) => f.target === 'acute'))) {
      const resources = p.feeds.filter((f) => f.target === 'acute').flatMap(resourcesOf);
      const fbcReports = ofType(resources, 'DiagnosticReport').filter((r) => codes(r.code).includes('58410-2'));
      const panels = ofType(resources, 'Observation').filter((o) => o.hasMember);
      expect(panels.map((o) => o.hasMember!.map((m) => m.reference))).toEqual(fbcReports.map((r) => r.result!.map((x) => x.reference)));
    }
  });

  it('a repeat prescription: a MedicationRequest with the UK Core repeat information, course of therapy continuous (sent instead of a statement, so shown once)', () => {
    const gp = resourcesOf(feedsOf(margaret(), 'P83005', 'gp')[0]);
    const [request] = ofType(gp, 'MedicationRequest');
    expect([request.intent, request.status, codes(request.courseOfTherapyType), request.medicationCodeableConcept?.text]).toEqual(['order', 'active', ['continuous'], 'Amlodipine 5mg tablets']);
    const repeat = request.extension?.find((e) => e.url === 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationRepeatInformation');
    expect(repeat?.extension).toEqual([{ url: 'numberOfPrescriptionsIssued', valueUnsignedInt: 1 }, { url: 'authorisationExpiryDate', valueDateTime: '2027-03-15T00:00:00Z' }]);
    expect(request.dispenseRequest?.numberOfRepeatsAllowed).toBe(6);
    expect(ofType(gp, 'MedicationStatement').find((m) => m.medicationCodeableConcept?.text === 'Amlodipine 5mg tablets')).toBeUndefined();
  });

  it('an allergy with a reaction: its manifestation and severity', () => {
    const gp = resourcesOf(feedsOf(margaret(), 'P83005', 'gp')[0]);
    const penicillin = ofType(gp, 'AllergyIntolerance').find((a) => codes(a.code).includes('91936005'))!;
    expect(penicillin.reaction?.map((r) => [r.manifestation.flatMap(codes), r.severity])).toEqual([[['39579001'], 'severe']]);
    expect(penicillin.criticality).toBe('high');
  });

  it('an entered-in-error correction: the allergy sent, then re-sent later as version 2, entered-in-error, without a clinical status (FHIR ait-2)', () => {
    const [first, correction] = feedsOf(margaret(), 'P83005', 'gp');
    const sent = ofType(resourcesOf(first), 'AllergyIntolerance').find((a) => codes(a.code).includes('293586001'))!;
    const [retracted] = ofType(resourcesOf(correction), 'AllergyIntolerance');
    expect([retracted.id, retracted.meta?.versionId, codes(retracted.verificationStatus), retracted.clinicalStatus]).toEqual([sent.id, '2', ['entered-in-error'], undefined]);
    expect(retracted.meta!.lastUpdated! > sent.meta!.lastUpdated!).toBe(true);
    expect(correction.bundle.id).not.toBe(first.bundle.id);
    expect(margaret().feeds.indexOf(correction)).toBe(margaret().feeds.indexOf(first) + 1);
  });

  it('the feed mappings accept every new shape, and read the correction as a delete', () => {
    const [first, correction] = feedsOf(margaret(), 'P83005', 'gp');
    const gp = prepared(gpFeed, 'gp', GP, first.bundle);
    expect(gp.issues).toEqual([]);
    const [{ prepared: request }] = [...gp.byPatient.values()].flat().filter((e) => e.entry.resourceType === 'MedicationRequest') as any[];
    expect(request.item).toMatchObject({ current: true, courseOfTherapyType: { code: 'continuous' }, repeat: { numberOfRepeatsAllowed: 6, numberOfPrescriptionsIssued: 1, authorisationExpiryDate: '2027-03-15T00:00:00Z' } });
    const retraction = prepared(gpFeed, 'gp', GP, correction.bundle);
    expect(retraction.issues).toEqual([]);
    expect([...retraction.byPatient.values()].flat().map((e) => e.entry.method)).toEqual(['delete']);
    const acute = prepared(acuteFeed, 'acute', RM3, feedsOf(margaret(), 'RM3', 'acute')[0].bundle);
    expect(acute.issues).toEqual([]);
    const items = [...acute.byPatient.values()].flat().map((e: any) => e.prepared.item);
    expect(items.find((i) => i.code?.coding?.some((c: { code: string }) => c.code === '58410-2') && i.memberSourceIds?.length)?.memberSourceIds).toHaveLength(3);
    expect(items.find((i) => i.code?.code === '75367002')?.components).toHaveLength(2);
    // The community provider's feed: the episode with its referral, visits at home with the nurse as primary performer.
    const NR5: FeedingOrganisation = { odsCode: 'NR5', name: 'North East Sector Community Health Services', kind: 'community-provider', sharingStatus: 'active', sourceSystem: 'SystmOne' };
    const community = prepared(communityFeed, 'community', NR5, feedsOf(margaret(), 'NR5', 'community')[0].bundle);
    expect(community.issues).toEqual([]);
    const communityItems = [...community.byPatient.values()].flat().map((e: any) => e.prepared.item);
    expect(communityItems.find((i) => i.referralReason)).toMatchObject({ current: true, referralReason: 'Referral for leg ulcer care', leadClinician: 'Karen Lees' });
    expect(communityItems.filter((i) => i.location === "Patient's home").map((i) => i.participants[0].type[0].code)).toEqual(['PPRF', 'PPRF', 'PPRF', 'PPRF']);
  });

  it('keeps the volume per patient about the same (the benchmark dataset uses it): under 3% more resources', () => {
    const all = population.flatMap((p) => p.feeds.flatMap(resourcesOf));
    const added = all.filter((r) => (r.resourceType === 'Observation' && r.hasMember) || r.resourceType === 'MedicationRequest' || r.meta?.versionId === '2').length;
    expect(added / (all.length - added)).toBeLessThan(0.03);
  });
});

describe('the record’s new content reaches a new user (issue 18.7)', () => {
  const bundleOf = (p: SyntheticPatient, odsCode: string, target: Feed['target']) => feedsOf(p, odsCode, target)[0].bundle;
  /** A resource through an organisation's real feed mapping, its references resolved in the bundle it came in. */
  const mapped = (feed: SliceFeed, bundle: fhir4.Bundle, resource: fhir4.FhirResource) =>
    feedMapping(feed).map(resource, (bundle.entry ?? []).map((e) => ({ fullUrl: e.fullUrl, resource: e.resource as fhir4.FhirResource })))!;
  /** What this change added: GP observations, NKA statements, hospital and trust Conditions, allergies, procedures, trust scores. */
  const isNewContent = (feed: Feed, r: fhir4.FhirResource) =>
    (feed.target === 'gp' && r.resourceType === 'Observation') ||
    (feed.target === 'acute' && (r.resourceType === 'Condition' || r.resourceType === 'AllergyIntolerance' || r.resourceType === 'Procedure')) ||
    (feed.target === 'mental-health' && (r.resourceType === 'Condition' || r.resourceType === 'Observation')) ||
    (r.resourceType === 'AllergyIntolerance' && codes(r.code).some((c) => c === '716186003' || c === '409137002'));

  it('is valid FHIR R4 (the validator the feeds use), for the demo patients and 150 random ones', () => {
    const faults: string[] = [];
    let checked = 0;
    for (const p of population.slice(0, 155)) {
      for (const feed of p.feeds) {
        for (const r of resourcesOf(feed)) {
          if (!isNewContent(feed, r)) continue;
          checked++;
          for (const fault of fhirFaults(r)) faults.push(`${feed.odsCode} ${r.resourceType}/${r.id} ${fault.path}: ${fault.message}`);
        }
      }
    }
    expect(faults).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });

  it('Margaret: the same penicillin allergy from her GP and from A&E, under one SNOMED CT code, in each slice’s allergy panel', () => {
    const p = population[0];
    const gpBundle = bundleOf(p, 'P83005', 'gp');
    const acuteBundle = bundleOf(p, 'RM3', 'acute');
    const [gpAllergy] = ofType(resourcesOf(feedsOf(p, 'P83005', 'gp')[0]), 'AllergyIntolerance').filter((a) => codes(a.code).includes('91936005'));
    const hospitalAllergies = ofType(only(p, 'RM3', 'acute'), 'AllergyIntolerance');
    expect(hospitalAllergies.map((a) => codes(a.code))).toEqual([codes(gpAllergy.code)]);
    const [hospitalAllergy] = hospitalAllergies;
    const attendance = ofType(only(p, 'RM3', 'acute'), 'Encounter').find((e) => e.class.code === 'EMER')!;
    expect(hospitalAllergy.encounter?.reference).toBe(`Encounter/${attendance.id}`);
    expect([hospitalAllergy.criticality, hospitalAllergy.reaction?.[0].manifestation.flatMap(codes)]).toEqual(['high', ['39579001']]);
    expect(hospitalAllergy.recordedDate! >= attendance.period!.start! && hospitalAllergy.recordedDate! <= attendance.period!.end!).toBe(true);
    const fromHospital = mapped(acuteFeed, acuteBundle, hospitalAllergy);
    const fromGp = mapped(gpFeed, gpBundle, gpAllergy);
    expect([fromHospital.panel, fromGp.panel]).toEqual(['hospitalAllergies', 'allergies']);
    expect((fromHospital.fields.code as { code: string }).code).toBe((fromGp.fields.code as { code: string }).code);
    expect(fromHospital.fields).toMatchObject({ current: true, criticality: 'high', reaction: 'Anaphylaxis' });
  });

  it('Margaret: her fractured neck of femur is an encounter diagnosis of the admission, and the hip replacement names it (hospitalDiagnoses, hospitalProcedures)', () => {
    const p = population[0];
    const acute = only(p, 'RM3', 'acute');
    const bundle = bundleOf(p, 'RM3', 'acute');
    const admission = ofType(acute, 'Encounter').find((e) => e.class.code === 'IMP')!;
    const [diagnosis] = ofType(acute, 'Condition');
    expect(ofType(acute, 'Condition')).toHaveLength(1);
    expect([codes(diagnosis.code), diagnosis.category?.flatMap(codes), codes(diagnosis.clinicalStatus), diagnosis.encounter?.reference, diagnosis.bodySite?.[0].text]).toEqual([
      ['5913000'],
      ['encounter-diagnosis'],
      ['active'],
      `Encounter/${admission.id}`,
      'Left hip',
    ]);
    const [procedure] = ofType(acute, 'Procedure');
    expect([procedure.status, codes(procedure.code), procedure.reasonReference?.[0].reference, procedure.bodySite?.flatMap(codes), procedure.encounter?.reference]).toEqual([
      'completed',
      ['52734007'],
      `Condition/${diagnosis.id}`,
      ['29836001'],
      `Encounter/${admission.id}`,
    ]);
    // During the admission, which is still going on: after it began, before "now".
    expect(procedure.performedDateTime! > admission.period!.start! && procedure.performedDateTime! < REFERENCE_ISO).toBe(true);
    const diagnosisItem = mapped(acuteFeed, bundle, diagnosis);
    expect([diagnosisItem.panel, diagnosisItem.fields.current]).toEqual(['hospitalDiagnoses', true]);
    const procedureItem = mapped(acuteFeed, bundle, procedure);
    expect(procedureItem.panel).toBe('hospitalProcedures');
    expect(procedureItem.fields).toMatchObject({ status: 'completed', current: false, performedDate: procedure.performedDateTime, performers: ['Mr J Hargreaves'] });
    // A done operation is history, not current (the kit's events); its reason is the Condition
    // resolved within the bundle, so its code, not just a reference.
    expect((procedureItem.fields.reasons as { code: string }[]).map((r) => r.code)).toEqual(['5913000']);
    expect((procedureItem.fields.bodySite as { code: string; text: string | null }[]).map((b) => [b.code, b.text])).toEqual([['29836001', 'Left hip']]);
  });

  it("Margaret: her practice's referral to the falls service, its alert that she lives alone and her mother's osteoporosis map to referrals, alerts and familyHistory", () => {
    const gpResources = resourcesOf(feedsOf(population[0], 'P83005', 'gp')[0]);
    const { map } = feedMapping(gpFeed);
    const panelOf = (type: string) => gpResources.filter((r) => r.resourceType === type).map((r) => map(r)!.panel);
    expect({ referrals: panelOf('ServiceRequest'), alerts: panelOf('Flag'), family: panelOf('FamilyMemberHistory') }).toEqual({ referrals: ['referrals'], alerts: ['alerts'], family: ['familyHistory'] });
  });

  it('Margaret: blood pressure (85354-9, systolic and diastolic components) and weight (29463-7, kg) at the GP, three of each over the year (observations)', () => {
    const p = population[0];
    const gp = resourcesOf(feedsOf(p, 'P83005', 'gp')[0]);
    const bundle = bundleOf(p, 'P83005', 'gp');
    const observations = ofType(gp, 'Observation');
    const pressures = observations.filter((o) => codes(o.code).includes('85354-9'));
    const weights = observations.filter((o) => codes(o.code).includes('29463-7'));
    expect(pressures.map((o) => o.component?.map((c) => `${codes(c.code)[0]} ${c.valueQuantity?.value} ${c.valueQuantity?.code}`))).toEqual([
      ['8480-6 148 mm[Hg]', '8462-4 84 mm[Hg]'],
      ['8480-6 142 mm[Hg]', '8462-4 80 mm[Hg]'],
      ['8480-6 138 mm[Hg]', '8462-4 78 mm[Hg]'],
    ]);
    expect(weights.map((o) => [o.valueQuantity?.value, o.valueQuantity?.code, o.valueQuantity?.system])).toEqual([
      [61.2, 'kg', 'http://unitsofmeasure.org'],
      [60.4, 'kg', 'http://unitsofmeasure.org'],
      [58.9, 'kg', 'http://unitsofmeasure.org'],
    ]);
    for (const o of [...pressures, ...weights]) expect(o.category?.flatMap(codes)).toEqual(['vital-signs']);
    const bp = mapped(gpFeed, bundle, pressures[2]);
    expect(bp.panel).toBe('observations');
    expect((bp.fields.components as { code: { code: string }; value: { text: string } }[]).map((c) => [c.code.code, c.value.text])).toEqual([
      ['8480-6', '138 mmHg'],
      ['8462-4', '78 mmHg'],
    ]);
    expect(bp.fields).toMatchObject({ value: null, codeIsFinding: false, category: 'Vital Signs' });
    expect(mapped(gpFeed, bundle, weights[2]).fields).toMatchObject({ value: '58.9', unit: 'kg' });
  });

  it('Margaret: her medicines name the problem they treat (reasonReference, resolved to the Condition by the GP mapping)', () => {
    const p = population[0];
    const gp = resourcesOf(feedsOf(p, 'P83005', 'gp')[0]);
    const warfarin = ofType(gp, 'MedicationStatement').find((m) => m.medicationCodeableConcept?.text === 'Warfarin 1mg tablets')!;
    const item = mapped(gpFeed, bundleOf(p, 'P83005', 'gp'), warfarin);
    expect((item.fields.reasons as { code: string }[]).map((r) => r.code)).toEqual(['49436004']);
    const [repeat] = ofType(gp, 'MedicationRequest');
    expect((mapped(gpFeed, bundleOf(p, 'P83005', 'gp'), repeat).fields.reasons as { code: string }[]).map((r) => r.code)).toEqual(['38341003']);
  });

  it('smoking status (72166-2, social history, a SNOMED CT answer) for every adult demo patient, none for the child', () => {
    const statusOf = (index: number) =>
      ofType(resourcesOf(population[index].feeds.find((f) => f.target === 'gp')!), 'Observation')
        .filter((o) => codes(o.code).includes('72166-2'))
        .map((o) => [o.category?.flatMap(codes)[0], o.valueCodeableConcept?.coding?.[0].system, codes(o.valueCodeableConcept)[0]]);
    expect([0, 1, 2, 3, 4].map(statusOf)).toEqual([
      [['social-history', SYSTEMS.snomed, '266919005']],
      [['social-history', SYSTEMS.snomed, '77176002']],
      [],
      [['social-history', SYSTEMS.snomed, '8517006']],
      [['social-history', SYSTEMS.snomed, '266919005']],
    ]);
    const daniel = population[1].feeds.find((f) => f.target === 'gp')!;
    const [smoking] = ofType(resourcesOf(daniel), 'Observation');
    expect(mapped(gpFeed, daniel.bundle, smoking).fields).toMatchObject({ value: 'Smoker', category: 'Social History' });
  });

  it("Daniel: his practice's alert that he is at risk of suicide (225444004) is a GP risk alert (gpRiskAlerts), in force and restricted; the one raised in 2024 has ended, not current (H170: the emergency summary shows the first)", () => {
    const daniel = population[1].feeds.find((f) => f.target === 'gp')!;
    const flags = ofType(resourcesOf(daniel), 'Flag');
    expect(flags.map((r) => [codes(r.code)[0], r.status, r.meta?.security?.[0].code])).toEqual([['225444004', 'active', 'R'], ['225444004', 'inactive', 'R']]);
    expect(flags.map((r) => mapped(gpFeed, daniel.bundle, r)).map((m) => [m.panel, m.fields.current])).toEqual([['gpRiskAlerts', true], ['gpRiskAlerts', false]]);
  });

  it('Aisha: "no known allergies" from her GP is a statement (noKnownAllergies), never an allergy', () => {
    const p = population[4];
    const gp = resourcesOf(feedsOf(p, 'P85004', 'gp')[0]);
    const statements = ofType(gp, 'AllergyIntolerance');
    expect(statements.map((a) => [codes(a.code), codes(a.clinicalStatus), codes(a.verificationStatus), a.type, a.criticality, a.reaction])).toEqual([
      [['716186003'], ['active'], ['confirmed'], undefined, undefined, undefined],
    ]);
    const item = mapped(gpFeed, bundleOf(p, 'P85004', 'gp'), statements[0]);
    expect(item.panel).toBe('noKnownAllergies');
    expect(item.fields).toMatchObject({ scope: 'all', current: true });
  });

  it('Daniel: his depressive disorder (35489007) and PHQ-9 total scores (44261-6) from the trust (mentalHealthDiagnoses, mentalHealthObservations)', () => {
    const p = population[1];
    const mh = only(p, 'RT2', 'mental-health');
    const bundle = bundleOf(p, 'RT2', 'mental-health');
    const [diagnosis] = ofType(mh, 'Condition');
    expect([codes(diagnosis.code), codes(diagnosis.clinicalStatus)]).toEqual([['35489007'], ['active']]);
    expect(mapped(mentalHealthFeed, bundle, diagnosis)).toMatchObject({ panel: 'mentalHealthDiagnoses', fields: { current: true, code: { code: '35489007' } } });
    const scores = ofType(mh, 'Observation');
    expect(scores.map((o) => [codes(o.code)[0], o.category?.flatMap(codes)[0], o.valueInteger])).toEqual([
      ['44261-6', 'survey', 21],
      ['44261-6', 'survey', 16],
      ['44261-6', 'survey', 12],
    ]);
    expect(mapped(mentalHealthFeed, bundle, scores[2])).toMatchObject({ panel: 'mentalHealthObservations', fields: { value: '12', category: 'Survey', effectiveDate: '2026-10-12T11:20:00Z' } });
    // The registry's relationship comes from the episode alone, not from a diagnosis or score.
    expect(only(p, 'RT2', 'registry').map((r) => r.resourceType)).toEqual(['EpisodeOfCare']);
  });

  it('Daniel: the doses of sertraline the home treatment team watched him take (mentalHealthMedicationAdministrations, by mouth) and his CPA review and next outpatient appointment (mentalHealthAppointments), so the demo shows Medicines given and Appointments', () => {
    const p = population[1];
    const mh = only(p, 'RT2', 'mental-health');
    const bundle = bundleOf(p, 'RT2', 'mental-health');
    const doses = ofType(mh, 'MedicationAdministration');
    // The medicine the GP prescribes him (the same dm+d code): given, not a second medicine.
    const gpSertraline = ofType(only(p, 'P86003', 'gp'), 'MedicationStatement')[0].medicationCodeableConcept?.coding?.[0].code;
    expect(doses.map((d) => [d.status, d.effectiveDateTime, d.medicationCodeableConcept?.coding?.[0].code, d.dosage?.route?.coding?.[0].display])).toEqual([
      ['completed', '2026-09-07T09:30:00Z', gpSertraline, 'Oral route'],
      ['completed', '2026-09-08T09:30:00Z', gpSertraline, 'Oral route'],
    ]);
    expect(mapped(mentalHealthFeed, bundle, doses[1])).toMatchObject({ panel: 'mentalHealthMedicationAdministrations', fields: { status: 'completed', given: true, notGiven: false } });
    const appointments = ofType(mh, 'Appointment');
    expect(appointments.map((a) => [a.status, a.serviceType?.[0].text])).toEqual([['fulfilled', 'Care Programme Approach review'], ['booked', 'Psychiatry outpatient clinic']]);
    expect(mapped(mentalHealthFeed, bundle, appointments[1])).toMatchObject({ panel: 'mentalHealthAppointments', fields: { status: 'booked', current: true } });
    // Neither makes a care relationship: that is still the episode's alone.
    expect(only(p, 'RT2', 'registry').map((r) => r.resourceType)).toEqual(['EpisodeOfCare']);
  });

  it('the demo fills every combined section (issue 18.7): care plans, devices, advance decisions, immunisations and a nil-known medications List, each valid FHIR R4 and landing in its panel through the real GP feed', () => {
    const gpOf = (index: number) => {
      const p = population[index];
      const bundle = bundleOf(p, p.practiceOdsCode, 'gp');
      return { bundle, resources: resourcesOf(feedsOf(p, p.practiceOdsCode, 'gp')[0]) };
    };
    const margaret = gpOf(0);
    const peter = gpOf(3);
    const aisha = gpOf(4);
    const added = [
      ...['Device', 'DeviceUseStatement', 'Consent', 'Immunization'].flatMap((t) => ofType(margaret.resources, t as never)),
      ...['CarePlan', 'Immunization'].flatMap((t) => ofType(peter.resources, t as never)),
      ...ofType(aisha.resources, 'List'),
    ] as fhir4.FhirResource[];
    expect(added.flatMap((r) => fhirFaults(r).map((f) => `${r.resourceType}/${r.id} ${f.path}: ${f.message}`))).toEqual([]);

    // Margaret: her flu and pneumococcal vaccinations, her hearing aid (its Device in the same feed), her advance decision refusing CPR.
    expect(ofType(margaret.resources, 'Immunization').map((i) => codes(i.vaccineCode)[0])).toEqual(['12866006', '822851000000102']);
    const [hearingAid] = ofType(margaret.resources, 'DeviceUseStatement');
    expect(mapped(gpFeed, margaret.bundle, hearingAid)).toMatchObject({ panel: 'medicalDevices', fields: { device: { code: '6012004' }, status: 'active', current: true } });
    const [decision] = ofType(margaret.resources, 'Consent');
    expect(mapped(gpFeed, margaret.bundle, decision)).toMatchObject({ panel: 'advanceDecisions', fields: { status: 'active', current: true, provisionType: 'deny', provisionCodes: [{ code: '89666000' }] } });

    // Peter: a diabetes self-management plan addressing his diabetes, in force.
    const [plan] = ofType(peter.resources, 'CarePlan');
    const diabetes = ofType(peter.resources, 'Condition').find((c) => codes(c.code).includes('44054006'))!;
    expect(plan.addresses).toEqual([{ reference: `Condition/${diabetes.id}` }]);
    expect(mapped(gpFeed, peter.bundle, plan)).toMatchObject({ panel: 'carePlans', fields: { title: 'Diabetes self-management plan', current: true } });
    expect(ofType(peter.resources, 'Immunization').map((i) => codes(i.vaccineCode)[0])).toEqual(['822851000000102']);

    // Aisha: her medications List, empty because nothing is known: a "no current medications" statement, never a medicine.
    const [medicationsList] = ofType(aisha.resources, 'List');
    expect([codes(medicationsList.code), medicationsList.entry, codes(medicationsList.emptyReason)]).toEqual([['933361000000108'], undefined, ['nilknown']]);
    expect(mapped(gpFeed, aisha.bundle, medicationsList)).toMatchObject({ panel: 'noCurrentMedications', fields: { current: true, list: { code: '933361000000108' } } });
    expect([...ofType(aisha.resources, 'MedicationStatement'), ...ofType(aisha.resources, 'MedicationRequest')]).toEqual([]);
  });

  it('random patients: in plausible proportions, every admission with its diagnosis, every fractured neck of femur operated on, and every feed accepted whole', () => {
    const share = (pred: (p: SyntheticPatient) => boolean, of = population.slice(5)) => of.filter(pred).length / of.length;
    const gpObservations = (p: SyntheticPatient) => ofType(p.feeds.filter((f) => f.target === 'gp').flatMap(resourcesOf), 'Observation');
    const adults = population.slice(5).filter((p) => p.patient.birthDate! <= '2008-11-01');
    expect(share((p) => gpObservations(p).some((o) => codes(o.code).includes('72166-2')), adults)).toBeGreaterThan(0.7);
    expect(share((p) => gpObservations(p).some((o) => codes(o.code).includes('85354-9')))).toBeGreaterThan(0.2);
    expect(share((p) => gpObservations(p).some((o) => codes(o.code).includes('29463-7')))).toBeGreaterThan(0.1);
    const nka = share((p) => p.feeds.some((f) => f.target === 'gp' && ofType(resourcesOf(f), 'AllergyIntolerance').some((a) => codes(a.code).includes('716186003') || codes(a.code).includes('409137002'))));
    expect(nka).toBeGreaterThan(0.08);
    expect(nka).toBeLessThan(0.3);

    let admissions = 0;
    let hipFractures = 0;
    for (const p of population.slice(5)) {
      const acute = p.feeds.filter((f) => f.target === 'acute').flatMap(resourcesOf);
      const inpatient = ofType(acute, 'Encounter').filter((e) => e.class.code === 'IMP');
      const diagnoses = ofType(acute, 'Condition');
      admissions += inpatient.length;
      expect(diagnoses.map((d) => d.encounter?.reference).sort()).toEqual(inpatient.map((e) => `Encounter/${e.id}`).sort());
      const fractures = diagnoses.filter((d) => codes(d.code).includes('5913000'));
      hipFractures += fractures.length;
      expect(ofType(acute, 'Procedure').map((x) => x.reasonReference?.[0].reference)).toEqual(fractures.map((d) => `Condition/${d.id}`));
    }
    expect(admissions).toBeGreaterThan(20);
    expect(hipFractures).toBeGreaterThan(0);
    const withMh = population.slice(5).filter((p) => p.feeds.some((f) => f.target === 'mental-health'));
    expect(share((p) => p.feeds.some((f) => f.target === 'mental-health' && resourcesOf(f).some((r) => r.resourceType === 'Condition')), withMh)).toBeGreaterThan(0.6);

    // Through the real feed targets (FHIR validation, then each mapping): nothing refused.
    const targets: Partial<Record<Feed['target'], [SliceFeed, FeedingOrganisation['kind']]>> = { gp: [gpFeed, 'gp-practice'], acute: [acuteFeed, 'acute-trust'], 'mental-health': [mentalHealthFeed, 'mental-health-trust'] };
    const issues: string[] = [];
    for (const p of population.slice(0, 80)) {
      for (const f of p.feeds) {
        const target = targets[f.target];
        if (!target) continue;
        const organisation: FeedingOrganisation = { odsCode: f.odsCode, name: f.odsCode, kind: target[1], sharingStatus: 'active', sourceSystem: 'synthetic' };
        for (const issue of prepared(target[0], f.target, organisation, f.bundle).issues) issues.push(`${p.index} ${f.target}: ${JSON.stringify(issue)}`);
      }
    }
    expect(issues).toEqual([]);
  });

  it('adds about one resource in seven, most of them GP observations (the benchmark dataset grows with it; bench/dataset.ts re-seeds when the generator changes)', () => {
    const feeds = population.flatMap((p) => p.feeds);
    const all = feeds.flatMap((f) => resourcesOf(f).map((r) => [f, r] as const));
    const added = all.filter(([f, r]) => isNewContent(f, r)).length;
    expect(added / (all.length - added)).toBeGreaterThan(0.05);
    expect(added / (all.length - added)).toBeLessThan(0.2);
  });
});

describe('streaming', () => {
  // How fast it generates is the benchmark's business (npm run bench), not a timed test's.
  it('yields feeds patient by patient, without building the population first', () => {
    const feeds = generateFeeds({ patients: 100, from: 10_000 });
    const first = feeds[Symbol.iterator]().next();
    expect(first.done).toBe(false);
    let count = 1;
    for (const feed of feeds) if (feed.bundle) count++;
    expect(count).toBeGreaterThan(200);
  });
});
