import { loadPolicy, profileMayBreakGlass, profileMaySee, type AccessPolicy } from '@shareforyou/schema';
import { careRecordError, ErrorCode } from '../errors';
import type { BreakGlassRecord, PatientAccessRecord } from './accessRecords';

/**
 * Every patient-level access decision, in one pure function: may this user (or this source
 * system) do this, for this patient, now? The gateway asks it for every request (role, party), each
 * subgraph for every patient it serves (opt-out, relationship, break-glass), the registry for its
 * actions (trace, opt-out, break-glass) and the feed endpoint for every organisation and patient it
 * writes. The checks run in one order, so the same facts always give the same answer:
 *   1. the role may perform the action (policy)          -> FORBIDDEN_ACTION
 *      and a launched sign-in acts on its patient only    -> FORBIDDEN_ACTION
 *   2. the organisation is an active party                -> ORGANISATION_NOT_PARTY
 *   3. the patient has a shared record (not opted out)    -> NO_SHARED_RECORD
 *   4. the action's own condition (relationship or break-glass; registered practice)
 *                                                         -> NO_CARE_RELATIONSHIP / FORBIDDEN_ACTION
 * Field-level rules (which fields a role sees) are the kit's field rules, built from the same policy.
 */

export type AccessAction =
  /** Use the record at all (the gateway, before any patient is named). */
  | 'useRecord'
  | 'openRecord'
  | 'tracePatient'
  | 'recordOptOut'
  | 'declareBreakGlass'
  /** A source system writes its organisation's slice (the feed endpoint). */
  | 'feed';

/** The policy category each user action needs (schema/policy.yaml, kind: action). */
const ACTION_CATEGORY: Partial<Record<AccessAction, string>> = {
  openRecord: 'recordAccess',
  tracePatient: 'patientTrace',
  recordOptOut: 'optOutRecording',
  declareBreakGlass: 'breakGlassDeclaring',
};

export type SharingStatus = 'active' | 'suspended' | 'not-party';

export interface AccessRequest {
  action: AccessAction;
  /**
   * A user (with the policy profile of their selected role) or a source system (no profile). A
   * user signed in by a SMART launch with patient-level scopes has the launch's patient: they may
   * act on no other.
   */
  actor: { odsCode: string; profile?: string; userId?: string; launchPatient?: string | null };
  /** The NHS number the action is about, where it is about one patient. */
  nhsNumber?: string;
  /** The actor organisation's status in the register, where this door knows it (null: not registered). */
  organisationStatus?: SharingStatus | null;
  /** The patient's access record, where the action is about one patient (null: not in the registry). */
  patient?: PatientAccessRecord | null;
  /** recordOptOut: the ODS code of the patient's registered practice. */
  registeredPractice?: string | null;
  now?: Date;
}

export type DeniedCode =
  | typeof ErrorCode.FORBIDDEN_ACTION
  | typeof ErrorCode.ORGANISATION_NOT_PARTY
  | typeof ErrorCode.NO_SHARED_RECORD
  | typeof ErrorCode.NO_CARE_RELATIONSHIP;

export type AccessDecision =
  | { allowed: true; basis: 'role' | 'party' | 'registered-practice' }
  | { allowed: true; basis: 'care-relationship'; relationshipKinds: string[] }
  | { allowed: true; basis: 'break-glass'; breakGlass: BreakGlassRecord }
  | { allowed: false; code: DeniedCode; reason: string };

export type AccessDenied = Extract<AccessDecision, { allowed: false }>;

const denied = (code: DeniedCode, reason: string): AccessDenied => ({ allowed: false, code, reason });

function roleMayAct(policy: AccessPolicy, action: AccessAction, profile: string): boolean {
  if (!policy.profiles[profile]) return false;
  if (action === 'declareBreakGlass' && !profileMayBreakGlass(policy, profile)) return false;
  const category = ACTION_CATEGORY[action];
  return category === undefined || profileMaySee(policy, profile, category);
}

export function decideAccess(request: AccessRequest, policy: AccessPolicy = loadPolicy()): AccessDecision {
  const { action, actor, now = new Date() } = request;
  if (actor.profile !== undefined && !roleMayAct(policy, action, actor.profile)) return denied(ErrorCode.FORBIDDEN_ACTION, `role-may-not-${action}`);
  // Before anything about the patient, so a launched token cannot even learn whether another record exists.
  if (actor.launchPatient && request.nhsNumber !== undefined && request.nhsNumber !== actor.launchPatient) return denied(ErrorCode.FORBIDDEN_ACTION, 'outside-launch-context');
  if (actor.launchPatient && action === 'tracePatient') return denied(ErrorCode.FORBIDDEN_ACTION, 'outside-launch-context');
  if (request.organisationStatus !== undefined && request.organisationStatus !== 'active') {
    return denied(ErrorCode.ORGANISATION_NOT_PARTY, request.organisationStatus ?? 'not-registered');
  }
  // Opt-out and opt-in are about the opt-out itself, so an opted-out patient is no refusal here.
  if (action === 'recordOptOut' && 'registeredPractice' in request) {
    return request.registeredPractice === actor.odsCode ? { allowed: true, basis: 'registered-practice' } : denied(ErrorCode.FORBIDDEN_ACTION, 'not-registered-practice');
  }
  if (!('patient' in request)) return { allowed: true, basis: actor.profile !== undefined ? 'role' : 'party' };

  const record = request.patient ?? null;
  if (record?.recordOptOut?.status === 'opted-out') return denied(ErrorCode.NO_SHARED_RECORD, 'opted-out');
  if (action !== 'openRecord') return { allowed: true, basis: actor.profile !== undefined ? 'role' : 'party' };
  const current = (record?.relationships ?? []).filter((r) => r.odsCode === actor.odsCode && r.from <= now && (r.until === null || r.until > now));
  if (current.length > 0) return { allowed: true, basis: 'care-relationship', relationshipKinds: [...new Set(current.map((r) => r.kind))] };
  const breakGlass = (record?.breakGlass ?? []).find((b) => b.userId === actor.userId && b.odsCode === actor.odsCode && b.expiresAt > now);
  if (breakGlass) return { allowed: true, basis: 'break-glass', breakGlass };
  return denied(ErrorCode.NO_CARE_RELATIONSHIP, 'no-care-relationship');
}

const MESSAGES: Record<string, string> = {
  'opted-out': 'There is no shared record for this NHS number.',
  'unknown-patient': 'There is no shared record for this NHS number.',
  'no-care-relationship':
    'Your organisation has no current care relationship with this patient. In an emergency, a clinician can declare break-glass access.',
  suspended: 'Your organisation’s access to the ShareforYou Care Record is suspended.',
  'not-party': 'Your organisation is not a party to the ShareforYou data sharing framework.',
  'not-registered': 'Your organisation is not a party to the ShareforYou data sharing framework.',
  'not-registered-practice': "Only a user of the patient's registered GP practice can record an opt-out or an opt-in.",
  'role-may-not-useRecord': 'Your selected job role gives no access to the ShareforYou Care Record.',
  'role-may-not-openRecord': 'Your role does not give access to patient records.',
  'role-may-not-tracePatient': 'Your role may not trace patients.',
  'role-may-not-recordOptOut': 'Your role may not record an opt-out or an opt-in.',
  'role-may-not-declareBreakGlass': 'Your role may not declare break-glass access.',
  'outside-launch-context':
    'This sign-in was opened from your clinical system for one patient, and opens no other record. To see another patient, open their record from your clinical system.',
};

/** The error a client sees for a refusal: the code to switch on, a message a person can act on. */
export function accessError(decision: AccessDenied, extensions: Record<string, unknown> = {}) {
  return careRecordError(decision.code, MESSAGES[decision.reason] ?? 'Access refused.', { reason: decision.reason, ...extensions });
}

/** A refusal as one sentence (feeds answer in OperationOutcomes, not GraphQL errors). */
export function accessRefusalText(decision: AccessDenied): string {
  return MESSAGES[decision.reason] ?? 'Access refused.';
}
