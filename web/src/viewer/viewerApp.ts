import { html, LitElement, nothing } from 'lit';
import { execute, failureReason, type CareRecordError } from '../client/gateway';
import { DeclareBreakGlassDocument, MyAccessDocument, TraceDocument, type MyAccessQuery, type TraceQuery } from '../generated/graphql';
import type { RecordPanel } from '../panels/recordPanel';
import { formatDate } from '../panels/fhirTime';
import '../privacy/privacyConsole';
import { panelsOfView, type RecordView } from './recordViews';
import { beginSignIn, completeSignIn, currentToken, signOut, type ViewerConfig } from './signIn';

/**
 * The clinician viewer: sign in, find a patient (NHS number, or trace by name, birth date and
 * postcode), then the record: the emergency summary on top and every panel the role may see (as
 * myAccess says). Without a care relationship, a clinician may declare break-glass in a dialog.
 * Light DOM with the NHS design system's stylesheet; the panels bring their own shadow styles.
 */

const REASONS: Array<[string, string]> = [
  ['EMERGENCY_CARE', 'The patient is unconscious or otherwise unable to consent'],
  ['RISK_OF_HARM', 'Immediate risk to the patient or to others'],
  ['RELATIONSHIP_NOT_YET_RECORDED', 'Care has started and the relationship has not reached the record yet'],
  ['OTHER', 'Another reason (say what below)'],
];

const tagOf = (panel: string) => `sfy-${panel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const nhsNumberValid = (value: string) => /^\d{10}$/.test(value.replace(/\s/g, ''));
/** The privacy console's pages: /privacy, and /privacy/alerts/<id> (the link an alert carries). */
const onConsolePage = () => /^\/privacy(\/|$)/.test(window.location.pathname);

type Access = MyAccessQuery['myAccess'];
/** The console is for the profiles that may read the audit trail (the policy says which). */
const mayReadAuditTrail = (access: Access) => access.categories.some((c) => c.name === 'auditTrail');

export class ViewerApp extends LitElement {
  static override properties = {
    config: { state: true },
    access: { state: true },
    nhsNumber: { state: true },
    traceMatches: { state: true },
    message: { state: true },
    breakGlassFor: { state: true },
    breakGlassError: { state: true },
    declared: { state: true },
    view: { state: true },
  };

  declare config?: ViewerConfig;
  declare access?: Access;
  declare nhsNumber: string;
  declare traceMatches?: TraceQuery['patientSearch'];
  declare message: string;
  declare breakGlassFor: string;
  declare breakGlassError: string;
  declare declared?: { expiresAt: string; reason: string };
  /** The combined record (the default) or each source's panels. */
  declare view: RecordView;

  private readonly tokenProvider = () => currentToken() ?? '';

  constructor() {
    super();
    this.nhsNumber = '';
    this.message = '';
    this.breakGlassFor = '';
    this.breakGlassError = '';
    this.view = 'combined';
  }

  protected override createRenderRoot() {
    return this;
  }

  override async connectedCallback() {
    super.connectedCallback();
    this.addEventListener('sfy-patient-error', (event) => this.onPatientError(event as CustomEvent));
    try {
      this.config = (await (await fetch('/config.json')).json()) as ViewerConfig;
      await completeSignIn(this.config);
      if (currentToken()) await this.loadAccess();
    } catch (error) {
      this.message = (error as Error).message;
    }
  }

  private async request<T, V>(document: Parameters<typeof execute<T, V>>[2], variables: V) {
    return execute(this.config!.gatewayUrl, this.tokenProvider, document, variables);
  }

  private async loadAccess() {
    const { data, errors, failure } = await this.request(MyAccessDocument, {});
    if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      sessionStorage.clear();
      this.message = 'Your session has ended: sign in again.';
      return;
    }
    this.access = data?.myAccess;
    if (!this.access) this.message = errors[0]?.message ?? (failure ? `The care record could not be opened: ${failureReason(failure)}.` : 'The care record did not answer.');
  }

  private openRecord(nhsNumber: string) {
    this.nhsNumber = nhsNumber.replace(/\s/g, '');
    this.declared = undefined;
    this.breakGlassFor = '';
    this.traceMatches = undefined;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('#record-heading')?.focus());
  }

  private onFindByNumber(event: SubmitEvent) {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('nhsNumber') ?? '');
    if (!nhsNumberValid(value)) {
      this.message = 'Enter the NHS number as 10 digits, for example 999 313 3701.';
      return;
    }
    this.message = '';
    this.openRecord(value);
  }

  private async onTrace(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const familyName = String(form.get('familyName') ?? '').trim();
    const birthDate = String(form.get('birthDate') ?? '');
    const postcode = String(form.get('postcode') ?? '').trim() || undefined;
    if (!familyName || !birthDate) {
      this.message = 'Enter the family name and the date of birth to trace a patient.';
      return;
    }
    this.message = '';
    const { data, errors, failure } = await this.request(TraceDocument, { familyName, birthDate, postcode });
    // No answer is not "no matching patient".
    this.traceMatches = failure ? undefined : (data?.patientSearch ?? []);
    if (failure) this.message = `The trace could not be done: ${failureReason(failure)}. Try again.`;
    else if (errors.length) this.message = errors[0].message;
  }

  private onPatientError(event: CustomEvent<{ nhsNumber: string; code: string }>) {
    if (event.detail.code === 'NO_CARE_RELATIONSHIP' && this.access?.breakGlassAllowed && !this.declared && this.breakGlassFor !== event.detail.nhsNumber) {
      this.breakGlassFor = event.detail.nhsNumber;
      void this.updateComplete.then(() => this.querySelector<HTMLDialogElement>('#break-glass')?.showModal());
    }
  }

  private async onDeclare(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const reason = String(form.get('reason') ?? '');
    const detail = String(form.get('detail') ?? '').trim();
    if (!reason || !detail) {
      this.breakGlassError = 'Choose a reason and say why you need to see this record now.';
      return;
    }
    const { data, errors } = await this.request(DeclareBreakGlassDocument, { nhsNumber: this.breakGlassFor, reason: reason as never, detail });
    if (!data?.declareBreakGlass) {
      this.breakGlassError = (errors as CareRecordError[])[0]?.message ?? 'The declaration was not accepted.';
      return;
    }
    this.breakGlassError = '';
    this.declared = { expiresAt: data.declareBreakGlass.expiresAt, reason: data.declareBreakGlass.reason };
    this.querySelector<HTMLDialogElement>('#break-glass')?.close();
    await Promise.all([...this.querySelectorAll('#record [data-panel]')].map((panel) => (panel as RecordPanel<object>).refresh()));
  }

  private cancelBreakGlass() {
    this.querySelector<HTMLDialogElement>('#break-glass')?.close();
  }

  protected override render() {
    const signedIn = !!currentToken() && !!this.access;
    // The console's tables of the trail want the width of the screen; everything else the design system's.
    const wide = signedIn && onConsolePage() && mayReadAuditTrail(this.access!);
    const container = wide ? 'nhsuk-width-container-fluid sfy-console' : 'nhsuk-width-container';
    return html`
      <header class="nhsuk-header" role="banner">
        <div class="nhsuk-header__container ${container}">
          <div class="nhsuk-header__service"><span class="nhsuk-header__service-name" style="color:#fff;font-weight:bold;font-size:1.25rem">ShareforYou Care Record</span></div>
          ${signedIn
            ? html`<p class="sfy-header-user" data-role="signed-in">${this.access!.profileLabel} · ${this.access!.odsCode}
                <button class="nhsuk-button nhsuk-button--reverse nhsuk-button--small sfy-no-print" style="margin:0 0 0 12px" @click=${() => signOut(this.config!)}>Sign out</button></p>`
            : nothing}
        </div>
      </header>
      <div class=${container}>
        <main class="nhsuk-main-wrapper" id="main-content">
          ${this.message ? html`<div class="nhsuk-error-summary" role="alert" tabindex="-1"><h2 class="nhsuk-error-summary__title">There is a problem</h2><p>${this.message}</p></div>` : nothing}
          ${signedIn ? (onConsolePage() ? this.renderConsole() : this.renderSignedIn()) : this.renderSignIn()}
        </main>
      </div>`;
  }

  private renderSignIn() {
    return html`<h1>Sign in to see the shared care record</h1>
      <p>You sign in with your NHS smartcard account (NHS CIS2). The record shows only what your role may see, and every look is logged.</p>
      <button class="nhsuk-button" ?disabled=${!this.config} @click=${() => beginSignIn(this.config!)}>Sign in</button>`;
  }

  private renderSignedIn() {
    const access = this.access!;
    if (!access.recordAccessAllowed) {
      return html`<h1>Your role does not open patient records</h1>
        ${mayReadAuditTrail(access)
          ? html`<p>You read the audit trail: who looked at which record, when, and what they saw.</p><p><a class="nhsuk-button" href="/privacy" data-role="open-console">Open the privacy console</a></p>`
          : html`<p>Ask your organisation's registration authority about the role you need.</p>`}`;
    }
    return html`
      <div class="sfy-search">
        <form @submit=${this.onFindByNumber} novalidate>
          <h2>Find a patient by NHS number</h2>
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="nhs-number">NHS number</label>
            <div class="nhsuk-hint" id="nhs-number-hint">10 digits, for example 999 313 3701</div>
            <input class="nhsuk-input nhsuk-input--width-10" id="nhs-number" name="nhsNumber" type="text" inputmode="numeric" autocomplete="off" aria-describedby="nhs-number-hint">
          </div>
          <button class="nhsuk-button" type="submit">Open record</button>
        </form>
        ${access.traceAllowed
          ? html`<form @submit=${this.onTrace} novalidate>
              <h2>Or trace by name and date of birth</h2>
              <div class="nhsuk-form-group"><label class="nhsuk-label" for="family-name">Family name</label><input class="nhsuk-input" id="family-name" name="familyName" type="text" autocomplete="off"></div>
              <div class="nhsuk-form-group"><label class="nhsuk-label" for="birth-date">Date of birth</label><input class="nhsuk-input nhsuk-input--width-10" id="birth-date" name="birthDate" type="date"></div>
              <div class="nhsuk-form-group"><label class="nhsuk-label" for="postcode">Postcode (optional)</label><input class="nhsuk-input nhsuk-input--width-10" id="postcode" name="postcode" type="text" autocomplete="off"></div>
              <button class="nhsuk-button nhsuk-button--secondary" type="submit">Trace</button>
            </form>`
          : nothing}
      </div>
      ${this.traceMatches ? this.renderMatches() : nothing}
      ${this.nhsNumber ? this.renderRecord(access) : nothing}
      ${this.renderBreakGlassDialog()}`;
  }

  private renderConsole() {
    const access = this.access!;
    if (!mayReadAuditTrail(access)) {
      return html`<h1 data-role="console-refused">The privacy console is for privacy officers</h1>
        <p>Your role (${access.profileLabel}) does not read the audit trail, so the console is not shown, and the care record refuses its questions for your role.</p>
        <p>Privacy officers and Caldicott guardians sign in with that role to use it.${access.recordAccessAllowed ? html` <a href="/">Find a patient's record</a> instead.` : nothing}</p>`;
    }
    return html`<sfy-privacy-console .gatewayUrl=${this.config!.gatewayUrl} .tokenProvider=${this.tokenProvider}></sfy-privacy-console>`;
  }

  private renderMatches() {
    if (!this.traceMatches!.length) return html`<p role="status">No patient matches. Check the spelling and the date of birth.</p>`;
    return html`<h2>Matching patients</h2>
      <ul class="nhsuk-list" role="list" data-role="matches">
        ${this.traceMatches!.map((m) => html`<li><button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" @click=${() => this.openRecord(m.nhsNumber)}>Open ${m.name.text}, born ${formatDate(m.birthDate)}${m.postcode ? `, ${m.postcode}` : ''}</button></li>`)}
      </ul>`;
  }

  private showView(view: RecordView) {
    this.view = view;
  }

  private renderRecord(access: Access) {
    const panels = panelsOfView(access.panels, this.view);
    const gateway = this.config!.gatewayUrl;
    const viewButton = (view: RecordView, label: string) =>
      html`<button type="button" class="nhsuk-button nhsuk-button--small ${this.view === view ? '' : 'nhsuk-button--secondary'}" aria-pressed=${this.view === view ? 'true' : 'false'} data-view=${view} @click=${() => this.showView(view)}>${label}</button>`;
    return html`<section id="record" aria-labelledby="record-heading">
      <h1 id="record-heading" tabindex="-1">Record for NHS number ${this.nhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3')}</h1>
      ${this.declared
        ? html`<p class="sfy-banner" role="status" data-role="break-glass-banner">You are viewing this record under emergency access (break-glass) until ${new Date(this.declared.expiresAt).toLocaleString('en-GB', { timeZone: 'Europe/London' })}. Your access is logged and will be reviewed.</p>`
        : nothing}
      <div class="sfy-record-views sfy-no-print" role="group" aria-label="How to show the record" data-role="record-views">
        ${viewButton('combined', 'Combined record')}${viewButton('source', 'View by source')}
      </div>
      <p class="sfy-view-hint" data-role="view-hint">${this.view === 'combined'
        ? 'Each item once, naming every organisation that records it, with each one’s status and date.'
        : 'Each organisation’s record apart, as it holds it.'}</p>
      <nav class="sfy-contents sfy-no-print" aria-label="Sections of this record" data-role="section-nav">
        <h2 class="nhsuk-u-visually-hidden">Sections of this record</h2>
        <ul class="nhsuk-list">${panels.map((p) => html`<li><a href="#panel-${p.name}" @click=${(e: Event) => this.goToPanel(e, p.name)}>${p.label}</a></li>`)}</ul>
      </nav>
      ${panels.map(({ name }) => {
        const element = document.createElement(tagOf(name)) as RecordPanel<object>;
        element.setAttribute('data-panel', name);
        element.id = `panel-${name}`;
        element.tabIndex = -1;
        // The emergency summary on top carries the break-glass banner for the whole record.
        element.hideBreakGlass = name !== 'emergencySummary';
        element.gatewayUrl = gateway;
        element.tokenProvider = this.tokenProvider;
        element.nhsNumber = this.nhsNumber;
        return element;
      })}
    </section>`;
  }

  /** A contents link moves focus to its panel, so the keyboard goes on from there. */
  private goToPanel(event: Event, name: string) {
    const panel = this.querySelector<HTMLElement>(`#panel-${name}`);
    if (!panel) return;
    event.preventDefault();
    panel.scrollIntoView();
    panel.focus();
  }

  private renderBreakGlassDialog() {
    return html`<dialog id="break-glass" class="sfy-dialog" aria-labelledby="break-glass-title" @cancel=${this.cancelBreakGlass}>
      <form @submit=${this.onDeclare} novalidate>
        <h2 id="break-glass-title">No care relationship: emergency access</h2>
        <p>Your organisation has no recorded care relationship with this patient. In an emergency you may declare break-glass access. It lasts a short time, is logged, and a privacy officer reviews it.</p>
        ${this.breakGlassError ? html`<p class="nhsuk-error-message" role="alert">${this.breakGlassError}</p>` : nothing}
        <fieldset class="nhsuk-fieldset">
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Why do you need to see this record now?</legend>
          <div class="nhsuk-radios">
            ${REASONS.map(([value, label]) => html`<div class="nhsuk-radios__item"><input class="nhsuk-radios__input" id="reason-${value}" name="reason" type="radio" value=${value}><label class="nhsuk-label nhsuk-radios__label" for="reason-${value}">${label}</label></div>`)}
          </div>
        </fieldset>
        <div class="nhsuk-form-group"><label class="nhsuk-label" for="break-glass-detail">Details (required)</label><textarea class="nhsuk-textarea" id="break-glass-detail" name="detail" rows="3"></textarea></div>
        <button class="nhsuk-button nhsuk-button--warning" type="submit">Declare emergency access</button>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" @click=${this.cancelBreakGlass}>Cancel</button>
      </form>
    </dialog>`;
  }
}

customElements.get('sfy-viewer') ?? customElements.define('sfy-viewer', ViewerApp);
