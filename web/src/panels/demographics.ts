import { DemographicsDocument, type DemographicsQuery } from '../generated/graphql';
import { RecordPanel, type Section, formatDate } from './recordPanel';
import { statusWords } from './statusWords';
import { col } from './columns';

/** <sfy-demographics nhs-number="..."> — fields in demographics.graphql. */
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
