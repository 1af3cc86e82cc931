import { html, nothing } from 'lit';
import { ConsoleAccessLogDocument, type AccessLogFilter, type ConsoleAccessLogQuery } from '../generated/graphql';
import { ConsoleSection } from './consoleSection';
import { downloadCsv } from './exportCsv';
import { categoriesLabel, nhsNumberLabel, organisationLabel, profileLabel, reasonLabel, roleLabel, userLabel, when } from './names';

/**
 * The access log: every filter the trail offers (patient, user by name, organisation by name, time
 * range, break-glass only, refusals only), newest first, a page at a time, and the same view as CSV.
 */

type Event = ConsoleAccessLogQuery['accessLog']['events'][number];

const PAGE_SIZE = 25;

/** A datetime-local value (the browser's clock time) as ISO 8601, or undefined when empty. */
const isoOf = (value: string) => (value ? new Date(value).toISOString() : undefined);

export function filterFrom(form: HTMLFormElement): AccessLogFilter | string {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
  const nhsNumber = text('nhsNumber')?.replace(/\s/g, '');
  if (nhsNumber && !/^\d{10}$/.test(nhsNumber)) return 'Enter the NHS number as 10 digits, for example 999 313 3701, or leave it empty.';
  const from = isoOf(String(data.get('from') ?? ''));
  const to = isoOf(String(data.get('to') ?? ''));
  if (from && to && from >= to) return 'The "to" time must be after the "from" time.';
  return {
    nhsNumber,
    userName: text('userName'),
    organisationName: text('organisationName'),
    from,
    to,
    breakGlass: data.get('breakGlass') ? true : undefined,
    denied: data.get('denied') ? true : undefined,
  };
}

/** The filter in words, for the live region: what the results are of. */
export function describeFilter(filter: AccessLogFilter): string {
  const parts = [
    filter.nhsNumber && `NHS number ${nhsNumberLabel(filter.nhsNumber)}`,
    filter.userName && `user “${filter.userName}”`,
    filter.organisationName && `organisation “${filter.organisationName}”`,
    filter.from && `from ${when(filter.from)}`,
    filter.to && `to ${when(filter.to)}`,
    filter.breakGlass && 'break-glass only',
    filter.denied && 'refusals only',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no filters';
}

export class AccessLogSection extends ConsoleSection {
  static override properties = { ...ConsoleSection.properties, events: { state: true }, hasNext: { state: true }, cursors: { state: true } };

  declare events: Event[];
  declare hasNext: boolean;
  /** The `after` cursor of each page shown so far: the last is the current page's. */
  declare cursors: Array<string | undefined>;
  private filter: AccessLogFilter = {};
  private endCursor: string | undefined;
  /** Only the latest request's answer is shown (an earlier, slower one must not overwrite it). */
  private latest = 0;

  constructor() {
    super();
    this.events = [];
    this.hasNext = false;
    this.cursors = [undefined];
  }

  async load() {
    const after = this.cursors[this.cursors.length - 1];
    const ticket = ++this.latest;
    const data = await this.request(ConsoleAccessLogDocument, { filter: this.filter, first: PAGE_SIZE, after });
    if (ticket !== this.latest) return;
    this.events = data?.accessLog.events ?? [];
    this.hasNext = data?.accessLog.pageInfo.hasNextPage ?? false;
    this.endCursor = data?.accessLog.pageInfo.endCursor ?? undefined;
    const page = this.cursors.length;
    const found = this.events.length ? `Page ${page}: ${this.events.length} event${this.events.length === 1 ? '' : 's'}` : 'No events';
    this.status = data ? `${found} (${describeFilter(this.filter)})${this.hasNext ? ', more on the next page' : ''}.` : '';
  }

  private onFilter(event: SubmitEvent) {
    event.preventDefault();
    const filter = filterFrom(event.target as HTMLFormElement);
    if (typeof filter === 'string') {
      this.problem = filter;
      this.status = '';
      return;
    }
    this.filter = filter;
    this.cursors = [undefined];
    void this.load();
  }

  private page(step: 1 | -1) {
    this.cursors = step === 1 ? [...this.cursors, this.endCursor] : this.cursors.slice(0, -1);
    void this.load().then(() => this.querySelector<HTMLElement>('#access-log-table caption')?.focus());
  }

  private async onExport() {
    try {
      const name = await downloadCsv(this.gatewayUrl, this.tokenProvider, 'accessLog', { ...this.filter });
      this.status = `Exported this view (every page) as ${name}.`;
      this.problem = '';
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  protected override render() {
    return html`<section aria-labelledby="access-log-heading" id="access-log">
      <h2 id="access-log-heading">Access log</h2>
      <form class="sfy-filters" @submit=${this.onFilter} novalidate data-role="access-log-filters">
        <div class="nhsuk-form-group"><label class="nhsuk-label" for="log-nhs-number">Patient NHS number</label>
          <input class="nhsuk-input nhsuk-input--width-10" id="log-nhs-number" name="nhsNumber" type="text" inputmode="numeric" autocomplete="off"></div>
        <div class="nhsuk-form-group"><label class="nhsuk-label" for="log-user-name">User name (or part of it)</label>
          <input class="nhsuk-input" id="log-user-name" name="userName" type="text" autocomplete="off"></div>
        <div class="nhsuk-form-group"><label class="nhsuk-label" for="log-organisation">Organisation name (or part of it)</label>
          <input class="nhsuk-input" id="log-organisation" name="organisationName" type="text" autocomplete="off"></div>
        <div class="nhsuk-form-group"><label class="nhsuk-label" for="log-from">From (UK time, inclusive)</label>
          <input class="nhsuk-input" id="log-from" name="from" type="datetime-local" step="1"></div>
        <div class="nhsuk-form-group"><label class="nhsuk-label" for="log-to">To (UK time, exclusive)</label>
          <input class="nhsuk-input" id="log-to" name="to" type="datetime-local" step="1"></div>
        <div class="nhsuk-checkboxes nhsuk-checkboxes--small sfy-flags">
          <div class="nhsuk-checkboxes__item"><input class="nhsuk-checkboxes__input" id="log-break-glass" name="breakGlass" type="checkbox" value="true">
            <label class="nhsuk-label nhsuk-checkboxes__label" for="log-break-glass">Break-glass looks only</label></div>
          <div class="nhsuk-checkboxes__item"><input class="nhsuk-checkboxes__input" id="log-denied" name="denied" type="checkbox" value="true">
            <label class="nhsuk-label nhsuk-checkboxes__label" for="log-denied">Refusals only</label></div>
        </div>
        <div class="sfy-actions">
          <button class="nhsuk-button" type="submit">Show events</button>
          <button class="nhsuk-button nhsuk-button--secondary" type="button" @click=${this.onExport}>Export CSV</button>
        </div>
      </form>
      ${this.renderStatus()}
      ${this.events.length ? this.renderTable() : nothing}
      <nav class="sfy-pager" aria-label="Access log pages">
        <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" ?disabled=${this.cursors.length <= 1} @click=${() => this.page(-1)}>Previous page</button>
        <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" ?disabled=${!this.hasNext} @click=${() => this.page(1)}>Next page</button>
      </nav>
    </section>`;
  }

  private renderTable() {
    return html`<div class="sfy-table-wrap"><table class="nhsuk-table" id="access-log-table" data-role="access-log">
      <caption class="nhsuk-table__caption" tabindex="-1">Events, newest first (page ${this.cursors.length})</caption>
      <thead class="nhsuk-table__head"><tr>
        ${['When', 'User', 'Organisation', 'Role', 'Patient', 'What they did', 'Shown', 'Refused', 'Break-glass'].map((h) => html`<th scope="col">${h}</th>`)}
      </tr></thead>
      <tbody class="nhsuk-table__body">${this.events.map((e) => this.renderEvent(e))}</tbody>
    </table></div>`;
  }

  private renderEvent(e: Event) {
    const refused = e.fields.filter((f) => f.outcome === 'denied');
    return html`<tr data-event-id=${e.id} data-request-id=${e.requestId}>
      <th scope="row">${when(e.at)}</th>
      <td class="sfy-user">${userLabel(e.user)}</td>
      <td>${organisationLabel(e.user.organisationName, e.user.odsCode)}</td>
      <td>${roleLabel(e.user.roleName, e.user.jobRole)}<br><span class="sfy-secondary">${profileLabel(e.user.profileName, e.user.profile)}</span></td>
      <td>${nhsNumberLabel(e.nhsNumber)}</td>
      <td>${e.client?.operationName ?? 'Not recorded'}${e.client?.application ? html`<br><span class="sfy-secondary">in ${e.client.application}</span>` : nothing}<br><span class="sfy-secondary">answered by ${e.subgraph}</span></td>
      <td>${categoriesLabel(e.categories, e.categoryNames, e.panelNames)}</td>
      <td>${refused.length ? refused.map((f) => html`<span class="sfy-flag">${f.coordinate} (${f.reason})</span><br>`) : 'Nothing'}</td>
      <td>${e.breakGlass ? html`<span class="sfy-flag">${reasonLabel(e.breakGlass.reason)}</span><br>${e.breakGlass.detail}` : 'No'}</td>
    </tr>`;
  }
}

customElements.get('sfy-access-log') ?? customElements.define('sfy-access-log', AccessLogSection);
