/**
 * The council's social care slice is held as one document per patient (kit: patientSlices). Its
 * panels and the item shapes each panel holds, as the feed mapping writes them and the resolvers
 * read them. The allocated worker is read from the current case. Where a Flag lands is decided by
 * its codes (schema/clinical-codes.yaml), not by its resource type alone.
 */
export const socialCarePanels = {
  cases: 'socialCareCases',
  carePackages: 'carePackages',
  assessments: 'socialCareAssessments',
  carers: 'carers',
  /** Flags coded as safeguarding. */
  safeguardingAlerts: 'safeguardingAlerts',
  /** Every other Flag: a general alert (never dropped, never filed as safeguarding). */
  alerts: 'socialCareAlerts',
} as const;
