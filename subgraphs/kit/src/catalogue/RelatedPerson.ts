import {
  addressOf,
  conceptsOf,
  contactPointsOf,
  contactRolesOf,
  humanName,
  periodOf,
  required,
  textOf,
  type ResourceMapping,
} from '../ingest';

/**
 * FHIR R4 RelatedPerson (UK Core) -> a relative, carer or next of kin: their name (official, else
 * usual, else the first), every relationship kept whole (UK Core PersonRelationshipType: v3
 * RoleCode, v2-0131 contact roles, UK Core's additional roles; a relationship sent as text only,
 * e.g. "Main carer", is kept as text), whether they are next of kin or an emergency contact (by
 * those codes, never by words), every phone and email, their addresses, whether the source still
 * records them (`active`, true unless it says otherwise) and for when (period).
 *
 * Social care's Carer reads `relationship` (the first coded relationship), `carerRole` (the
 * uncoded relationships' text) and `phone` (the first phone number) beside the whole lists.
 */

export function relatedPersonMapping(panel: string): ResourceMapping {
  return (r: fhir4.RelatedPerson) => {
    const relationships = conceptsOf(r.relationship, 'RelatedPerson.relationship');
    const telecom = contactPointsOf(r.telecom);
    return {
      panel,
      fields: {
        name: required(textOf(humanName(r.name), 200), 'RelatedPerson.name'),
        relationships,
        relationship: relationships.find((c) => c.coding.length) ?? null,
        carerRole: textOf(relationships.filter((c) => !c.coding.length).map((c) => c.text).filter(Boolean).join(', '), 200),
        ...contactRolesOf(relationships),
        telecom,
        phone: textOf(telecom.find((t) => t.system === 'phone')?.value, 50),
        addresses: (r.address ?? []).map(addressOf),
        active: r.active ?? true,
        ...periodOf(r.period, 'RelatedPerson.period'),
      },
    };
  };
}
