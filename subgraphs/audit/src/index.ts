import { anchorInterval, anchorWriter, serviceLogger, type SubgraphDefinition } from '@shareforyou/kit';
import { deliverDueAlerts } from './alerts/alerts';
import { mountRefusalSpikes } from './alerts/refusalSpikeEndpoint';
import { mountExports } from './export/exportEndpoint';
import { auditServiceModels, type AuditServiceModels } from './models';
import { digestRunner } from './monitoring/lookDigest';
import { mountStaffFeed } from './monitoring/staffDirectory';
import { sweepInterval, sweepRunner } from './monitoring/sweep';
import { auditResolvers } from './resolvers';
import { every } from './schedule';

/**
 * The audit service: its own database is the audit store; it has no record feed and holds no patient
 * slices. It takes the staff feed and the gateway's refusal spikes, serves the CSV exports, sweeps the trail for findings, keeps
 * the hourly look digest, delivers
 * alerts and anchors the chain heads outside the store.
 */
const audit: SubgraphDefinition<AuditServiceModels> = {
  name: 'audit',
  holdsPatientSlices: false,
  models: auditServiceModels,
  resolvers: auditResolvers,
  routes: (app, { models, trail, log }) => {
    mountStaffFeed(app, models.Staff, log);
    mountExports(app, models, trail);
    mountRefusalSpikes(app, models.Alert, trail);
  },
  background: ({ models, log }) => {
    const logger = serviceLogger('audit');
    // A failing or lagging sweep is an operator's concern: warn level, with how far behind.
    const warn = (message: string) => logger.warn(message);
    const stops = [
      every(sweepInterval(), 'monitoring sweep', sweepRunner(models as never, (fields, message) => logger.warn(fields, message)), warn),
      every(sweepInterval(), 'look digest', digestRunner(models as never), warn),
      every(Number(process.env.ALERT_POLL_MS ?? 1_000), 'alert delivery', () => deliverDueAlerts(models.Alert), log),
      every(anchorInterval(), 'chain anchor', anchorWriter(models), log),
    ];
    return async () => {
      await Promise.all(stops.map((stop) => stop()));
    };
  },
};
export default audit;
