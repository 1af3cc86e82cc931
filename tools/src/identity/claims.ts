import type { DemoRole, DemoUser } from '../demo/users';

/**
 * The claims NHS CIS2 gives the care record, for a demo user in one of their roles: every role the
 * person holds in nhsid_nrbac_roles (organisation and S:G:R job role code), the one chosen at
 * sign-in in selected_roleid, and the name. One place, used by the sign-in page and `npm run token`.
 */

export type TokenUser = Pick<DemoUser, 'userId' | 'name' | keyof DemoRole> & { otherRoles?: DemoRole[] };

export interface HeldRole extends DemoRole {
  roleId: string;
}

export function rolesOf(user: TokenUser): HeldRole[] {
  const first: HeldRole = { roleId: `role-${user.userId}`, odsCode: user.odsCode, jobRole: user.jobRole, roleName: user.roleName };
  return [first, ...(user.otherRoles ?? []).map((role, i) => ({ ...role, roleId: `role-${user.userId}-${i + 2}` }))];
}

/** "Dr Aisha Rahman" -> given Aisha, family Rahman (titles are not names). */
function nameParts(name: string): { given_name: string; family_name: string } {
  const words = name.replace(/^(Dr|Mr|Mrs|Ms|Miss|Prof)\s+/i, '').trim().split(/\s+/);
  return { family_name: words.at(-1) ?? name, given_name: words.slice(0, -1).join(' ') };
}

export function cis2Claims(user: TokenUser, selectedRoleId = rolesOf(user)[0].roleId) {
  const roles = rolesOf(user);
  if (!roles.some((r) => r.roleId === selectedRoleId)) throw new Error(`${user.name} holds no role ${selectedRoleId}`);
  return {
    name: user.name,
    ...nameParts(user.name),
    selected_roleid: selectedRoleId,
    nhsid_nrbac_roles: roles.map((r) => ({ person_roleid: r.roleId, org_code: r.odsCode, role_code: `S0000:G0000:${r.jobRole}`, role_name: r.roleName })),
  };
}
