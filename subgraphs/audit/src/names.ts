import { Schema, type Connection } from 'mongoose';
import { classifyField, loadPolicy } from '@shareforyou/schema';

/**
 * Codes to names, so a privacy officer reads "Bury Central Medical Practice" and "Clinical
 * Practitioner Access Role", not P83005 and R8000. Role, profile and category names come from the
 * policy; organisation names from the organisation register, which the audit service reads (never
 * writes) like the access records: it is small, so it is read whole and kept for a minute.
 */

const REGISTER_TTL_MS = 60_000;
/**
 * A code the kept copy does not name (an organisation registered since it was read) reads the
 * register again, but not more often than this: otherwise the privacy office and the patient would
 * see a code for up to a minute after the organisation's first look, and one unregistered code in
 * the log would read the register on every question.
 */
const MISS_REREAD_MS = 2_000;

interface OrganisationName {
  _id: string;
  name: string;
}

const organisationNameSchema = new Schema<OrganisationName>({ _id: String, name: String }, { collection: 'organisations', versionKey: false, strict: false });

export function organisationNameModel(registry: Connection) {
  return registry.models.OrganisationName ?? registry.model<OrganisationName>('OrganisationName', organisationNameSchema);
}
export type OrganisationNameModel = ReturnType<typeof organisationNameModel>;

let register: { names: Map<string, string>; read: number } | null = null;
let reading: Promise<Map<string, string>> | null = null;

/** The register's names by ODS code; `needed` are codes about to be named, so a miss among them reads it again. */
export async function organisationNames(model: OrganisationNameModel, needed: Iterable<string | null | undefined> = []): Promise<Map<string, string>> {
  const now = Date.now();
  if (register && now - register.read < REGISTER_TTL_MS) {
    const known = register.names;
    if (now - register.read < MISS_REREAD_MS || [...needed].every((code) => !code || known.has(code))) return known;
  }
  reading ??= (async () => {
    try {
      const read = Date.now();
      const rows = (await model.find({}).select({ name: 1 }).lean().exec()) as OrganisationName[];
      const names = new Map(rows.map((row) => [row._id, row.name]));
      register = { names, read };
      return names;
    } finally {
      reading = null;
    }
  })();
  return reading;
}

/**
 * The name a look's organisation is shown by, the same in every view: the register's; for a patient
 * signed in as themselves, that; otherwise null (a code the register has never held).
 */
export function lookerOrganisationName(names: Map<string, string>, user: { odsCode?: string | null; jobRole?: string | null; profile?: string | null }): string | null {
  if (user.odsCode) return names.get(user.odsCode) ?? null;
  return isPatientLooker(user) ? PATIENT_LOOKER.organisation : null;
}

/** ODS codes of organisations whose name contains the text (any case); an unknown name matches none. */
export function odsCodesNamed(names: Map<string, string>, text: string): string[] {
  const wanted = text.trim().toLowerCase();
  return [...names].filter(([, name]) => name.toLowerCase().includes(wanted)).map(([code]) => code);
}

export const roleName = (jobRole: string | null | undefined) => (jobRole ? (loadPolicy().jobRoles[jobRole]?.label ?? null) : null);
/**
 * A look by a patient signed in as themselves (a patient token: no organisation, no job role) is
 * named as such, in the privacy office's views and the patient's own alike, never as a blank.
 */
export const PATIENT_LOOKER = { organisation: 'A patient, signed in with their own NHS login', role: 'Patient' } as const;
export const isPatientLooker = (user: { odsCode?: string | null; jobRole?: string | null; profile?: string | null }) => user.profile === 'patient' && !user.odsCode;

export const profileName = (profile: string | null | undefined) => (profile ? (loadPolicy().profiles[profile]?.label ?? null) : null);
export const categoryName = (category: string) => loadPolicy().categories[category]?.label ?? category;
export const categoryNames = (categories: readonly string[]) => categories.map(categoryName);

/** The policy panels that show any of the categories, by name, in the policy's order. */
export function panelNames(categories: readonly string[]): string[] {
  const wanted = new Set(categories);
  return Object.values(loadPolicy().panels)
    .filter((panel) => panel.categories.some((category) => wanted.has(category)))
    .map((panel) => panel.label);
}

/** The policy category of a field coordinate (Patient.medications -> medications), null for a nested field. */
export function categoryOfCoordinate(coordinate: string): string | null {
  const [typeName, fieldName] = coordinate.split('.');
  const classification = classifyField(loadPolicy(), typeName, fieldName ?? '');
  return classification.kind === 'category' ? classification.category : null;
}

/** Escapes text for a case-insensitive "contains" match in the database. */
export function containsPattern(text: string): RegExp {
  return new RegExp(text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}
