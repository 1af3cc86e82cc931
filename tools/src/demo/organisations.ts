/**
 * The organisation register the demo and the tests start from: who takes part in the data sharing
 * framework, and which subgraph holds each one's slice. Codes are in ODS format; the data is synthetic.
 */

/** A kind of organisation: a key of schema/organisation-kinds.yaml (checked when the register is written). */
export type OrganisationKind = string;

/** active: a signed party; suspended: signed, access paused; not-party: never signed. */
export type SharingStatus = 'active' | 'suspended' | 'not-party';

export interface OrganisationRecord {
  odsCode: string;
  name: string;
  kind: OrganisationKind;
  sharingStatus: SharingStatus;
  locality: string;
  /** The source system that feeds this organisation's slice. */
  sourceSystem: string | null;
}

export const organisations: OrganisationRecord[] = [
  { odsCode: 'P83005', name: 'Bury Central Medical Practice', kind: 'gp-practice', sharingStatus: 'active', locality: 'Bury', sourceSystem: 'EMIS Web' },
  { odsCode: 'P83012', name: 'Ramsbottom Health Centre', kind: 'gp-practice', sharingStatus: 'active', locality: 'Bury', sourceSystem: 'EMIS Web' },
  { odsCode: 'P86003', name: 'Rochdale Road Surgery', kind: 'gp-practice', sharingStatus: 'active', locality: 'Rochdale', sourceSystem: 'TPP SystmOne' },
  { odsCode: 'P86010', name: 'Heywood Family Practice', kind: 'gp-practice', sharingStatus: 'active', locality: 'Heywood, Middleton and Rochdale', sourceSystem: 'TPP SystmOne' },
  { odsCode: 'P85004', name: 'Oldham Werneth Medical Centre', kind: 'gp-practice', sharingStatus: 'active', locality: 'Oldham', sourceSystem: 'EMIS Web' },
  { odsCode: 'P85017', name: 'Chadderton Park Surgery', kind: 'gp-practice', sharingStatus: 'active', locality: 'Oldham', sourceSystem: 'EMIS Web' },
  { odsCode: 'RM3', name: 'Northern Care Alliance NHS Foundation Trust', kind: 'acute-trust', sharingStatus: 'active', locality: 'North East Sector', sourceSystem: 'Allscripts Sunrise' },
  { odsCode: 'RT2', name: 'Pennine Care NHS Foundation Trust', kind: 'mental-health-trust', sharingStatus: 'active', locality: 'North East Sector', sourceSystem: 'Paris' },
  { odsCode: 'NR5', name: 'North East Sector Community Health Services', kind: 'community-provider', sharingStatus: 'active', locality: 'North East Sector', sourceSystem: 'TPP SystmOne Community' },
  { odsCode: 'LA351', name: 'Bury Council Adult and Children’s Social Care', kind: 'local-authority', sharingStatus: 'active', locality: 'Bury', sourceSystem: 'Liquidlogic LAS' },
  { odsCode: 'LA354', name: 'Rochdale Borough Council Social Care', kind: 'local-authority', sharingStatus: 'active', locality: 'Heywood, Middleton and Rochdale', sourceSystem: 'Liquidlogic LAS' },
  { odsCode: 'LA353', name: 'Oldham Council Social Care', kind: 'local-authority', sharingStatus: 'active', locality: 'Oldham', sourceSystem: 'Mosaic' },
  { odsCode: 'Y02GM', name: 'Greater Manchester Shared Services (record host)', kind: 'record-host', sharingStatus: 'active', locality: 'Greater Manchester', sourceSystem: null },
  { odsCode: 'NPX01', name: 'Withington Private Clinic', kind: 'independent-provider', sharingStatus: 'not-party', locality: 'Manchester', sourceSystem: null },
];
