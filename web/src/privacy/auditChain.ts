import { html, nothing } from 'lit';
import { ConsoleChainStatusDocument, ConsoleRunVerificationDocument, type ConsoleChainStatusQuery, type ConsoleVerificationFragment } from '../generated/graphql';
import { ConsoleSection } from './consoleSection';
import { when } from './names';

/** The audit chains' state: the last verification (against the anchor outside the database), and a button to run one now. */

type Status = ConsoleChainStatusQuery['auditChainStatus'];

export class AuditChainSection extends ConsoleSection {
  static override properties = { ...ConsoleSection.properties, chainStatus: { state: true } };

  declare chainStatus?: Status;

  async load() {
    const data = await this.request(ConsoleChainStatusDocument, {});
    if (data) this.chainStatus = data.auditChainStatus;
  }

  private async verify() {
    this.status = 'Verifying every chain…';
    const data = await this.request(ConsoleRunVerificationDocument, {});
    if (!data) return;
    await this.load();
    const run = data.runAuditVerification;
    this.status = run.ok
      ? `Verified: every link of ${run.chains} chains (${run.events} events) holds.`
      : `Verification found ${run.breaks.length} broken chain${run.breaks.length === 1 ? '' : 's'}: keep the database as it is, it is evidence.`;
  }

  protected override render() {
    const last = this.chainStatus?.lastVerification;
    const chains = this.chainStatus?.chains ?? [];
    return html`<section aria-labelledby="chain-heading" id="audit-chain">
      <h2 id="chain-heading">Audit trail integrity</h2>
      <p>Each service writes its events into a hash chain; verification checks every link, and each chain against its latest anchor outside the audit database.</p>
      ${this.chainStatus ? (last ? this.renderVerification(last) : html`<p data-role="chain-state">Not verified yet.</p>`) : nothing}
      <button class="nhsuk-button" type="button" ?disabled=${this.busy} @click=${this.verify}>Run a verification now</button>
      ${this.renderStatus()}
      ${chains.length
        ? html`<details class="nhsuk-details"><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">${chains.length} chains</span></summary>
            <div class="nhsuk-details__text sfy-table-wrap"><table class="nhsuk-table" data-role="chains">
              <caption class="nhsuk-table__caption">Chains, one per running service instance</caption>
              <thead><tr>${['Chain', 'Service', 'Started', 'Head', 'Last verified', 'State'].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
              <tbody>${chains.slice(0, 100).map((c) => html`<tr><th scope="row"><code>${c.chainId}</code></th><td>${c.subgraph}</td><td>${when(c.startedAt)}</td>
                <td>${c.headSeq ?? 'No head yet'}</td><td>${c.lastVerifiedAt ? when(c.lastVerifiedAt) : 'Not yet'}</td>
                <td>${c.ok === null || c.ok === undefined ? 'Not verified' : c.ok ? 'Holds' : html`<span class="sfy-flag">Broken: ${c.problem}</span>`}</td></tr>`)}</tbody>
            </table></div></details>`
        : nothing}
    </section>`;
  }

  private renderVerification(run: ConsoleVerificationFragment) {
    return html`<div class=${run.ok ? 'sfy-state sfy-state--ok' : 'sfy-state sfy-state--broken'} data-role="chain-state">
      <p><strong>${run.ok ? 'Every link holds' : 'The trail is broken'}</strong>: last verified ${when(run.finishedAt)} by ${run.by}, ${run.chains} chains, ${run.events} events.
        ${run.anchoredAt ? `Checked against the anchor of ${when(run.anchoredAt)} (${run.anchoredChains ?? 0} chains).` : 'No anchor yet.'}</p>
      ${run.anchorProblem ? html`<p class="sfy-flag">Anchor: ${run.anchorProblem}</p>` : nothing}
      ${run.breaks.length
        ? html`<ul>${run.breaks.map((b) => html`<li>Chain <code>${b.chainId}</code> at seq ${b.seq}${b.eventId ? ` (event ${b.eventId})` : ''}: ${b.problem}</li>`)}</ul>`
        : nothing}
    </div>`;
  }
}

customElements.get('sfy-audit-chain') ?? customElements.define('sfy-audit-chain', AuditChainSection);
