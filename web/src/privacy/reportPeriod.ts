import { html, nothing } from 'lit';
import { when } from './names';

/** What a monitoring report looked for and over what period, as the report says of itself. */
export function reportPeriod(report: { lookedFor: string; from: string; to: string; truncated: boolean }) {
  return html`<p class="sfy-looked-for" data-role="looked-for">Looked for: ${report.lookedFor}<br>
    <span class="sfy-secondary">Period: ${when(report.from)} to ${when(report.to)}</span></p>
    ${report.truncated ? html`<p class="sfy-flag">More rows matched than one report shows: narrow the period.</p>` : nothing}`;
}
