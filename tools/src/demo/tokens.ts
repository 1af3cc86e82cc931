import jwt from 'jsonwebtoken';
import { DEV_ISSUER, ensureLocalSecrets, readSecret, USER_AUDIENCE } from '@shareforyou/kit';
import type { DemoUser } from './users';

/**
 * The local stand-in for NHS CIS2: tokens shaped like CIS2's (a selected role pointing into
 * nhsid_nrbac_roles), signed with the dev identity provider key in .secrets/.
 */


export function userToken(user: Pick<DemoUser, 'userId' | 'name' | 'odsCode' | 'jobRole' | 'roleName'>, options: { expiresInSeconds?: number } = {}): string {
  ensureLocalSecrets();
  const roleId = `role-${user.userId}`;
  return jwt.sign(
    {
      name: user.name,
      selected_roleid: roleId,
      nhsid_nrbac_roles: [{ person_roleid: roleId, org_code: user.odsCode, role_code: `S0000:G0000:${user.jobRole}`, role_name: user.roleName }],
    },
    readSecret('devIdentityProviderPrivate'),
    { algorithm: 'RS256', issuer: DEV_ISSUER, audience: USER_AUDIENCE, subject: user.userId, expiresIn: options.expiresInSeconds ?? 8 * 3600 },
  );
}
