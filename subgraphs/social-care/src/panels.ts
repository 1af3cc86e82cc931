/**
 * The council's social care slice is held as one document per patient (kit: patientSlices). Its
 * panels and the item shapes each panel holds, as the feed mapping writes them and the resolvers
 * read them. `cases` is not a Patient field of its own: the allocated worker is read from the
 * latest open case.
 */
export const socialCarePanels = {
  cases: 'socialCareCases',
  carePackages: 'carePackages',
  assessments: 'socialCareAssessments',
  carers: 'carers',
  safeguardingAlerts: 'safeguardingAlerts',
} as const;
