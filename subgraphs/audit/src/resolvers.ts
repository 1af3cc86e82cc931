import type { SubgraphContext } from '@shareforyou/kit';
import { accessLog, type AccessLogFilter } from './accessLog';
import { auditChainStatus, startVerificationJob, verificationJob, verifyAuditChains } from './chainStatus';
import { myRecordAccess } from './myRecordAccess';
import { breakGlassReviewHistory, breakGlassReviewQueue, recordBreakGlassReview } from './breakGlassReview';
import { categoryName, categoryNames, categoryOfCoordinate, isPatientLooker, lookerOrganisationName, organisationNames, panelNames, PATIENT_LOOKER, profileName, roleName } from './names';
import type { AuditServiceModels, BreakGlassReviewOutcome } from './models';
import { outOfHoursAccess } from './outOfHours';
import { recordAccessSummary } from './recordAccess';
import { ownRecordAccess, recordStaffPatientLink, sharedSurnameOrAddressAccess } from './staffPatientLinks';
import { unusualVolume } from './volume';
import { alerts, type AlertKind } from './alerts/alerts';
import { monitoringFindings, recordMonitoringFindingReview } from './monitoring/findings';
import type { FindingKind } from './monitoring/matching';

type Context = SubgraphContext<AuditServiceModels>;
type Period = { from?: string | null; to?: string | null };
type Coded = { odsCode?: string | null; jobRole?: string | null; profile?: string | null };
type Categorised = { categories?: string[] | null };

/** Names beside codes, wherever a user, an organisation and role, or categories appear. */
const named = {
  organisationName: async (parent: Coded, _: unknown, context: Context) =>
    lookerOrganisationName(await organisationNames(context.models.OrganisationName, [parent.odsCode]), parent),
  roleName: (parent: Coded) => roleName(parent.jobRole) ?? (isPatientLooker(parent) ? PATIENT_LOOKER.role : null),
  profileName: (parent: Coded) => profileName(parent.profile),
};
const categorised = {
  categoryNames: (parent: Categorised) => categoryNames(parent.categories ?? []),
  panelNames: (parent: Categorised) => panelNames(parent.categories ?? []),
};

/** Every root field is policy category auditTrail (privacy officers); the kit's field rules enforce it. */
export const auditResolvers = {
  Query: {
    accessLog: (_: unknown, args: { filter?: AccessLogFilter | null; first?: number | null; after?: string | null }, context: Context) =>
      accessLog(args, context),
    recordAccessSummary: (_: unknown, args: Period & { nhsNumber: string }, context: Context) => recordAccessSummary(args, context),
    breakGlassReviewQueue: (_: unknown, args: Period, context: Context) => breakGlassReviewQueue(args, context),
    breakGlassReviewHistory: (_: unknown, args: Period & { first?: number | null }, context: Context) => breakGlassReviewHistory(args, context),
    ownRecordAccess: (_: unknown, args: Period, context: Context) => ownRecordAccess(args, context),
    sharedSurnameOrAddressAccess: (_: unknown, args: Period, context: Context) => sharedSurnameOrAddressAccess(args, context),
    unusualVolume: (_: unknown, args: Period & { threshold?: number | null }, context: Context) => unusualVolume(args, context),
    outOfHoursAccess: (_: unknown, args: Period, context: Context) => outOfHoursAccess(args, context),
    monitoringFindings: (_: unknown, args: Period & { kind?: FindingKind | null; reviewed?: boolean | null }, context: Context) => monitoringFindings(args, context),
    myRecordAccess: (_: unknown, args: Period, context: Context) => myRecordAccess(args, context),
    auditChainStatus: (_: unknown, _args: unknown, context: Context) => auditChainStatus(context),
    auditVerificationJob: (_: unknown, args: { id?: string | null }, context: Context) => verificationJob(args, context),
    alerts: (_: unknown, args: { first?: number | null; kind?: AlertKind | null; undelivered?: boolean | null }, context: Context) => alerts(args, context),
  },
  AuditUser: named,
  RecordAccess: { ...named, ...categorised },
  AuditEvent: categorised,
  BreakGlassReviewItem: categorised,
  StaffPatientAccess: categorised,
  OutOfHoursAccess: categorised,
  AuditedField: {
    category: (parent: { coordinate: string }) => categoryOfCoordinate(parent.coordinate),
    categoryName: (parent: { coordinate: string }) => {
      const category = categoryOfCoordinate(parent.coordinate);
      return category ? categoryName(category) : null;
    },
  },
  Mutation: {
    recordBreakGlassReview: (_: unknown, args: { breakGlassId: string; outcome: BreakGlassReviewOutcome; note: string }, context: Context) =>
      recordBreakGlassReview(args, context),
    runAuditVerification: (_: unknown, _args: unknown, context: Context) => verifyAuditChains(context),
    startAuditVerification: (_: unknown, args: { full?: boolean | null }, context: Context) => startVerificationJob(args, context),
    recordMonitoringFindingReview: (_: unknown, args: { findingId: string; outcome: BreakGlassReviewOutcome; note: string }, context: Context) =>
      recordMonitoringFindingReview(args, context),
    recordStaffPatientLink: (_: unknown, args: { userId: string; nhsNumber: string; relation: 'SELF' | 'FAMILY' | 'NEIGHBOUR' }, context: Context) =>
      recordStaffPatientLink(args, context),
  },
};
