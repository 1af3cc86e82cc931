import { newestFirst, panelList, type SubgraphContext } from '@shareforyou/kit';
import { acutePanels } from './panels';

const results = panelList(acutePanels.testResults, newestFirst('effectiveDate'));
const reports = panelList(acutePanels.testReports);

/** Test results, newest first, each named by the report it was issued in (when the report was sent). */
async function testResults(parent: { nhsNumber: string }, args: unknown, context: SubgraphContext) {
  const [items, reportItems] = await Promise.all([results(parent, args, context), reports(parent, args, context)]);
  const reportOf = new Map<string, string>();
  for (const report of reportItems) {
    for (const sourceId of (report.resultSourceIds as string[] | undefined) ?? []) {
      reportOf.set(`${report.provenance.odsCode}|${sourceId}`, String(report.name));
    }
  }
  for (const item of items) item.reportName = reportOf.get(`${item.provenance.odsCode}|${item.provenance.sourceId}`) ?? null;
  return items;
}

export const acuteResolvers = {
  Patient: {
    admissions: panelList(acutePanels.admissions, newestFirst('admitted')),
    aeAttendances: panelList(acutePanels.aeAttendances, newestFirst('arrival')),
    outpatientAppointments: panelList(acutePanels.outpatientAppointments, newestFirst('start')),
    dischargeSummaries: panelList(acutePanels.dischargeSummaries, newestFirst('date')),
    testResults,
  },
};
