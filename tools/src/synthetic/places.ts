/**
 * Where synthetic patients live and which organisations serve them: towns of the North East Sector,
 * their postcode districts and sectors, the council for each town, and the organisations that hold
 * data, all checked against the organisation register (tools/src/demo/organisations.ts).
 * Only organisations whose kind has a subgraph, and never a non-party organisation, are used.
 */

import { organisations, type OrganisationKind, type OrganisationRecord } from '../demo/organisations';
import { organisationKind } from '@shareforyou/schema';
import type { Rng } from './prng';

export type Town = 'Bury' | 'Ramsbottom' | 'Rochdale' | 'Heywood' | 'Middleton' | 'Oldham' | 'Chadderton';
export type Borough = 'Bury' | 'Rochdale' | 'Oldham';

interface TownInfo {
  borough: Borough;
  /** Outward code → usable sector digits. */
  districts: Readonly<Record<string, readonly number[]>>;
  /** The acute hospital (part of RM3) that serves the town. */
  hospital: string;
  outpatientSite: string;
}

export const towns: Readonly<Record<Town, TownInfo>> = {
  Bury: { borough: 'Bury', districts: { BL9: [0, 5, 6, 7, 8, 9], BL8: [1, 2] }, hospital: 'Fairfield General Hospital', outpatientSite: 'Fairfield General Hospital' },
  Ramsbottom: { borough: 'Bury', districts: { BL0: [0, 9] }, hospital: 'Fairfield General Hospital', outpatientSite: 'Fairfield General Hospital' },
  Rochdale: { borough: 'Rochdale', districts: { OL11: [1, 2, 3, 4], OL12: [0, 6, 7, 9], OL16: [1, 2, 3, 4, 5] }, hospital: 'Royal Oldham Hospital', outpatientSite: 'Rochdale Infirmary' },
  Heywood: { borough: 'Rochdale', districts: { OL10: [1, 2, 3, 4] }, hospital: 'Royal Oldham Hospital', outpatientSite: 'Rochdale Infirmary' },
  Middleton: { borough: 'Rochdale', districts: { M24: [1, 2, 4, 5, 6] }, hospital: 'North Manchester General Hospital', outpatientSite: 'Rochdale Infirmary' },
  Oldham: { borough: 'Oldham', districts: { OL8: [1, 2, 3, 4], OL1: [1, 2, 3, 4], OL9: [6, 7] }, hospital: 'Royal Oldham Hospital', outpatientSite: 'Royal Oldham Hospital' },
  Chadderton: { borough: 'Oldham', districts: { OL9: [0, 8, 9] }, hospital: 'Royal Oldham Hospital', outpatientSite: 'Royal Oldham Hospital' },
};

/** Where each practice's patients live: towns with weights. */
const practiceTowns: Readonly<Record<string, readonly (readonly [Town, number])[]>> = {
  P83005: [['Bury', 1]],
  P83012: [['Ramsbottom', 4], ['Bury', 1]],
  P86003: [['Rochdale', 1]],
  P86010: [['Heywood', 3], ['Middleton', 2]],
  P85004: [['Oldham', 1]],
  P85017: [['Chadderton', 3], ['Oldham', 1]],
};

/** The council (local authority, social care) for each borough. */
const boroughCouncil: Readonly<Record<Borough, string>> = { Bury: 'LA351', Rochdale: 'LA354', Oldham: 'LA353' };

function isContributing(org: OrganisationRecord): boolean {
  return org.sharingStatus !== 'not-party' && organisationKind(org.kind).subgraph !== null;
}

/** A contributing organisation from the register, or an error naming what is wrong. */
export function contributingOrganisation(odsCode: string, kind: OrganisationKind): OrganisationRecord {
  const org = organisations.find((o) => o.odsCode === odsCode);
  if (!org) throw new Error(`synthetic data: organisation ${odsCode} is not in the register`);
  if (org.kind !== kind) throw new Error(`synthetic data: organisation ${odsCode} is a ${org.kind}, expected ${kind}`);
  if (!isContributing(org)) throw new Error(`synthetic data: organisation ${odsCode} does not contribute data`);
  return org;
}

function firstOfKind(kind: OrganisationKind): OrganisationRecord {
  const org = organisations.find((o) => o.kind === kind && isContributing(o));
  if (!org) throw new Error(`synthetic data: the register has no contributing ${kind}`);
  return org;
}

export interface ServiceMap {
  practices: readonly OrganisationRecord[];
  acute: OrganisationRecord;
  mentalHealth: OrganisationRecord;
  community: OrganisationRecord;
  councils: Readonly<Record<Borough, OrganisationRecord>>;
}

let cached: ServiceMap | undefined;

/** The organisations synthetic data is generated for, resolved once from the register. */
export function services(): ServiceMap {
  if (cached) return cached;
  const practices = organisations.filter((o) => o.kind === 'gp-practice' && isContributing(o) && practiceTowns[o.odsCode] !== undefined);
  if (practices.length === 0) throw new Error('synthetic data: no contributing GP practice with known towns');
  cached = {
    practices,
    acute: firstOfKind('acute-trust'),
    mentalHealth: firstOfKind('mental-health-trust'),
    community: firstOfKind('community-provider'),
    councils: {
      Bury: contributingOrganisation(boroughCouncil.Bury, 'local-authority'),
      Rochdale: contributingOrganisation(boroughCouncil.Rochdale, 'local-authority'),
      Oldham: contributingOrganisation(boroughCouncil.Oldham, 'local-authority'),
    },
  };
  return cached;
}

export function organisationName(odsCode: string): string {
  return organisations.find((o) => o.odsCode === odsCode)?.name ?? odsCode;
}

export function townsForPractice(odsCode: string): readonly (readonly [Town, number])[] {
  const list = practiceTowns[odsCode];
  if (!list) throw new Error(`synthetic data: no towns known for practice ${odsCode}`);
  return list;
}

export function councilForTown(town: Town): OrganisationRecord {
  return services().councils[towns[town].borough];
}

/** Letters used in the inward code's unit (never C, I, K, M, O, V). */
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export function pickPostcode(rng: Rng, town: Town): string {
  const districts = towns[town].districts;
  const outward = rng.pick(Object.keys(districts));
  const sector = rng.pick(districts[outward]);
  return `${outward} ${sector}${rng.pick(INWARD_LETTERS.split(''))}${rng.pick(INWARD_LETTERS.split(''))}`;
}

const streets = [
  'Manchester Road', 'Bolton Road', 'Rochdale Road', 'Church Street', 'Market Street', 'Bury Road', 'Oldham Road',
  'Victoria Street', 'Park Road', 'Queen Street', 'Spring Lane', 'Hollins Lane', 'Walmersley Road', 'Bridge Street',
  'Mill Lane', 'Station Road', 'Albert Street', 'Union Street', 'Hollin Lane', 'Crompton Way', 'Milnrow Road',
  'Whitworth Road', 'Ashton Road', 'Huddersfield Road', 'Broadway', 'Kingsway', 'Moss Lane', 'Green Lane',
  'Cemetery Road', 'Heap Bridge', 'Bamford Road', 'Castleton Road',
];

export function pickStreetLine(rng: Rng): string {
  return `${rng.int(1, 180)} ${rng.pick(streets)}`;
}

/** Ofcom's drama ranges: 07700 900000–900999 (mobile) and 0161 496 0000–0999 (Manchester). */
export function pickMobile(rng: Rng): string {
  return `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
}

export function pickLandline(rng: Rng): string {
  return `0161 496 0${String(rng.int(0, 999)).padStart(3, '0')}`;
}
