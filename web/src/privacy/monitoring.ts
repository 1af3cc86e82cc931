import { html, nothing } from 'lit';
import { ConsoleMonitoringDocument, ConsoleReviewFindingDocument, type ConsoleMonitoringQuery } from '../generated/graphql';
import { ConsoleSection } from './consoleSection';
import { downloadCsv } from './exportCsv';
import { categoriesLabel, nhsNumberLabel, organisationLabel, outcomeLabel, userLabel, when } from './names';
import './onDemandReport';
import { reportPeriod } from './reportPeriod';
import { reportTable, SHOWN, type ReportRow } from './reportTable';
import { readReview, reviewForm } from './reviewForm';

/**
 * Monitoring: what the sweep found by itself (own record, same address, same surname), each finding
 * reviewable with an outcome, and the reports, each saying what it looked for and over what period,
 * each exportable. On load: the findings and the two staff-link reports (own record, relatives and
 * neighbours), which read per recorded link through an index and stay cheap at any size of the trail.
 * On demand (onDemandReport.ts): unusual volume and out of hours, which read every look of their
 * period, minutes over a month of a year's trail; asked on load, they held the findings back.
 */

type Data = ConsoleMonitoringQuery;
type Finding = Data['monitoringFindings']['rows'][number];

export class MonitoringSection extends ConsoleSection {
  static override properties = { ...ConsoleSection.properties, data: { state: true }, reviewing: { state: true }, includeReviewed: { state: true } };

  declare data?: Data;
  declare reviewing?: Finding;
  declare includeReviewed: boolean;

  constructor() {
    super();
    this.includeReviewed = false;
  }

  async load() {
    const data = await this.request(ConsoleMonitoringDocument, { reviewed: this.includeReviewed ? undefined : false });
    if (data) this.data = data;
  }

  private toggleReviewed(event: Event) {
    this.includeReviewed = (event.target as HTMLInputElement).checked;
    void this.load().then(() => (this.status = `Showing ${this.data?.monitoringFindings.rows.length ?? 0} ${this.includeReviewed ? '' : 'open '}findings.`));
  }

  private review(finding: Finding) {
    this.reviewing = finding;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#finding-review-heading')?.focus());
  }

  private async onReview(event: SubmitEvent) {
    event.preventDefault();
    const finding = this.reviewing!;
    const review = readReview(event.target as HTMLFormElement);
    if (typeof review === 'string') {
      this.problem = review;
      return;
    }
    if (!(await this.request(ConsoleReviewFindingDocument, { findingId: finding.id, ...review }))) return;
    this.reviewing = undefined;
    await this.load();
    this.status = `Review recorded for the ${finding.kind} finding on ${finding.user.name ?? finding.user.id}: ${outcomeLabel(review.outcome)}.`;
  }

  private async export(view: string, params: Record<string, string | boolean | null | undefined> = {}) {
    try {
      this.status = `Exported as ${await downloadCsv(this.gatewayUrl, this.tokenProvider, view, params)}.`;
      this.problem = '';
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  protected override render() {
    const data = this.data;
    return html`<section aria-labelledby="monitoring-heading" id="monitoring">
      <h2 id="monitoring-heading">Monitoring</h2>
      ${this.renderStatus()}
      ${data ? this.renderFindings(data.monitoringFindings) : nothing}
      ${this.reviewing ? this.renderReview(this.reviewing) : nothing}
      ${data
        ? html`
          ${this.renderReport('ownRecordAccess', data.ownRecordAccess, ['Relation', 'Looks', 'Shown'], data.ownRecordAccess.rows.map((r) => ({ user: r.user, nhsNumber: r.nhsNumber, cells: [r.relation, `${r.accesses}, ${when(r.firstAccess)} to ${when(r.lastAccess)}`, categoriesLabel(r.categories, r.categoryNames, r.panelNames)] })))}
          ${this.renderReport('sharedSurnameOrAddressAccess', data.sharedSurnameOrAddressAccess, ['Relation', 'Looks', 'Shown'], data.sharedSurnameOrAddressAccess.rows.map((r) => ({ user: r.user, nhsNumber: r.nhsNumber, cells: [r.relation, `${r.accesses}, ${when(r.firstAccess)} to ${when(r.lastAccess)}`, categoriesLabel(r.categories, r.categoryNames, r.panelNames)] })))}`
        : nothing}
      <sfy-unusual-volume .gatewayUrl=${this.gatewayUrl} .tokenProvider=${this.tokenProvider}></sfy-unusual-volume>
      <sfy-out-of-hours .gatewayUrl=${this.gatewayUrl} .tokenProvider=${this.tokenProvider}></sfy-out-of-hours>
    </section>`;
  }

  private renderFindings(report: Data['monitoringFindings']) {
    return html`<h3>${report.title}</h3>
      ${reportPeriod(report)}
      <div class="nhsuk-checkboxes nhsuk-checkboxes--small"><div class="nhsuk-checkboxes__item">
        <input class="nhsuk-checkboxes__input" id="findings-reviewed" type="checkbox" .checked=${this.includeReviewed} @change=${this.toggleReviewed}>
        <label class="nhsuk-label nhsuk-checkboxes__label" for="findings-reviewed">Include findings already closed by a review</label></div></div>
      <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" @click=${() => this.export('monitoringFindings', { reviewed: this.includeReviewed ? undefined : false })}>Export findings CSV</button>
      ${report.rows.length
        ? html`<div class="sfy-table-wrap"><table class="nhsuk-table" data-role="findings">
            <caption class="nhsuk-table__caption">${report.rows.length} finding${report.rows.length === 1 ? '' : 's'}${report.rows.length > SHOWN ? `, the latest ${SHOWN} shown (the CSV has them all)` : ''}</caption>
            <thead><tr>${['Finding', 'User', 'Organisation', 'Patient', 'Looks', 'Review'].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
            <tbody>${report.rows.slice(0, SHOWN).map((f) => html`<tr data-finding-id=${f.id}>
              <th scope="row">${f.kind} (score ${f.score})<br><span class="sfy-secondary">${f.meaning}</span></th>
              <td class="sfy-user">${userLabel(f.user)}</td><td>${organisationLabel(f.user.organisationName, f.user.odsCode)}</td>
              <td>${nhsNumberLabel(f.nhsNumber)}</td>
              <td>${f.accesses}, ${when(f.firstAccess)} to ${when(f.lastAccess)}</td>
              <td>${f.latestReview ? html`${outcomeLabel(f.latestReview.outcome)}: ${f.latestReview.note}<br>` : nothing}
                ${f.closed ? nothing : html`<button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" aria-label="Review the ${f.kind} finding on ${f.user.name ?? f.user.id}, NHS number ${nhsNumberLabel(f.nhsNumber)}" @click=${() => this.review(f)}>Review</button>`}</td>
            </tr>`)}</tbody>
          </table></div>`
        : html`<p>No ${this.includeReviewed ? '' : 'open '}findings in this period.</p>`}`;
  }

  private renderReview(finding: Finding) {
    return html`<div class="nhsuk-card"><div class="nhsuk-card__content">
      <h3 class="nhsuk-card__heading" id="finding-review-heading" tabindex="-1">Review: ${finding.kind} finding on ${userLabel(finding.user)}, NHS number ${nhsNumberLabel(finding.nhsNumber)}</h3>
      ${reviewForm(finding.id, 'Outcome of this finding', (event) => this.onReview(event))}
      <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" @click=${() => (this.reviewing = undefined)}>Cancel</button>
    </div></div>`;
  }

  private renderReport(view: string, report: { title: string; lookedFor: string; from: string; to: string; truncated: boolean }, headings: string[], rows: ReportRow[]) {
    return html`<h3>${report.title}</h3>
      ${reportPeriod(report)}
      <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" @click=${() => this.export(view)}>Export ${report.title} CSV</button>
      ${rows.length ? reportTable(view, headings, rows) : html`<p>Nothing found in this period.</p>`}`;
  }
}

customElements.get('sfy-monitoring') ?? customElements.define('sfy-monitoring', MonitoringSection);
