import { DemographicsDocument, type DemographicsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { nextOfKinStatus, statusWords } from './statusWords';
import { col } from './columns';
import { relationshipWords } from './nextOfKinText';

// Each health organisation's next of kin (RelatedPerson), in its own section naming it: who, how related, how to reach them, still recorded or not.
const nextOfKinColumns = [col('Name', (k: any) => k.name), col('Relationship', (k: any) => relationshipWords(k.relationships)), col('Phone', (k: any) => k.phone), col('Status', (k: any) => nextOfKinStatus(k))];

/**
 * <sfy-demographics nhs-number="..."> — fields in demographics.graphql. Who the patient is, how to reach
 * them, their next of kin (the patient register's, then the GP's, the hospital's, the mental health
 * trust's and community services' each apart; contact details, so a role without them sees
 * "Restricted for your role"), and who is involved.
 */
export class DemographicsPanel extends RecordPanel<DemographicsQuery> {
  protected heading = 'Demographics and who is involved';
  protected document = DemographicsDocument;
  protected sections: Section[] = [
    { title: 'Patient', path: ['patient', 'name'], columns: [col('Name', (n) => n.text), col('NHS number', () => this.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')), col('Born', () => formatDate(this.result?.data?.patient?.birthDate)), col('Gender', () => statusWords(this.result?.data?.patient?.gender)), col('Died', () => this.died()), col('Restricted record', () => (this.result?.data?.patient?.restricted ? 'Yes: address and contact details withheld' : 'No'))] },
    { title: 'Contact details', path: ['patient', 'address'], columns: [col('Address', (a) => [...a.lines, a.city, a.postcode].filter(Boolean).join(', ')), col('Phone', () => this.result?.data?.patient?.phone)] },
    {
      title: 'Communication needs',
      path: ['patient', 'communication'],
      columns: [
        col('Interpreter needed', (c) => (c.interpreterRequired === true ? 'Yes' : c.interpreterRequired === false ? 'No' : 'Not recorded')),
        col('Languages', (c) => c.languages.map((l: any) => `${l.language.display}${l.preferred ? ' (preferred)' : ''}${l.modes.length ? `: ${l.modes.map((m: any) => m.display).join(', ')}` : ''}`).join('; ')),
      ],
    },
    {
      title: 'Next of kin and emergency contacts',
      path: ['patient', 'contacts'],
      columns: [
        col('Name', (c) => c.name),
        col('Relationship', (c) => c.relationship.map((r: any) => r.display).join(', ')),
        col('Phone', (c) => c.telecom.find((t: any) => t.current && t.system === 'phone')?.value),
        col('Current', (c) => (c.current ? 'Yes' : 'No (period ended)')),
      ],
    },
    { title: 'Next of kin recorded by the GP practice', path: ['patient', 'gpRelatedPeople'], source: 'gpSource', current: { history: 'No longer recorded by the GP practice' }, columns: nextOfKinColumns },
    { title: 'Next of kin recorded by the hospital', path: ['patient', 'hospitalRelatedPeople'], source: 'acuteSource', current: { history: 'No longer recorded by the hospital' }, columns: nextOfKinColumns },
    { title: 'Nearest relative and next of kin recorded by the mental health trust', path: ['patient', 'mentalHealthRelatedPeople'], source: 'mentalHealthSource', current: { history: 'No longer recorded by the mental health trust' }, columns: nextOfKinColumns },
    { title: 'Next of kin recorded by community services', path: ['patient', 'communityRelatedPeople'], source: 'communitySource', current: { history: 'No longer recorded by community services' }, columns: nextOfKinColumns },
    { title: 'Registered GP practice', path: ['patient', 'registeredPractice'], columns: [col('Practice', (p) => p.name), col('ODS code', (p) => p.odsCode)] },
    { title: 'Organisations involved', path: ['patient', 'careRelationships'], columns: [col('Organisation', (r) => r.organisation.name), col('Why', (r) => statusWords(r.kind)), col('Since', (r) => formatDate(r.from)), col('Until', (r) => formatDate(r.until) || 'Current')] },
    { title: 'Mental health care coordinator', path: ['patient', 'careCoordinator'], source: 'mentalHealthSource', columns: [col('Name', (c) => c.name), col('Team', (c) => c.team), col('Phone', (c) => c.phone)] },
    { title: 'Allocated social worker', path: ['patient', 'allocatedWorker'], source: 'socialCareSource', columns: [col('Name', (w) => w.name), col('Team', (w) => w.team), col('Phone', (w) => w.phone)] },
  ];

  private died(): string {
    const deceased = this.result?.data?.patient?.deceased;
    if (!deceased) return '';
    return deceased.at ? `Died ${formatDate(deceased.at)}` : 'Recorded as deceased';
  }
}

customElements.get('sfy-demographics') ?? customElements.define('sfy-demographics', DemographicsPanel);
