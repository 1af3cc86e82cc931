import type { SubgraphContext } from '@shareforyou/kit';
import { accessLog, type AccessLogFilter } from './accessLog';
import { breakGlassReviewQueue, recordBreakGlassReview } from './breakGlassReview';
import type { AuditServiceModels, BreakGlassReviewOutcome } from './models';
import { outOfHoursAccess } from './outOfHours';
import { recordAccessSummary } from './recordAccess';
import { ownRecordAccess, recordStaffPatientLink, sharedSurnameOrAddressAccess } from './staffPatientLinks';
import { unusualVolume } from './volume';

type Context = SubgraphContext<AuditServiceModels>;
type Period = { from?: string | null; to?: string | null };

/** Every root field is policy category auditTrail (privacy officers); the kit's field rules enforce it. */
export const auditResolvers = {
  Query: {
    accessLog: (_: unknown, args: { filter?: AccessLogFilter | null; first?: number | null; after?: string | null }, context: Context) =>
      accessLog(args, context),
    recordAccessSummary: (_: unknown, args: Period & { nhsNumber: string }, context: Context) => recordAccessSummary(args, context),
    breakGlassReviewQueue: (_: unknown, args: Period, context: Context) => breakGlassReviewQueue(args, context),
    ownRecordAccess: (_: unknown, args: Period, context: Context) => ownRecordAccess(args, context),
    sharedSurnameOrAddressAccess: (_: unknown, args: Period, context: Context) => sharedSurnameOrAddressAccess(args, context),
    unusualVolume: (_: unknown, args: Period & { threshold?: number | null }, context: Context) => unusualVolume(args, context),
    outOfHoursAccess: (_: unknown, args: Period, context: Context) => outOfHoursAccess(args, context),
  },
  Mutation: {
    recordBreakGlassReview: (_: unknown, args: { breakGlassId: string; outcome: BreakGlassReviewOutcome; note: string }, context: Context) =>
      recordBreakGlassReview(args, context),
    recordStaffPatientLink: (_: unknown, args: { userId: string; nhsNumber: string; relation: 'SELF' | 'FAMILY' | 'NEIGHBOUR' }, context: Context) =>
      recordStaffPatientLink(args, context),
  },
};
