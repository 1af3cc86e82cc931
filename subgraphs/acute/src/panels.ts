/**
 * The acute (hospital) slice is held as one document per patient (kit: patientSlices). Its panels
 * and the item shapes each panel holds, as the feed mapping writes them and the resolvers read them.
 * `testReports` is not a Patient field of its own: it names the report (e.g. "Full blood count")
 * each test result was issued in.
 */
export const acutePanels = {
  admissions: 'admissions',
  aeAttendances: 'aeAttendances',
  outpatientAppointments: 'outpatientAppointments',
  dischargeSummaries: 'dischargeSummaries',
  testResults: 'testResults',
  testReports: 'testReports',
} as const;
