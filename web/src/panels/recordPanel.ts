import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { execute, patientError, problemAt, type CareRecordResult, type TokenProvider } from '../client/gateway';
import type { TypedDocumentString } from '../generated/graphql';
import { panelStyles } from './styles';
import { formatDate } from './fhirTime';

/**
 * One record panel: a custom element any clinician app embeds with the patient's NHS number and a
 * token provider. It asks the gateway for its own fields (its .graphql document) and shows each
 * section with its source organisation and "as of", or why it cannot: restricted for the role, not
 * available from a source just now, or nothing recorded. A patient-level refusal is shown and
 * announced (event `sfy-patient-error`, e.g. NO_CARE_RELATIONSHIP, so a host can offer break-glass).
 */

export interface Column {
  label: string;
  value: (item: any) => unknown;
}

export interface Section {
  title: string;
  /** Response path of the section's field, e.g. ['patient', 'medications']. */
  path: string[];
  /** The source's freshness field under patient (gpSource, acuteSource, ...), for "as of". */
  source?: string;
  columns: Column[];
  /** Only some items belong here (e.g. current medications in the emergency summary). */
  filter?: (item: any) => boolean;
  /** Newest first and at most this many, for summaries. */
  limit?: number;
}

const SOURCE_LABELS: Record<string, string> = {
  gp: 'the GP practice',
  acute: 'the hospital',
  'mental-health': 'the mental health trust',
  community: 'community services',
  'social-care': 'council social care',
  registry: 'the patient register',
  audit: 'the access log',
};

export { formatDate } from './fhirTime';

const at = (data: unknown, path: string[]) => path.reduce<any>((value, key) => (value == null ? undefined : value[key]), data);

export abstract class RecordPanel<TResult extends object> extends LitElement {
  static override styles = panelStyles;
  static override properties = {
    nhsNumber: { type: String, attribute: 'nhs-number' },
    gatewayUrl: { type: String, attribute: 'gateway-url' },
    tokenProviderName: { type: String, attribute: 'token-provider' },
    tokenProvider: { attribute: false },
    hideBreakGlass: { type: Boolean, attribute: 'hide-break-glass' },
    result: { state: true },
    loading: { state: true },
  };

  // Declared, not initialised as class fields, so Lit's reactive accessors are not shadowed.
  declare nhsNumber: string;
  declare gatewayUrl: string;
  /** The name of a function on window that returns a token, for hosts that embed with markup only. */
  declare tokenProviderName: string;
  declare tokenProvider?: TokenProvider;
  /** A host showing several panels shows the break-glass banner once, not in every panel. */
  declare hideBreakGlass: boolean;
  protected declare result?: CareRecordResult<TResult>;
  protected declare loading: boolean;

  constructor() {
    super();
    this.nhsNumber = '';
    this.gatewayUrl = '';
    this.tokenProviderName = '';
    this.loading = false;
    this.hideBreakGlass = false;
  }

  protected abstract heading: string;
  protected abstract document: TypedDocumentString<TResult, { nhsNumber: string }>;
  protected abstract sections: Section[];

  /** Asks again (e.g. after break-glass was declared). */
  async refresh(): Promise<void> {
    const tokens = this.tokenProvider ?? (this.tokenProviderName ? ((window as any)[this.tokenProviderName] as TokenProvider | undefined) : undefined);
    if (!this.nhsNumber || !tokens) return;
    this.loading = true;
    try {
      this.result = await execute(this.gatewayUrl || '/graphql', tokens, this.document, { nhsNumber: this.nhsNumber });
    } catch (error) {
      this.result = { data: null, errors: [{ message: `The care record could not be reached: ${(error as Error).message}` }] };
    } finally {
      this.loading = false;
    }
    const refused = patientError(this.result.errors);
    if (refused) this.dispatchEvent(new CustomEvent('sfy-patient-error', { detail: { nhsNumber: this.nhsNumber, code: refused.extensions?.code, message: refused.message }, bubbles: true, composed: true }));
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('nhsNumber') || changed.has('tokenProvider') || changed.has('tokenProviderName') || changed.has('gatewayUrl')) void this.refresh();
  }

  protected override render(): TemplateResult {
    const titleId = `${this.localName}-title`;
    return html`<section class="panel" aria-labelledby=${titleId} aria-busy=${this.loading ? 'true' : 'false'}>
      <h2 id=${titleId}>${this.heading}</h2>
      ${this.body()}
    </section>`;
  }

  private body() {
    if (!this.result) return html`<p class="state">${this.nhsNumber ? 'Loading…' : 'No patient selected.'}</p>`;
    const { data, errors } = this.result;
    const refused = patientError(errors);
    if (refused) return html`<p class="state error" role="alert" data-state="patient-error" data-code=${String(refused.extensions?.code ?? '')}>${refused.message}</p>`;
    const breakGlass = at(data, ['patient', 'breakGlass']) as { reason: string; expiresAt: string } | null | undefined;
    return html`${breakGlass && !this.hideBreakGlass
      ? html`<p class="break-glass" role="status" data-state="break-glass">Emergency access (break-glass): ${breakGlass.reason.replace(/_/g, ' ').toLowerCase()}, until ${new Date(breakGlass.expiresAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}. This access is logged and reviewed.</p>`
      : nothing}
    ${this.sections.map((section) => this.section(section))}`;
  }

  private section(section: Section) {
    const { data, errors } = this.result!;
    const problem = problemAt(errors, section.path);
    const name = section.path.at(-1)!;
    // A one-section panel already says what it is in its own heading.
    const heading = section.title === this.heading ? nothing : html`<h3>${section.title}</h3>`;
    if (problem?.kind === 'forbidden') return html`<div data-section=${name} data-state="restricted">${heading}<p class="state restricted">Restricted for your role.</p></div>`;
    if (problem?.kind === 'unavailable' || problem?.kind === 'failed') {
      const from = SOURCE_LABELS[problem.source ?? ''] ?? problem.source;
      const what = problem.kind === 'failed' ? `Could not be read from ${from} just now (the source answered with an error).` : `Not available from ${from} just now.`;
      return html`<div data-section=${name} data-state="unavailable">${heading}<p class="state unavailable">${what} The rest of the record is shown.</p></div>`;
    }
    if (problem?.kind === 'error') {
      return html`<div data-section=${name} data-state="unavailable">${heading}<p class="state unavailable">Could not be shown: ${problem.message}</p></div>`;
    }
    const unreadable = problem?.kind === 'unreadable'
      ? html`<p class="state unavailable" data-role="unreadable">${problem.count === 1 ? '1 item' : `${problem.count} items`} from the source could not be shown; the rest are below.</p>`
      : nothing;
    const value = at(data, section.path);
    let items: any[] = value == null ? [] : Array.isArray(value) ? value : [value];
    if (section.filter) items = items.filter(section.filter);
    if (section.limit) items = items.slice(0, section.limit);
    const freshness = section.source ? (at(data, ['patient', section.source]) as { organisationNames: string[]; lastUpdated?: string | null; readAt: string } | null) : null;
    const organisations = [...new Set(items.map((i) => i.provenance?.organisationName).filter(Boolean))];
    // Sections without a source of their own (who the patient is, who is involved) come from the patient register.
    const from = organisations.length ? organisations.join(', ') : section.source ? freshness?.organisationNames.join(', ') : 'the patient register';
    const asOf = freshness ? formatDate(freshness.lastUpdated ?? freshness.readAt) : '';
    const source = from || asOf ? html`<p class="source" data-role="source">${from ? html`From ${from}` : nothing}${from && asOf ? ' · ' : ''}${asOf ? html`as of ${asOf}` : nothing}</p>` : nothing;
    if (!items.length) {
      return unreadable === nothing
        ? html`<div data-section=${name} data-state="empty">${heading}${source}<p class="state">Nothing recorded.</p></div>`
        : html`<div data-section=${name} data-state="unreadable">${heading}${source}${unreadable}</div>`;
    }
    return html`<div data-section=${name} data-state="data">${heading}${source}${unreadable}
      <table>
        <thead><tr>${section.columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
        <tbody>${items.map((item) => html`<tr>${section.columns.map((c) => html`<td>${c.value(item) ?? ''}</td>`)}</tr>`)}</tbody>
      </table></div>`;
  }
}
