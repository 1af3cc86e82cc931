import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_TIMEOUT_SECONDS, execute, patientError, type CareRecordResult, type TokenProvider } from '../client/gateway';
import { currentAndHistory, sectionState, sectionWords } from './sectionState';
import type { TypedDocumentString } from '../generated/graphql';
import { panelStyles } from './styles';
import { formatDate } from './fhirTime';
import { combinedSectionSources } from './combinedSectionSources';
import { emptyWords, notReadLines, sourceLine, sourcesLine, type Freshness, type SourceNotRead } from './combinedWords';

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
  /** Response path of the section's field, e.g. ['patient', 'medications'], or of a combined section's list, e.g. ['patient', 'combinedAllergies', 'items']. */
  path: string[];
  /** Its name in the page (`data-section`); the path's last part by default. */
  name?: string;
  /**
   * The source's freshness field under patient (gpSource, acuteSource, ...), for "as of". A combined
   * section names every source it is computed from, each with its own "as of", from the schema's
   * table (combinedSectionSources), never a list of its own.
   */
  source?: string;
  /** A combined section: the path of its `notRead` list, each source shown "Not available from <source>: ...", never as nothing recorded. */
  notRead?: string[];
  /** The path of sentences shown prominently as warnings above the list (a no-known-allergies statement beside a current allergy). */
  warnings?: string[];
  columns: Column[];
  /** Only some items belong here. */
  filter?: (item: any) => boolean;
  /** The items as rows, when several items are one thing (a statement and the prescription it is based on: one medicine, H180). */
  rows?: (items: any[]) => any[];
  /**
   * For lists whose items carry `current`: only current = true items are listed as current. The
   * others go in a history part under `history` (its title), or are left out when `history` is
   * 'left out' (a summary that shows what applies now).
   */
  current?: { history: string | 'left out' };
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
    timeoutSeconds: { type: Number, attribute: 'timeout-seconds' },
    result: { state: true },
    loading: { state: true },
    busyRetrying: { state: true },
  };

  // Declared, not initialised as class fields, so Lit's reactive accessors are not shadowed.
  declare nhsNumber: string;
  declare gatewayUrl: string;
  /** The name of a function on window that returns a token, for hosts that embed with markup only. */
  declare tokenProviderName: string;
  declare tokenProvider?: TokenProvider;
  /** A host showing several panels shows the break-glass banner once, not in every panel. */
  declare hideBreakGlass: boolean;
  /** How long to wait for the record before saying it could not be loaded (default 20 s). */
  declare timeoutSeconds: number;
  /** Which refresh is the latest: an older answer (another patient's) never replaces a newer one. */
  private asked = 0;
  protected declare result?: CareRecordResult<TResult>;
  protected declare loading: boolean;
  /** The gateway said it was at capacity (SERVICE_BUSY) and the request is being asked again. */
  protected declare busyRetrying: boolean;

  constructor() {
    super();
    this.nhsNumber = '';
    this.gatewayUrl = '';
    this.tokenProviderName = '';
    this.loading = false;
    this.hideBreakGlass = false;
    this.timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
  }

  protected abstract heading: string;
  protected abstract document: TypedDocumentString<TResult, { nhsNumber: string }>;
  protected abstract sections: Section[];

  /** Asks again (e.g. after break-glass was declared). */
  async refresh(): Promise<void> {
    const tokens = this.tokenProvider ?? (this.tokenProviderName ? ((window as any)[this.tokenProviderName] as TokenProvider | undefined) : undefined);
    if (!this.nhsNumber || !tokens) return;
    const ask = ++this.asked;
    this.loading = true;
    let result: CareRecordResult<TResult>;
    try {
      result = await execute(this.gatewayUrl || '/graphql', tokens, this.document, { nhsNumber: this.nhsNumber }, { timeoutSeconds: this.timeoutSeconds, onBusy: () => ask === this.asked && (this.busyRetrying = true) });
    } catch {
      result = { data: null, errors: [], failure: { kind: 'unreachable' } };
    }
    if (ask !== this.asked) return;
    this.result = result;
    this.loading = false;
    this.busyRetrying = false;
    const refused = patientError(this.result.errors);
    if (refused) this.dispatchEvent(new CustomEvent('sfy-patient-error', { detail: { nhsNumber: this.nhsNumber, code: refused.extensions?.code, message: refused.message }, bubbles: true, composed: true }));
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Another patient: the last one's record must not stay on screen under the new number.
    if (changed.has('nhsNumber') && changed.get('nhsNumber')) this.result = undefined;
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
    if (!this.result) {
      if (this.busyRetrying) return html`<p class="state" role="status" data-state="busy">The record service is busy: asking again…</p>`;
      return html`<p class="state">${this.nhsNumber ? 'Loading…' : 'No patient selected.'}</p>`;
    }
    const { data, errors } = this.result;
    const refused = patientError(errors);
    if (refused) return html`<p class="state error" role="alert" data-state="patient-error" data-code=${String(refused.extensions?.code ?? '')}>${refused.message}</p>`;
    const failure = this.result.failure && !data ? this.result.failure : undefined;
    const breakGlass = at(data, ['patient', 'breakGlass']) as { reason: string; expiresAt: string } | null | undefined;
    return html`${breakGlass && !this.hideBreakGlass
      ? html`<p class="break-glass" role="status" data-state="break-glass">Emergency access (break-glass): ${breakGlass.reason.replace(/_/g, ' ').toLowerCase()}, until ${new Date(breakGlass.expiresAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}. This access is logged and reviewed.</p>`
      : nothing}
    ${failure
      ? html`<div class="could-not-load" role="alert" data-state="could-not-load"><p><strong>This record could not be loaded.</strong> Nothing below means that nothing is recorded.</p>
          <button type="button" class="retry" @click=${() => void this.refresh()}>Try again</button></div>`
      : nothing}
    ${this.sections.map((section) => this.section(section))}`;
  }

  private section(section: Section) {
    const { data } = this.result!;
    const name = section.name ?? section.path.at(-1)!;
    // A one-section panel already says what it is in its own heading.
    const own = section.title !== this.heading;
    const heading = own ? html`<h3>${section.title}</h3>` : nothing;
    const state = sectionState(this.result!, section.path);
    const sourceLabel = (source?: string) => SOURCE_LABELS[source ?? ''] ?? source;
    if (state.kind === 'could-not-load') {
      return html`<div data-section=${name} data-state="could-not-load">${heading}<p class="state could-not-load">${sectionWords(state, section.title, sourceLabel)}</p></div>`;
    }
    if (state.kind === 'restricted') return html`<div data-section=${name} data-state="restricted" data-reason=${state.restrictedRecord ? 'restricted-record' : 'role'}>${heading}<p class="state restricted">${sectionWords(state, section.title, sourceLabel)}</p></div>`;
    if (state.kind === 'unavailable') return html`<div data-section=${name} data-state="unavailable">${heading}<p class="state unavailable">${sectionWords(state, section.title, sourceLabel)}</p></div>`;
    const unreadable = state.kind === 'listed' && state.unreadable
      ? html`<p class="state unavailable" data-role="unreadable">${state.unreadable === 1 ? '1 item' : `${state.unreadable} items`} from the source could not be shown; the rest are below.</p>`
      : nothing;
    // Only what the record says is current is listed as current (clinical-safety H62-H64).
    const listed = state.kind === 'listed' ? state.items : [];
    const { current: items, history: shownPast, leftOut } = currentAndHistory(section.rows ? section.rows(listed) : listed, section);
    const history = section.current?.history;
    const source = this.sourceLine(section, [...items, ...shownPast]);
    // A combined section's sources whose part is missing: named, never read as nothing recorded (H83).
    const notReadList = notReadLines(section.notRead ? ((at(data, section.notRead) as SourceNotRead[] | null | undefined) ?? []) : []);
    const notRead = notReadList.map((line) => html`<p class="state unavailable" data-role="not-read">${line}</p>`);
    const warnings = ((section.warnings ? at(data, section.warnings) : undefined) as string[] | null | undefined) ?? [];
    const warned = warnings.map((w) => html`<div class="warning" role="note" data-role="warning"><strong>Warning: conflicting statements.</strong> ${w}</div>`);
    if (!items.length && !shownPast.length) {
      if (unreadable !== nothing) return html`<div data-section=${name} data-state="unreadable">${heading}${warned}${source}${notRead}${unreadable}</div>`;
      // Items there, none current: a summary says so rather than "nothing recorded".
      const words = emptyWords({ leftOut, notRead: notReadList.length });
      return html`<div data-section=${name} data-state=${notReadList.length ? 'partial' : 'empty'}>${heading}${warned}${source}${notRead}<p class="state">${words}</p></div>`;
    }
    const current = items.length ? this.table(section.columns, items, 'current') : html`<p class="state" data-part="current">Nothing current recorded.</p>`;
    const historyHeading = own ? html`<h4 data-role="history-heading">${history}</h4>` : html`<h3 data-role="history-heading">${history}</h3>`;
    return html`<div data-section=${name} data-state="data">${heading}${warned}${source}${notRead}${unreadable}${current}
      ${shownPast.length ? html`${historyHeading}${this.table(section.columns, shownPast, 'history')}` : nothing}</div>`;
  }

  /** "From <organisation> · as of <date>": the organisations of the items shown, else those the source names; several sources each with their own as-of. */
  private sourceLine(section: Section, shown: any[]) {
    const { data } = this.result!;
    let line: string;
    const combinedSources = combinedSectionSources(section.path);
    if (combinedSources) {
      line = sourcesLine(combinedSources.map((s) => at(data, ['patient', s]) as Freshness | null), formatDate);
    } else {
      const freshness = section.source ? (at(data, ['patient', section.source]) as Freshness | null) : null;
      const organisations = [...new Set(shown.map((i) => i.provenance?.organisationName).filter(Boolean))] as string[];
      line = sourceLine(section.source, freshness, organisations, formatDate);
    }
    return line ? html`<p class="source" data-role="source">${line}</p>` : nothing;
  }

  private table(columns: Column[], items: any[], part: 'current' | 'history') {
    return html`<table data-part=${part}>
        <thead><tr>${columns.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
        <tbody>${items.map((item) => html`<tr>${columns.map((c) => html`<td>${c.value(item) ?? ''}</td>`)}</tr>`)}</tbody>
      </table>`;
  }
}
