import {
  conceptsOf,
  conceptText,
  FeedProblem,
  FHIR_CODE,
  FHIR_STATUS,
  isCurrent,
  namesOf,
  oneOf,
  optionalCodingOf,
  optionalDateOf,
  optionalOneOf,
  periodOf,
  referenceDisplay,
  referencedConceptOf,
  referencedConceptsOf,
  textOf,
  type BundleReferences,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 EpisodeOfCare (UK Core) -> an episode of care: a mental health episode, a community
 * service's episode, a social care case. Kept whole: its status (episode-of-care-status) and
 * whether it is current (`current`: active or on hold, its period not ended), period, every status
 * it had (statusHistory), every type with every coding, every team and the care manager (resolved
 * from the bundle where the reference has no display), the managing organisation, every diagnosis
 * (the Condition resolved, its role, in rank order) and every referral (the ServiceRequest resolved
 * when the bundle carries it, else what the reference says). entered-in-error is a delete (kit).
 *
 * The slices' GraphQL types read some of this under their own names, computed here once for all
 * (each is harmless where a slice does not read it):
 * - `service`: the first type's text that is neither a CPA type nor the team's name;
 * - `cpaStatus`: "CPA" or "non-CPA" when a type says so (the Care Programme Approach is national,
 *   so a type that says it means it in any organisation; null elsewhere);
 * - the care manager as `leadClinician` (as the reference reads), and as `careCoordinator` /
 *   `worker` with the team and a trailing role split off its display ("Sam Jones, Social Worker":
 *   `workerRole` "Social Worker");
 * - `type` (every type) and `caseType` (the first type's text);
 * - `referralReason`: the first diagnosis by rank, else the first referral's reason.
 */

export interface EpisodeOfCareOptions {
  /**
   * Why this slice needs EpisodeOfCare.period.start (optional in FHIR R4), e.g. "it says since when
   * the case is open": an episode without one is refused, naming the element. Default: not required.
   */
  startRequiredBecause?: string;
}

const CPA = /^(non[- ]?)?(cpa|care programme approach)$/i;

/** A trailing ", <role>" on a person's display name, e.g. "Sam Jones, Social Worker". */
const TRAILING_ROLE = /,\s*([^,]*\b(?:worker|manager|practitioner|therapist|co-?ordinator|assessor|nurse|officer)\b[^,]*)$/i;

/** "CPA" or "non-CPA" from whichever EpisodeOfCare.type says so (its text, a code or a display), else null. */
function cpaStatusOf(types: fhir4.CodeableConcept[]): 'CPA' | 'non-CPA' | null {
  for (const type of types) {
    for (const label of [type.text, ...(type.coding ?? []).flatMap((c) => [c.code, c.display])]) {
      const match = label ? CPA.exec(label.trim()) : null;
      if (match) return match[1] ? 'non-CPA' : 'CPA';
    }
  }
  return null;
}

/** The care manager's name without a trailing team or role ("…, Care Coordinator, Bury North CMHT"), and the role. */
function careManagerOf(display: string | null, team: string | null): { name: string | null; role: string | null } {
  let name = display?.trim();
  if (name && team && name.toLowerCase().endsWith(`, ${team.toLowerCase()}`)) name = name.slice(0, -(team.length + 2));
  const role = name ? TRAILING_ROLE.exec(name) : null;
  return { name: textOf(role ? name!.slice(0, role.index) : name, 200), role: textOf(role?.[1], 100) };
}

/** EpisodeOfCare.diagnosis: the condition (resolved from the bundle, else the reference's text), its role and rank; ranked first, then in the source's order. */
function diagnosesOf(r: fhir4.EpisodeOfCare, references: BundleReferences) {
  return (r.diagnosis ?? [])
    .map((d, i) => ({
      condition: referencedConceptOf(d.condition, r, references, `EpisodeOfCare.diagnosis[${i}].condition`),
      role: optionalCodingOf(d.role, `EpisodeOfCare.diagnosis[${i}].role`),
      rank: d.rank ?? null,
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/** EpisodeOfCare.referralRequest: the ServiceRequest in the bundle when there, else what the reference says. */
function referralOf(ref: fhir4.Reference, r: fhir4.EpisodeOfCare, references: BundleReferences, path: string) {
  const found = references.resolve(ref, r as never);
  const request = found?.resourceType === 'ServiceRequest' ? (found as unknown as fhir4.ServiceRequest) : null;
  return {
    description: textOf(ref.display, 500) ?? conceptText(request?.code) ?? null,
    code: optionalCodingOf(request?.code, `${path} -> ServiceRequest.code`),
    reasons: request
      ? [...conceptsOf(request.reasonCode, `${path} -> ServiceRequest.reasonCode`), ...referencedConceptsOf(request.reasonReference, request, references, `${path} -> ServiceRequest.reasonReference`)]
      : [],
    requester: request ? referenceDisplay(request.requester, request as never, references) : null,
    authoredOn: optionalDateOf(request?.authoredOn, `${path} -> ServiceRequest.authoredOn`),
    priority: optionalOneOf(request?.priority, FHIR_CODE.requestPriority, `${path} -> ServiceRequest.priority`),
  };
}

export function episodeOfCareMapping(panel: string, options: EpisodeOfCareOptions = {}): ResourceMapping {
  return (r: fhir4.EpisodeOfCare, references: BundleReferences) => {
    const status = oneOf(r.status, FHIR_STATUS.episodeOfCare, 'EpisodeOfCare.status');
    const { start, end } = periodOf(r.period, 'EpisodeOfCare.period');
    if (!start && options.startRequiredBecause) {
      throw new FeedProblem('EpisodeOfCare.period.start', `EpisodeOfCare.period.start is required: ${options.startRequiredBecause}`);
    }
    const types = conceptsOf(r.type, 'EpisodeOfCare.type');
    const teams = namesOf(r.team, r, references);
    const team = textOf(teams[0], 200);
    const careManager = referenceDisplay(r.careManager, r as never, references);
    const { name, role } = careManagerOf(careManager, team);
    const diagnoses = diagnosesOf(r, references);
    const referrals = (r.referralRequest ?? []).map((ref, i) => referralOf(ref, r, references, `EpisodeOfCare.referralRequest[${i}]`));
    const mainDiagnosis = diagnoses[0]?.condition;
    return {
      panel,
      fields: {
        status,
        current: isCurrent('episodeOfCare', status, end),
        start,
        end,
        statusHistory: (r.statusHistory ?? []).map((h, i) => ({
          status: oneOf(h.status, FHIR_STATUS.episodeOfCare, `EpisodeOfCare.statusHistory[${i}].status`),
          ...periodOf(h.period, `EpisodeOfCare.statusHistory[${i}].period`),
        })),
        types,
        type: types,
        caseType: conceptText(r.type?.[0]),
        service: textOf((r.type ?? []).map(conceptText).find((text) => text && !CPA.test(text) && text !== team), 200),
        cpaStatus: cpaStatusOf(r.type ?? []),
        team,
        teams,
        leadClinician: careManager,
        careCoordinator: name,
        worker: name,
        workerRole: role,
        managingOrganisation: referenceDisplay(r.managingOrganization, r as never, references),
        diagnoses,
        referrals,
        referralReason: textOf(
          (mainDiagnosis && (mainDiagnosis.text ?? mainDiagnosis.display)) ?? referrals.map((x) => x.reasons[0]?.text ?? x.reasons[0]?.display ?? x.description).find(Boolean),
          500,
        ),
      },
    };
  };
}
