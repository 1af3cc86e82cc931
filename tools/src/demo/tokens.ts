import jwt from 'jsonwebtoken';
import { DEV_ISSUER, ensureLocalSecrets, readSecret, USER_AUDIENCE } from '@shareforyou/kit';
import type { DemoUser } from './users';

/**
 * The local stand-in for NHS CIS2: tokens shaped like CIS2's (a selected role pointing into
 * nhsid_nrbac_roles), signed with the dev identity provider key in .secrets/.
 */


/** The local client application tokens are issued to (CIS2's `azp`), unless a caller names another. */
export const DEV_CLIENT_ID = 'shareforyou-dev-client';

/** CIS2 carries the family name apart; the demo users have one name, so its last word stands in. */
export const familyNameOf = (name: string) => name.trim().split(/\s+/).pop() ?? name;

export function userToken(
  user: Pick<DemoUser, 'userId' | 'name' | 'odsCode' | 'jobRole' | 'roleName'> & { familyName?: string },
  options: { expiresInSeconds?: number; clientId?: string | null } = {},
): string {
  ensureLocalSecrets();
  const roleId = `role-${user.userId}`;
  const clientId = options.clientId === undefined ? DEV_CLIENT_ID : options.clientId;
  return jwt.sign(
    {
      name: user.name,
      family_name: user.familyName ?? familyNameOf(user.name),
      ...(clientId ? { azp: clientId } : {}),
      selected_roleid: roleId,
      nhsid_nrbac_roles: [{ person_roleid: roleId, org_code: user.odsCode, role_code: `S0000:G0000:${user.jobRole}`, role_name: user.roleName }],
    },
    readSecret('devIdentityProviderPrivate'),
    { algorithm: 'RS256', issuer: DEV_ISSUER, audience: USER_AUDIENCE, subject: user.userId, expiresIn: options.expiresInSeconds ?? 8 * 3600 },
  );
}

/**
 * A patient's own token, as a patient portal's sign-in (NHS login-shaped: the NHS number at the
 * highest proofing level) would give it. Kept apart from the staff tokens: the local identity
 * provider will issue it too.
 */
export function patientToken(nhsNumber: string, options: { expiresInSeconds?: number } = {}): string {
  ensureLocalSecrets();
  return jwt.sign({ nhs_number: nhsNumber, identity_proofing_level: 'P9', azp: 'shareforyou-patient-portal' }, readSecret('devIdentityProviderPrivate'), {
    algorithm: 'RS256',
    issuer: DEV_ISSUER,
    audience: USER_AUDIENCE,
    subject: `patient-${nhsNumber}`,
    expiresIn: options.expiresInSeconds ?? 3600,
  });
}
