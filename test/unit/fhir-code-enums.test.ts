import { parse } from 'graphql';
import { commonResolvers } from '../../subgraphs/kit/src/slice/commonResolvers';

/** FHIR codes as GraphQL enums: on_hold is FHIR's on-hold; an enum of our own keeps its values. */
const resolvers = (sdl: string) => commonResolvers(parse(`${sdl} type CodeableConcept { code: String }`)) as Record<string, unknown>;

it('maps a FHIR code enum (lower case) to the codes it stands for', () => {
  expect(resolvers('enum MedicationStatus { active on_hold entered_in_error }').MedicationStatus).toEqual({ active: 'active', on_hold: 'on-hold', entered_in_error: 'entered-in-error' });
});

it('leaves an enum of our own alone: EMERGENCY_CARE stays EMERGENCY_CARE (a break-glass reason must arrive as sent)', () => {
  expect(resolvers('enum BreakGlassReason { EMERGENCY_CARE PATIENT_UNABLE_TO_CONSENT }').BreakGlassReason).toBeUndefined();
});
