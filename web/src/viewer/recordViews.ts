/** Which panels the record shows in each of its views. Pure, so the choice is unit-tested. */

/**
 * The combined record's sections (International Patient Summary order). Each is shown when the role
 * may see a per-organisation panel it is computed from (`from`: the panel, and the categories of it
 * the section needs, when the panel holds more than this section). A section that `replaces` its
 * panel stands in for it in the combined view ("View by source" shows those panels instead); one
 * that does not (referrals, from the encounters panel) leaves the panel in the combined view too.
 * Medicines given (doses, each its own item) and appointments have no IPS section of their own:
 * they stand beside the medications and the encounters they belong with. The per-source alerts and
 * advance decisions panels are replaced by the combined alerts and the combined family history,
 * devices and advance decisions; "View by source" shows them.
 */
interface CombinedSection {
  name: string;
  label: string;
  from: Array<{ panel: string; categories?: string[] }>;
  replaces?: string;
}

const COMBINED: CombinedSection[] = [
  { name: 'combinedAllergies', label: 'Allergies', from: [{ panel: 'allergies' }], replaces: 'allergies' },
  { name: 'combinedProblems', label: 'Problems and diagnoses', from: [{ panel: 'problems' }], replaces: 'problems' },
  { name: 'combinedMedications', label: 'Medications', from: [{ panel: 'medications' }], replaces: 'medications' },
  { name: 'combinedMedicationAdministrations', label: 'Medicines given', from: [{ panel: 'medications' }] },
  { name: 'combinedImmunisations', label: 'Immunisations', from: [{ panel: 'immunisations' }], replaces: 'immunisations' },
  { name: 'combinedProcedures', label: 'Operations and procedures', from: [{ panel: 'procedures' }], replaces: 'procedures' },
  { name: 'combinedResults', label: 'Test results', from: [{ panel: 'results' }], replaces: 'results' },
  { name: 'combinedVitalSigns', label: 'Vital signs', from: [{ panel: 'results' }], replaces: 'results' },
  { name: 'combinedSocialHistory', label: 'Social history', from: [{ panel: 'results' }], replaces: 'results' },
  { name: 'combinedTestReports', label: 'Test reports', from: [{ panel: 'results' }], replaces: 'results' },
  { name: 'combinedEncounters', label: 'Encounters', from: [{ panel: 'encounters', categories: ['encounters'] }] },
  { name: 'combinedAppointments', label: 'Appointments', from: [{ panel: 'encounters', categories: ['appointments'] }] },
  {
    name: 'combinedAlerts',
    label: 'Alerts, safeguarding and risk',
    from: [{ panel: 'alerts', categories: ['alerts', 'safeguarding', 'mentalHealthRisk'] }, { panel: 'emergencySummary', categories: ['alerts', 'safeguarding', 'mentalHealthRisk'] }],
    replaces: 'alerts',
  },
  { name: 'combinedReferrals', label: 'Referrals and requests', from: [{ panel: 'encounters', categories: ['referrals'] }] },
  { name: 'combinedCarePlans', label: 'Care plans', from: [{ panel: 'encounters', categories: ['carePlans'] }] },
  {
    name: 'combinedFamilyHistory',
    label: 'Family history, devices and advance decisions',
    from: [{ panel: 'problems' }, { panel: 'advanceDecisions' }, { panel: 'emergencySummary', categories: ['advanceDecisions'] }],
    replaces: 'advanceDecisions',
  },
  { name: 'combinedDocuments', label: 'Documents and letters', from: [{ panel: 'documents' }], replaces: 'documents' },
];
const REPLACED = new Set(COMBINED.map((c) => c.replaces).filter(Boolean));

export type RecordView = 'combined' | 'source';

/** A panel the role may see; `categories` those of it the role may see (all, when not given). */
export interface AllowedPanel {
  name: string;
  label: string;
  categories?: string[];
}

/** The panels of the record, in order, for a view: the emergency summary and who the patient is first; then the combined sections or each source's panels; then what has no combined section. */
export function panelsOfView(allowed: AllowedPanel[], view: RecordView): Array<{ name: string; label: string }> {
  const shown = (c: CombinedSection) =>
    c.from.some((f) => allowed.some((p) => p.name === f.panel && (!f.categories || !p.categories || f.categories.some((category) => p.categories!.includes(category)))));
  const first = allowed.filter((p) => p.name === 'emergencySummary' || p.name === 'demographics');
  const rest = allowed.filter((p) => !['emergencySummary', 'demographics', 'accessHistory'].includes(p.name));
  if (view === 'source') return [...first, ...rest];
  return [...first, ...COMBINED.filter(shown).map(({ name, label }) => ({ name, label })), ...rest.filter((p) => !REPLACED.has(p.name))];
}
