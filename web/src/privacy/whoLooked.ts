import { html, nothing } from 'lit';
import { ConsoleWhoLookedDocument, type ConsoleWhoLookedQuery } from '../generated/graphql';
import { ConsoleSection } from './consoleSection';
import { categoriesLabel, nhsNumberLabel, organisationLabel, profileLabel, roleLabel, when } from './names';

/** A patient's "who has looked at this record": one row per organisation and role, never per person. */

type Row = ConsoleWhoLookedQuery['recordAccessSummary'][number];

export class WhoLookedSection extends ConsoleSection {
  static override properties = { ...ConsoleSection.properties, rows: { state: true }, nhsNumber: { state: true } };

  declare rows?: Row[];
  declare nhsNumber: string;

  constructor() {
    super();
    this.nhsNumber = '';
  }

  async load() {
    if (!this.nhsNumber) return;
    const data = await this.request(ConsoleWhoLookedDocument, { nhsNumber: this.nhsNumber });
    this.rows = data?.recordAccessSummary;
    const n = this.rows?.length ?? 0;
    this.status = data ? `${n ? `${n} row${n === 1 ? '' : 's'}, one per organisation and role that` : 'No one'} looked at NHS number ${nhsNumberLabel(this.nhsNumber)} in the last year.` : '';
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('nhsNumber') ?? '').replace(/\s/g, '');
    if (!/^\d{10}$/.test(value)) {
      this.problem = 'Enter the NHS number as 10 digits, for example 999 313 3701.';
      this.status = '';
      return;
    }
    this.nhsNumber = value;
    void this.load();
  }

  protected override render() {
    return html`<section aria-labelledby="who-looked-heading" id="who-looked">
      <h2 id="who-looked-heading">Who has looked at this record</h2>
      <form class="sfy-inline-form" @submit=${this.onSubmit} novalidate>
        <div class="nhsuk-form-group"><label class="nhsuk-label" for="who-nhs-number">Patient NHS number</label>
          <input class="nhsuk-input nhsuk-input--width-10" id="who-nhs-number" name="nhsNumber" type="text" inputmode="numeric" autocomplete="off"></div>
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">Show who has looked</button>
      </form>
      ${this.renderStatus()}
      ${this.rows?.length
        ? html`<div class="sfy-table-wrap"><table class="nhsuk-table" data-role="who-looked">
            <caption class="nhsuk-table__caption">Looks at NHS number ${nhsNumberLabel(this.nhsNumber)}, by organisation and role</caption>
            <thead><tr>${['Organisation', 'Role', 'First look', 'Latest look', 'Requests', 'What was shown', 'Break-glass'].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
            <tbody>${this.rows.map((r) => html`<tr>
              <th scope="row">${organisationLabel(r.organisationName, r.odsCode)}</th>
              <td>${roleLabel(r.roleName, r.jobRole)}<br><span class="sfy-secondary">${profileLabel(r.profileName, r.profile)}</span></td>
              <td>${when(r.firstAccess)}</td><td>${when(r.lastAccess)}</td><td>${r.requests}</td>
              <td>${categoriesLabel(r.categories, r.categoryNames, r.panelNames)}</td><td>${r.breakGlass ? html`<span class="sfy-flag">Yes</span>` : 'No'}</td>
            </tr>`)}</tbody>
          </table></div>`
        : nothing}
    </section>`;
  }
}

customElements.get('sfy-who-looked') ?? customElements.define('sfy-who-looked', WhoLookedSection);
