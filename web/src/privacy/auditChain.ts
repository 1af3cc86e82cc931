import { html, nothing } from 'lit';
import {
  ConsoleChainStatusDocument,
  ConsoleStartVerificationDocument,
  ConsoleVerificationJobDocument,
  type ConsoleChainStatusQuery,
  type ConsoleVerificationFragment,
  type ConsoleVerificationJobFragment,
} from '../generated/graphql';
import { ConsoleSection } from './consoleSection';
import { when } from './names';

/**
 * The audit chains' state: the last verification (against the anchor outside the database), and
 * buttons to run one: as a job in the audit service, which this section follows (its progress, then
 * its result), so a verification of millions of events never waits inside one request.
 */

/** How often a running job is read again. */
const FOLLOW_MS = 1_000;

type Status = ConsoleChainStatusQuery['auditChainStatus'];

export class AuditChainSection extends ConsoleSection {
  static override properties = { ...ConsoleSection.properties, chainStatus: { state: true }, job: { state: true } };

  declare chainStatus?: Status;
  /** The verification job this page started or found running, while it is followed. */
  declare job?: ConsoleVerificationJobFragment;

  async load() {
    const data = await this.request(ConsoleChainStatusDocument, {});
    if (data) this.chainStatus = data.auditChainStatus;
    // A run started earlier (here or elsewhere) that still runs is followed too.
    if (!this.job) {
      const latest = (await this.request(ConsoleVerificationJobDocument, {}))?.auditVerificationJob;
      if (latest?.state === 'RUNNING') void this.follow(latest);
    }
  }

  private async verify(full: boolean) {
    const data = await this.request(ConsoleStartVerificationDocument, { full });
    if (data) await this.follow(data.startAuditVerification);
  }

  private async follow(job: ConsoleVerificationJobFragment) {
    this.job = job;
    while (this.job?.state === 'RUNNING' && this.isConnected) {
      this.status = progressWords(this.job);
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS));
      const next: ConsoleVerificationJobFragment | null | undefined = (await this.request(ConsoleVerificationJobDocument, { id: this.job.id }))?.auditVerificationJob;
      if (!next) return;
      this.job = next;
    }
    const ended = this.job;
    this.job = undefined;
    if (!ended) return;
    await this.load();
    const run = ended.result;
    if (ended.state === 'DONE' && run) {
      this.status = run.ok
        ? `Verified: every link of ${run.chains} chains (${run.events} events) holds.`
        : `Verification found ${run.breaks.length} broken chain${run.breaks.length === 1 ? '' : 's'}: keep the database as it is, it is evidence.`;
    } else {
      this.status = ended.state === 'INTERRUPTED' ? 'The verification stopped when the audit service stopped: run it again.' : `The verification failed: ${ended.error ?? 'no reason given'}. Run it again; if it fails again, tell the service desk.`;
    }
  }

  protected override render() {
    const last = this.chainStatus?.lastVerification;
    const chains = this.chainStatus?.chains ?? [];
    return html`<section aria-labelledby="chain-heading" id="audit-chain">
      <h2 id="chain-heading">Audit trail integrity</h2>
      <p>Each service writes its events into a hash chain; verification checks every link, and each chain against its latest anchor outside the audit database.</p>
      ${this.chainStatus ? (last ? this.renderVerification(last) : html`<p data-role="chain-state">Not verified yet.</p>`) : nothing}
      <div class="nhsuk-button-group">
        <button class="nhsuk-button" type="button" ?disabled=${this.busy || !!this.job} @click=${() => this.verify(false)}>Run a verification now</button>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" ?disabled=${this.busy || !!this.job} @click=${() => this.verify(true)}>Verify everything from the first event</button>
      </div>
      ${this.job ? html`<progress data-role="verification-progress" max=${this.job.events || 1} value=${this.job.eventsChecked} aria-label="Verification progress">${progressWords(this.job)}</progress>` : nothing}
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

function progressWords(job: ConsoleVerificationJobFragment): string {
  const what = job.full ? 'Verifying every event' : 'Verifying the events since the last checkpoint';
  return job.events ? `${what}: ${job.eventsChecked.toLocaleString('en-GB')} of ${job.events.toLocaleString('en-GB')} checked, ${job.chainsChecked} of ${job.chains} chains.` : `${what}: counting them…`;
}

customElements.get('sfy-audit-chain') ?? customElements.define('sfy-audit-chain', AuditChainSection);
