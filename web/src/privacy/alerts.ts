import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ConsoleAlertsDocument, type ConsoleAlertsQuery } from '../generated/graphql';
import { ConsoleSection } from './consoleSection';
import { nhsNumberLabel, when } from './names';

/** The alerts raised for the privacy office (break-glass, findings over the threshold, refusal spikes) and how their delivery went. */

type Alert = ConsoleAlertsQuery['alerts'][number];

const KIND: Record<string, string> = { BREAK_GLASS: 'Break-glass declaration', MONITORING_FINDING: 'Monitoring finding', REFUSAL_SPIKE: 'Refusal spike (a user or an address)' };

const DELIVERY: Record<string, string> = { PENDING: 'Waiting for the webhook (retried)', DELIVERED: 'Delivered to the webhook', CONSOLE_ONLY: 'Console only (no webhook configured)' };

export class AlertsSection extends ConsoleSection {
  static override properties = { ...ConsoleSection.properties, alerts: { state: true }, selected: { attribute: false } };

  declare alerts?: Alert[];
  /** The alert an alert link opened (/privacy/alerts/<id>), highlighted. */
  declare selected?: string;

  async load() {
    const data = await this.request(ConsoleAlertsDocument, {});
    this.alerts = data?.alerts;
    if (this.selected && this.alerts) {
      const found = this.alerts.some((a) => a.id === this.selected);
      this.status = found ? 'The alert you opened is highlighted below.' : 'The alert you opened is not among the latest 50.';
      if (found) void this.updateComplete.then(() => this.querySelector<HTMLElement>('[aria-current="true"] th')?.focus());
    }
  }

  protected override render() {
    return html`<section aria-labelledby="alerts-heading" id="alerts">
      <h2 id="alerts-heading">Alerts</h2>
      <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" @click=${() => this.load().then(() => (this.status = `${this.alerts?.length ?? 0} alerts.`))}>Refresh alerts</button>
      ${this.renderStatus()}
      ${this.alerts?.length
        ? html`<div class="sfy-table-wrap"><table class="nhsuk-table" data-role="alerts">
            <caption class="nhsuk-table__caption">The latest ${this.alerts.length} alerts, newest first</caption>
            <thead><tr>${['Alert', 'Raised', 'Patient', 'Kind', 'Delivery'].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
            <tbody>${this.alerts.map((a) => html`<tr data-alert-id=${a.id} aria-current=${a.id === this.selected ? 'true' : 'false'} class=${a.id === this.selected ? 'sfy-selected' : ''}>
              <th scope="row" tabindex=${ifDefined(a.id === this.selected ? '-1' : undefined)}>${a.title}</th><td>${when(a.raisedAt)}</td><td>${nhsNumberLabel(a.nhsNumber)}</td>
              <td>${KIND[a.kind] ?? a.kind} (${a.kind})</td>
              <td>${DELIVERY[a.delivery.state] ?? a.delivery.state}${a.delivery.attempts ? `, ${a.delivery.attempts} attempt${a.delivery.attempts === 1 ? '' : 's'}` : ''}${a.delivery.lastError ? html`<br><span class="sfy-secondary">Last error: ${a.delivery.lastError}</span>` : ''}</td>
            </tr>`)}</tbody>
          </table></div>`
        : html`<p>No alerts.</p>`}
    </section>`;
  }
}

customElements.get('sfy-privacy-alerts') ?? customElements.define('sfy-privacy-alerts', AlertsSection);
