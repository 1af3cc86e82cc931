/**
 * Demo users, one per kind of person the record serves (and one it must refuse). Job role codes are
 * NHS national RBAC codes; the policy (schema/policy.yaml) maps them to profiles.
 */
export interface DemoRole {
  odsCode: string;
  jobRole: string;
  roleName: string;
}

/** The role fields are the user's first role (what `npm run token` selects); otherRoles, if any, the rest. */
export interface DemoUser extends DemoRole {
  key: string;
  userId: string;
  name: string;
  describes: string;
  /** More roles the person holds, as a smartcard user may: the sign-in page asks which one. */
  otherRoles?: DemoRole[];
}

export const demoUsers: DemoUser[] = [
  { key: 'gp', userId: 'demo-gp-aisha-rahman', name: 'Dr Aisha Rahman', odsCode: 'P83005', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role', describes: 'GP at Bury Central Medical Practice' },
  { key: 'ae-doctor', userId: 'demo-ae-tom-whitworth', name: 'Dr Tom Whitworth', odsCode: 'RM3', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role', describes: 'A&E doctor at Northern Care Alliance' },
  { key: 'ae-locum', userId: 'demo-ae-hannah-clegg', name: 'Dr Hannah Clegg', odsCode: 'RM3', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role', describes: 'Locum A&E doctor at Northern Care Alliance (the viewer tests break glass as her)' },
  { key: 'social-worker', userId: 'demo-sw-kerry-lord', name: 'Kerry Lord', odsCode: 'LA351', jobRole: 'R0243', roleName: 'Social Care Worker', describes: 'Social worker, Bury Council' },
  { key: 'receptionist', userId: 'demo-rec-gemma-holt', name: 'Gemma Holt', odsCode: 'P83005', jobRole: 'R8009', roleName: 'Receptionist', describes: 'Receptionist at Bury Central Medical Practice' },
  { key: 'privacy-officer', userId: 'demo-po-priya-desai', name: 'Priya Desai', odsCode: 'Y02GM', jobRole: 'R0001', roleName: 'Privacy Officer', describes: 'Privacy officer for the shared record' },
  { key: 'non-party', userId: 'demo-np-sam-jones', name: 'Dr Sam Jones', odsCode: 'NPX01', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role', describes: 'Doctor at a clinic that has not signed the data sharing framework' },
  { key: 'mh-clinician', userId: 'demo-mh-ola-adeyemi', name: 'Dr Ola Adeyemi', odsCode: 'RT2', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role', describes: 'Psychiatrist at Pennine Care' },
  { key: 'community-nurse', userId: 'demo-cn-jo-pickering', name: 'Jo Pickering', odsCode: 'NR5', jobRole: 'R8001', roleName: 'Nurse Access Role', describes: 'District nurse, community services',
    otherRoles: [{ odsCode: 'P83005', jobRole: 'R8001', roleName: 'Nurse Access Role (practice nurse sessions)' }] },
  { key: 'other-gp', userId: 'demo-gp2-li-wei', name: 'Dr Li Wei', odsCode: 'P86003', jobRole: 'R8000', roleName: 'Clinical Practitioner Access Role', describes: 'GP at Rochdale Road Surgery (not Margaret’s practice)' },
];

export function findDemoUser(key: string): DemoUser {
  const user = demoUsers.find((u) => u.key === key);
  if (!user) throw new Error(`No demo user "${key}". Demo users: ${demoUsers.map((u) => u.key).join(', ')}`);
  return user;
}
