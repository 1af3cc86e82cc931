import { html, nothing } from 'lit';
import { ConsoleBreakGlassDocument, ConsoleReviewBreakGlassDocument, type ConsoleBreakGlassRowFragment } from '../generated/graphql';
import { ConsoleSection } from './consoleSection';
import { categoriesLabel, nhsNumberLabel, organisationLabel, outcomeLabel, reasonLabel, roleLabel, userLabel, when } from './names';
import { readReview, reviewForm } from './reviewForm';
import { reportPeriod } from './reportPeriod';

/**
 * Break-glass: the queue of declarations awaiting review (each with its reason and detail, declared
 * and expiry times, what was looked at under it, and a review form) and the history of closed ones.
 */

type Row = ConsoleBreakGlassRowFragment;
interface Report { title: string; lookedFor: string; from: string; to: string; truncated: boolean; rows: Row[] }

export class BreakGlassReviewsSection extends ConsoleSection {
  static override properties = { ...ConsoleSection.properties, queue: { state: true }, history: { state: true } };

  declare queue?: Report;
  declare history?: Report;

  async load() {
    const data = await this.request(ConsoleBreakGlassDocument, {});
    if (!data) return;
    this.queue = data.breakGlassReviewQueue;
    this.history = data.breakGlassReviewHistory;
  }

  private async onReview(event: SubmitEvent, row: Row) {
    event.preventDefault();
    const review = readReview(event.target as HTMLFormElement);
    if (typeof review === 'string') {
      this.problem = review;
      return;
    }
    const data = await this.request(ConsoleReviewBreakGlassDocument, { breakGlassId: row.breakGlassId, ...review });
    if (!data) return;
    await this.load();
    const closed = review.outcome !== 'NEEDS_FOLLOW_UP';
    this.status = `Review recorded for ${row.user.name ?? row.user.id}'s declaration on NHS number ${nhsNumberLabel(row.nhsNumber)}: ${outcomeLabel(review.outcome)}.${closed ? ' It is now in the history of closed reviews.' : ' It stays in the queue for follow-up.'}`;
  }

  protected override render() {
    return html`<section aria-labelledby="break-glass-heading" id="break-glass-reviews">
      <h2 id="break-glass-heading">Break-glass reviews</h2>
      ${this.renderStatus()}
      ${this.queue ? this.renderQueue(this.queue) : nothing}
      ${this.history ? this.renderHistory(this.history) : nothing}
    </section>`;
  }

  private renderQueue(queue: Report) {
    return html`<h3 id="break-glass-queue-heading">Awaiting review (${queue.rows.length})</h3>
      ${reportPeriod(queue)}
      ${queue.rows.length ? nothing : html`<p>No declaration awaits review.</p>`}
      <ul class="nhsuk-list sfy-cards" aria-labelledby="break-glass-queue-heading" data-role="break-glass-queue">
        ${queue.rows.map((row) => html`<li class="nhsuk-card" data-break-glass-id=${row.breakGlassId}>
          <div class="nhsuk-card__content">
            <h4 class="nhsuk-card__heading" id="bg-${row.breakGlassId}">${userLabel(row.user)}, NHS number ${nhsNumberLabel(row.nhsNumber)}</h4>
            ${this.declaration(row)}
            ${reviewForm(row.breakGlassId, `Review of ${row.user.name ?? row.user.id}'s declaration`, (event) => this.onReview(event, row))}
          </div>
        </li>`)}
      </ul>`;
  }

  private declaration(row: Row) {
    const item = (key: string, value: unknown) => html`<div class="nhsuk-summary-list__row"><dt class="nhsuk-summary-list__key">${key}</dt><dd class="nhsuk-summary-list__value">${value}</dd></div>`;
    return html`<dl class="nhsuk-summary-list">
      ${item('Organisation', organisationLabel(row.user.organisationName, row.user.odsCode))}
      ${item('Role', roleLabel(row.user.roleName, row.user.jobRole))}
      ${item('Reason', reasonLabel(row.reason))}
      ${item('Detail', row.detail)}
      ${item('Declared', when(row.declaredAt))}
      ${item('Expires', when(row.expiresAt))}
      ${item('Looked at under it', html`${categoriesLabel(row.categories, row.categoryNames, row.panelNames)}<br>${row.accesses} request${row.accesses === 1 ? '' : 's'}, ${when(row.firstAccess)} to ${when(row.lastAccess)}`)}
      ${row.latestReview ? item('Latest review', `${outcomeLabel(row.latestReview.outcome)} by ${userLabel(row.latestReview.reviewedBy)}, ${when(row.latestReview.reviewedAt)}: ${row.latestReview.note}`) : nothing}
    </dl>`;
  }

  private renderHistory(history: Report) {
    return html`<h3>History of closed reviews (${history.rows.length})</h3>
      ${reportPeriod(history)}
      ${history.rows.length
        ? html`<div class="sfy-table-wrap"><table class="nhsuk-table" data-role="break-glass-history">
            <caption class="nhsuk-table__caption">Closed break-glass reviews, latest closed first</caption>
            <thead><tr>${['Declared by', 'Patient', 'Reason and detail', 'Declared', 'Expires', 'Looked at', 'Outcome', 'Reviewed'].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
            <tbody>${history.rows.map((row) => html`<tr data-break-glass-id=${row.breakGlassId}>
              <th scope="row" class="sfy-user">${userLabel(row.user)}<br><span class="sfy-secondary">${organisationLabel(row.user.organisationName, row.user.odsCode)}</span></th>
              <td>${nhsNumberLabel(row.nhsNumber)}</td>
              <td>${reasonLabel(row.reason)}<br>${row.detail}</td>
              <td>${when(row.declaredAt)}</td><td>${when(row.expiresAt)}</td>
              <td>${categoriesLabel(row.categories, row.categoryNames, row.panelNames)} (${row.accesses} request${row.accesses === 1 ? '' : 's'})</td>
              <td>${row.latestReview ? html`<strong>${outcomeLabel(row.latestReview.outcome)}</strong>: ${row.latestReview.note}` : 'Not known'}</td>
              <td class="sfy-user">${row.latestReview ? html`${when(row.latestReview.reviewedAt)}<br>by ${userLabel(row.latestReview.reviewedBy)}` : nothing}</td>
            </tr>`)}</tbody>
          </table></div>`
        : html`<p>No closed reviews in this period.</p>`}`;
  }
}

customElements.get('sfy-break-glass-reviews') ?? customElements.define('sfy-break-glass-reviews', BreakGlassReviewsSection);
