import { newestFirst, panelList } from '@shareforyou/kit';
import { alertList, allergyList, carePlanList, medicineList, noKnownAllergyList, observationList, problemList, procedureList, referralList } from '@shareforyou/kit/src/slice/catalogueLists';
import { gpPanels } from './panels';

export const gpResolvers = {
  Patient: {
    medications: medicineList(gpPanels.medications),
    allergies: allergyList(gpPanels.allergies),
    noKnownAllergies: noKnownAllergyList(gpPanels.noKnownAllergies),
    problems: problemList(gpPanels.problems),
    procedures: procedureList(gpPanels.procedures),
    observations: observationList(gpPanels.observations),
    immunisations: panelList(gpPanels.immunisations, newestFirst('date'), (item) => ({ occurrence: { start: item.date ?? null }, ...item })),
    consultations: panelList(gpPanels.consultations, newestFirst('date')),
    referrals: referralList(gpPanels.referrals),
    carePlans: carePlanList(gpPanels.carePlans),
    alerts: alertList(gpPanels.alerts),
    gpSafeguardingAlerts: alertList(gpPanels.safeguardingAlerts),
    gpRiskAlerts: alertList(gpPanels.riskAlerts),
  },
};
