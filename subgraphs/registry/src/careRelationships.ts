import { organisationKind, relationshipRuleFor, type RelationshipRule } from '@shareforyou/schema';
import { dateOf, FeedProblem, oneOf, optionalDateOf, required } from '@shareforyou/kit';

/**
 * When does an event from a source system give its organisation a care relationship with the
 * patient, and until when? Which events count, and for how long, is the table of organisation kinds
 * (schema/organisation-kinds.yaml); how each FHIR resource says when it started and ended is here.
 */

const DAY = 86_400_000;
const plusDays = (date: string | Date, days: number) => new Date(new Date(date).getTime() + days * DAY);

export interface RelationshipSpan {
  relationship: string;
  from: Date;
  /** null: open until the source says it ended. */
  until: Date | null;
}

/** The span of an event that has a start and perhaps an end, by its rule. */
function spanOf(rule: RelationshipRule, start: string, end: string | null): RelationshipSpan {
  const until = end ? plusDays(end, rule.followUpDays) : rule.openWhileOngoing ? null : plusDays(start, rule.followUpDays);
  return { relationship: rule.relationship, from: new Date(start), until };
}

/** The rule for this event, or a FeedProblem that says which events this kind does count. */
export function ruleForEvent(kindName: string, resource: fhir4.Resource & { class?: fhir4.Coding }): RelationshipRule {
  const kind = organisationKind(kindName);
  const encounterClass = resource.resourceType === 'Encounter' ? required(resource.class?.code, 'Encounter.class.code') : undefined;
  const rule = relationshipRuleFor(kindName, resource.resourceType, encounterClass);
  if (rule) return rule;
  const counted = kind.relationships.filter((r) => r.event === resource.resourceType).flatMap((r) => r.encounterClasses ?? []);
  if (encounterClass !== undefined && counted.length) {
    throw new FeedProblem('Encounter.class', `Encounter.class ${encounterClass} forms no care relationship for a ${kind.label.toLowerCase()}; the classes that do: ${counted.join(', ')}`);
  }
  const events = kind.relationships.map((r) => r.event);
  throw new FeedProblem(
    resource.resourceType,
    `A ${kind.label.toLowerCase()} forms no care relationship by ${resource.resourceType}${events.length ? ` (it does by ${[...new Set(events)].join(', ')})` : ''}`,
  );
}

/** The relationship an event forms. `lastUpdated` stands in where the source gives no time of its own. */
export function relationshipSpan(rule: RelationshipRule, resource: fhir4.Resource, lastUpdated: string): RelationshipSpan {
  switch (resource.resourceType) {
    case 'Encounter': {
      const r = resource as fhir4.Encounter;
      return spanOf(rule, dateOf(r.period?.start, 'Encounter.period.start'), optionalDateOf(r.period?.end, 'Encounter.period.end'));
    }
    case 'EpisodeOfCare': {
      const r = resource as fhir4.EpisodeOfCare;
      const status = oneOf(r.status, ['planned', 'waitlist', 'active', 'onhold', 'finished', 'cancelled'] as const, 'EpisodeOfCare.status');
      const ended = status === 'finished' || status === 'cancelled';
      const start = dateOf(r.period?.start, 'EpisodeOfCare.period.start');
      return spanOf(rule, start, ended ? (optionalDateOf(r.period?.end, 'EpisodeOfCare.period.end') ?? lastUpdated) : null);
    }
    case 'Appointment': {
      const r = resource as fhir4.Appointment;
      const start = dateOf(r.start, 'Appointment.start');
      const from = new Date(r.created ?? lastUpdated);
      // A cancelled booking or a no-show ends the relationship when the source said so.
      const cancelled = r.status === 'cancelled' || r.status === 'noshow';
      return { relationship: rule.relationship, from, until: cancelled ? new Date(lastUpdated) : plusDays(start, rule.followUpDays) };
    }
    default:
      throw new FeedProblem(resource.resourceType, `${resource.resourceType} is not accepted by the registry feed`);
  }
}
