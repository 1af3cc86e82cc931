/**
 * Names beside codes, the same way everywhere in the console: "Dr Aisha Rahman (uid demo-gp-…)",
 * "Bury Central Medical Practice (P83005)". A name the trail does not know says so rather than
 * leaving the code alone.
 */

export interface NamedUser {
  id: string;
  name?: string | null;
  odsCode: string;
  organisationName?: string | null;
  jobRole?: string | null;
  roleName?: string | null;
  profile?: string | null;
  profileName?: string | null;
}

const named = (name: string | null | undefined, code: string | null | undefined, unknown: string) =>
  code ? `${name ?? unknown} (${code})` : (name ?? unknown);

export const userLabel = (user: Pick<NamedUser, 'id' | 'name'>) => `${user.name ?? 'Name not recorded'} (uid ${user.id})`;
export const organisationLabel = (name: string | null | undefined, odsCode: string) => named(name, odsCode, 'Organisation not in the register');
export const roleLabel = (name: string | null | undefined, jobRole: string | null | undefined) => named(name, jobRole, 'Role not in the policy');
export const profileLabel = (name: string | null | undefined, profile: string | null | undefined) => named(name, profile, 'Profile not in the policy');

/** Category names with their codes, in the order the trail gives them. */
export const categoriesLabel = (codes: readonly string[], names: readonly string[], panels: readonly string[] = []) =>
  codes.length ? `${codes.map((code, i) => `${names[i] ?? code} (${code})`).join(', ')}${panels.length ? `; in the panels ${panels.join(', ')}` : ''}` : 'Nothing shown';

/** NHS numbers as people read them: 999 313 3701. */
export const nhsNumberLabel = (nhsNumber: string | null | undefined) => (nhsNumber ? nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3') : 'No one patient');

/** Times in England's clock time, as the rest of the record shows them. */
export const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }) : 'Not known';

export const REVIEW_OUTCOMES: Array<[value: 'APPROPRIATE' | 'INAPPROPRIATE' | 'NEEDS_FOLLOW_UP', label: string]> = [
  ['APPROPRIATE', 'Appropriate: the access was justified'],
  ['INAPPROPRIATE', 'Inappropriate: take it up under the information governance policy'],
  ['NEEDS_FOLLOW_UP', 'Needs follow-up: keep it open'],
];

export const outcomeLabel = (outcome: string) => REVIEW_OUTCOMES.find(([value]) => value === outcome)?.[1].split(':')[0] ?? outcome;

export const BREAK_GLASS_REASONS: Record<string, string> = {
  EMERGENCY_CARE: 'Emergency care: the patient is unable to consent',
  RISK_OF_HARM: 'Immediate risk to the patient or to others',
  RELATIONSHIP_NOT_YET_RECORDED: 'Care has started; the relationship is not recorded yet',
  OTHER: 'Another reason',
};
export const reasonLabel = (reason: string) => `${BREAK_GLASS_REASONS[reason] ?? reason} (${reason})`;
