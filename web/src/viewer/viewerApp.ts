import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { execute, failureReason, patientError, type CareRecordError } from '../client/gateway';
import { DeclareBreakGlassDocument, MyAccessDocument, PatientBannerDocument, TraceDocument, type MyAccessQuery, type PatientBannerQuery, type TraceQuery } from '../generated/graphql';
import type { RecordPanel } from '../panels/recordPanel';
import { formatDate } from '../panels/fhirTime';
import '../privacy/privacyConsole';
import { dateOfBirthFrom } from './dateInput';
import { nhsNumberProblem } from './nhsNumberField';
import { bannerName, bornText, formatNhsNumber, genderText, ukDay } from './patientBannerWords';
import { panelsOfView, type RecordView } from './recordViews';
import { beginLaunch, beginSignIn, completeSignIn, currentToken, SIGNED_OUT_STATE, signOut, takeLaunchPatient, type ViewerConfig } from './signIn';

/**
 * The clinician viewer: sign in, find a patient (NHS number, or trace by name, birth date and
 * postcode), then the record: the patient banner first (who this is: asked before any panel), the
 * emergency summary and every panel the role may see (as myAccess says). A refusal about the whole
 * patient (no care relationship, no shared record) is said once, in place of the panels; without a
 * care relationship a clinician may declare break-glass in a dialog that names the patient.
 * Light DOM with the NHS design system's stylesheet; the panels bring their own shadow styles.
 */

const REASONS: Array<[string, string]> = [
  ['EMERGENCY_CARE', 'The patient is unconscious or otherwise unable to consent'],
  ['RISK_OF_HARM', 'Immediate risk to the patient or to others'],
  ['RELATIONSHIP_NOT_YET_RECORDED', 'Care has started and the relationship has not reached the record yet'],
  ['OTHER', 'Another reason (say what below)'],
];

const tagOf = (panel: string) => `sfy-${panel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
/** The privacy console's pages: /privacy, and /privacy/alerts/<id> (the link an alert carries). */
const onConsolePage = () => /^\/privacy(\/|$)/.test(window.location.pathname);

type Access = MyAccessQuery['myAccess'];
type BannerPatient = NonNullable<PatientBannerQuery['patient']>;
/** What the record said about the patient, before any panel is shown. */
type PatientState =
  | { kind: 'loading' }
  | { kind: 'shown'; patient: BannerPatient }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'failed'; reason: string };
/** The patient as a trace showed them (before access): the break-glass dialog may name them. */
interface Traced {
  nhsNumber: string;
  name: string;
  born: string;
}
/** The console is for the profiles that may read the audit trail (the policy says which). */
const mayReadAuditTrail = (access: Access) => access.categories.some((c) => c.name === 'auditTrail');

export class ViewerApp extends LitElement {
  static override properties = {
    signedOut: { state: true },
    config: { state: true },
    access: { state: true },
    nhsNumber: { state: true },
    traceMatches: { state: true },
    message: { state: true },
    breakGlassFor: { state: true },
    breakGlassError: { state: true },
    view: { state: true },
    patientState: { state: true },
    nhsNumberError: { state: true },
    traceErrors: { state: true },
  };

  declare config?: ViewerConfig;
  declare access?: Access;
  declare nhsNumber: string;
  declare traceMatches?: TraceQuery['patientSearch'];
  declare message: string;
  /** Back from the provider's sign-out: the page says so. */
  declare signedOut?: boolean;
  declare breakGlassFor: string;
  declare breakGlassError: string;
  /** The combined record (the default) or each source's panels. */
  declare view: RecordView;
  declare patientState?: PatientState;
  /** Why the NHS number typed cannot be a patient's (nothing is asked of the record then). */
  declare nhsNumberError: string;
  /** What is wrong with the trace form, each with the id of the field it links to. */
  declare traceErrors: Array<{ field: string; text: string }>;
  private traced?: Traced;
  /** Which patient load is the latest: an older answer never replaces a newer one. */
  private loads = 0;
  /** The panels of the open record, made once each, so re-rendering the page never asks the record again. */
  private panelElements = new Map<string, RecordPanel<object>>();
  /**
   * On a narrow screen a panel whose table is wider than it scrolls inside itself (viewer.css):
   * then it takes keyboard focus in the tab order, so it can be scrolled without a mouse.
   */
  private readonly overflowWatch = new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const scrolls = getComputedStyle(target).overflowX === 'auto' && target.scrollWidth > target.clientWidth + 1;
      (target as HTMLElement).tabIndex = scrolls ? 0 : -1;
    }
  });

  private readonly tokenProvider = () => currentToken() ?? '';

  constructor() {
    super();
    this.nhsNumber = '';
    this.message = '';
    this.breakGlassFor = '';
    this.breakGlassError = '';
    this.nhsNumberError = '';
    this.traceErrors = [];
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
      // SMART EHR launch from a clinical system: sign in as its user, with its patient in context.
      if (window.location.pathname === '/launch') {
        const launchUrl = new URL(window.location.href);
        window.history.replaceState(null, '', '/');
        await beginLaunch(this.config, launchUrl);
        return;
      }
      if (new URL(window.location.href).searchParams.get('state') === SIGNED_OUT_STATE) {
        this.signedOut = true;
        window.history.replaceState(null, '', '/');
      }
      await completeSignIn(this.config);
      if (currentToken()) await this.loadAccess();
      const launched = takeLaunchPatient();
      if (launched && this.access) this.openRecord(launched);
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

  private openRecord(nhsNumber: string, traced?: Traced) {
    this.nhsNumber = nhsNumber.replace(/\s/g, '');
    this.traced = traced;
    this.breakGlassFor = '';
    this.traceMatches = undefined;
    // Asked every time, the same number again too: after Cancel, Open record offers break-glass again.
    void this.loadPatient(true);
  }

  /** The banner's question: who the patient is, or why the record is refused. The panels follow only a patient. */
  private async loadPatient(focus: boolean) {
    const nhsNumber = this.nhsNumber;
    const load = ++this.loads;
    this.patientState = { kind: 'loading' };
    this.forgetPanels();
    const { data, errors, failure } = await this.request(PatientBannerDocument, { nhsNumber });
    if (load !== this.loads) return;
    const refused = patientError(errors);
    if (refused?.extensions?.code === 'UNAUTHENTICATED') {
      sessionStorage.clear();
      this.access = undefined;
      this.message = 'Your session has ended: sign in again.';
      return;
    }
    if (data?.patient) this.patientState = { kind: 'shown', patient: data.patient };
    else if (refused) this.patientState = { kind: 'refused', code: String(refused.extensions?.code ?? ''), message: refused.message };
    else this.patientState = { kind: 'failed', reason: failure ? failureReason(failure) : (errors[0]?.message ?? 'the record gave no answer about this patient') };
    await this.updateComplete;
    if (this.patientState.kind === 'refused' && this.patientState.code === 'NO_CARE_RELATIONSHIP' && this.access?.breakGlassAllowed) {
      this.openBreakGlass();
      return;
    }
    if (focus) this.focusRecordHeading();
  }

  /** The banner at the top of the screen, its heading focused, so the patient is confirmed first. */
  private focusRecordHeading() {
    const heading = this.querySelector<HTMLElement>('#record-heading');
    (heading?.closest<HTMLElement>('.sfy-patient-banner') ?? heading)?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  private onFindByNumber(event: SubmitEvent) {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('nhsNumber') ?? '');
    const problem = nhsNumberProblem(value);
    this.message = '';
    this.traceErrors = [];
    if (problem) {
      // Not a patient's number: no request, and no record left open under a number that was replaced.
      this.nhsNumberError = problem;
      // An answer still on its way for the record open before is dropped too.
      this.loads += 1;
      this.nhsNumber = '';
      this.patientState = undefined;
      this.forgetPanels();
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#nhs-number-error-summary')?.focus());
      return;
    }
    this.nhsNumberError = '';
    this.openRecord(value);
  }

  /** The design system's error summary: at the top, taking focus, each message a link to its field. */
  private errorSummary(id: string, errors: Array<{ field: string; text: string }>) {
    return html`<div class="nhsuk-error-summary" id=${id} aria-labelledby="${id}-title" role="alert" tabindex="-1" data-role="error-summary">
      <h2 class="nhsuk-error-summary__title" id="${id}-title">There is a problem</h2>
      <div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">
        ${errors.map((e) => html`<li><a href="#${e.field}" @click=${(event: Event) => this.focusField(event, e.field)}>${e.text}</a></li>`)}
      </ul></div>
    </div>`;
  }

  /** The error summary's link puts the cursor in the field (the design system's script does this; the viewer does not load it). */
  private focusField(event: Event, id: string) {
    event.preventDefault();
    const input = this.querySelector<HTMLInputElement>(`#${id}`);
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  }

  private async onTrace(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const familyName = String(form.get('familyName') ?? '').trim();
    const born = dateOfBirthFrom(String(form.get('birthDay') ?? ''), String(form.get('birthMonth') ?? ''), String(form.get('birthYear') ?? ''), ukDay());
    const postcode = String(form.get('postcode') ?? '').trim() || undefined;
    this.message = '';
    this.nhsNumberError = '';
    const problems = [...(familyName ? [] : [{ field: 'family-name', text: 'Enter the family name' }]), ...('problem' in born ? [{ field: `birth-date-${born.field}`, text: born.problem }] : [])];
    this.traceErrors = problems;
    if (problems.length || !('date' in born)) {
      void this.updateComplete.then(() => this.querySelector<HTMLElement>('#trace-error-summary')?.focus());
      return;
    }
    const birthDate = born.date;
    const { data, errors, failure } = await this.request(TraceDocument, { familyName, birthDate, postcode });
    // No answer is not "no matching patient".
    this.traceMatches = failure ? undefined : (data?.patientSearch ?? []);
    if (failure) this.message = `The trace could not be done: ${failureReason(failure)}. Try again.`;
    else if (errors.length) this.message = errors[0].message;
  }

  /** A panel refused about the whole patient (break-glass expired while reading): ask the banner again, which says it once. */
  private onPatientError(event: CustomEvent<{ nhsNumber: string; code: string }>) {
    if (event.detail.nhsNumber !== this.nhsNumber || this.patientState?.kind !== 'shown') return;
    if (['NO_CARE_RELATIONSHIP', 'NO_SHARED_RECORD'].includes(event.detail.code)) void this.loadPatient(true);
  }

  private openBreakGlass() {
    this.breakGlassFor = this.nhsNumber;
    this.breakGlassError = '';
    void this.updateComplete.then(() => {
      const dialog = this.querySelector<HTMLDialogElement>('#break-glass');
      if (dialog && !dialog.open) {
        dialog.querySelector('form')?.reset();
        dialog.showModal();
      }
    });
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
    this.querySelector<HTMLDialogElement>('#break-glass')?.close();
    // The banner asks again: it names the patient and carries the emergency access flag; the panels follow.
    await this.loadPatient(true);
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
            ? html`<p class="sfy-header-user" data-role="signed-in"><span data-role="user-name">${this.access!.userName}</span> · <span data-role="organisation">${this.access!.organisationName ?? this.access!.odsCode}</span> <span class="sfy-header-role">(${this.access!.profileLabel}, ${this.access!.odsCode})</span>
                <button class="nhsuk-button nhsuk-button--reverse nhsuk-button--small sfy-no-print" style="margin:0 0 0 12px" @click=${() => signOut(this.config!)}>Sign out</button></p>`
            : nothing}
        </div>
      </header>
      <div class=${container}>
        <main class="nhsuk-main-wrapper" id="main-content">
          ${this.nhsNumberError && signedIn && !onConsolePage() ? this.errorSummary('nhs-number-error-summary', [{ field: 'nhs-number', text: this.nhsNumberError }]) : nothing}
          ${this.traceErrors.length && signedIn && !onConsolePage() ? this.errorSummary('trace-error-summary', this.traceErrors) : nothing}
          ${this.message ? html`<div class="nhsuk-error-summary" role="alert" tabindex="-1"><h2 class="nhsuk-error-summary__title">There is a problem</h2><p>${this.message}</p></div>` : nothing}
          ${signedIn ? (onConsolePage() ? this.renderConsole() : this.renderSignedIn()) : this.renderSignIn()}
        </main>
      </div>`;
  }

  private renderSignIn() {
    // Signed in at the provider, but refused by the record (an organisation not party to the sharing agreement): say so above, and offer the way out.
    if (currentToken() && this.message) {
      return html`<h1>You cannot use the shared care record in this role</h1>
        <p>The reason is given above. Sign out, then sign in again in another role or from another organisation, or ask your organisation's information governance lead.</p>
        <button class="nhsuk-button" data-role="refused-sign-out" ?disabled=${!this.config} @click=${() => signOut(this.config!)}>Sign out</button>`;
    }
    if (this.signedOut) {
      return html`<h1>You have signed out</h1>
        <p>You have signed out of the shared care record. Nothing from the record is kept in this browser.</p>
        <button class="nhsuk-button" ?disabled=${!this.config} @click=${() => beginSignIn(this.config!)}>Sign in again</button>`;
    }
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
    if (access.launchPatient) {
      // Launched from a clinical system for one patient: this sign-in opens that record only (the
      // server refuses any other), so there is nothing to search for.
      return html`
        <p class="sfy-launched" data-role="launched-for">Opened from your clinical system for NHS number ${formatNhsNumber(access.launchPatient)}. This sign-in opens only this patient's record: to look at another, open it from your clinical system.</p>
        ${this.nhsNumber ? this.renderRecord(access) : nothing}
        ${this.breakGlassFor ? this.renderBreakGlassDialog() : nothing}`;
    }
    return html`
      <div class="sfy-search">
        <form @submit=${this.onFindByNumber} novalidate>
          <h2>Find a patient by NHS number</h2>
          <div class="nhsuk-form-group ${this.nhsNumberError ? 'nhsuk-form-group--error' : ''}">
            <label class="nhsuk-label" for="nhs-number">NHS number</label>
            <div class="nhsuk-hint" id="nhs-number-hint">10 digits, for example 999 313 3701</div>
            ${this.nhsNumberError ? html`<span class="nhsuk-error-message" id="nhs-number-error" data-role="nhs-number-error"><span class="nhsuk-u-visually-hidden">Error:</span> ${this.nhsNumberError}</span>` : nothing}
            <input class="nhsuk-input nhsuk-input--width-10 ${this.nhsNumberError ? 'nhsuk-input--error' : ''}" id="nhs-number" name="nhsNumber" type="text" inputmode="numeric" autocomplete="off"
              aria-describedby=${this.nhsNumberError ? 'nhs-number-hint nhs-number-error' : 'nhs-number-hint'} aria-invalid=${this.nhsNumberError ? 'true' : 'false'}>
          </div>
          <button class="nhsuk-button" type="submit">Open record</button>
        </form>
        ${access.traceAllowed
          ? html`<form @submit=${this.onTrace} novalidate>
              <h2>Or trace by name and date of birth</h2>
              ${this.renderFamilyName()}
              ${this.renderDateOfBirth()}
              <div class="nhsuk-form-group"><label class="nhsuk-label" for="postcode">Postcode (optional)</label><input class="nhsuk-input nhsuk-input--width-10" id="postcode" name="postcode" type="text" autocomplete="off"></div>
              <button class="nhsuk-button nhsuk-button--secondary" type="submit">Trace</button>
            </form>`
          : nothing}
      </div>
      ${this.traceMatches ? this.renderMatches() : nothing}
      ${this.nhsNumber ? this.renderRecord(access) : nothing}
      ${this.breakGlassFor ? this.renderBreakGlassDialog() : nothing}`;
  }

  private traceError(prefix: string) {
    return this.traceErrors.find((e) => e.field.startsWith(prefix))?.text ?? '';
  }

  private renderFamilyName() {
    const error = this.traceError('family-name');
    return html`<div class="nhsuk-form-group ${error ? 'nhsuk-form-group--error' : ''}">
      <label class="nhsuk-label" for="family-name">Family name</label>
      ${error ? html`<span class="nhsuk-error-message" id="family-name-error"><span class="nhsuk-u-visually-hidden">Error:</span> ${error}</span>` : nothing}
      <input class="nhsuk-input ${error ? 'nhsuk-input--error' : ''}" id="family-name" name="familyName" type="text" autocomplete="off" aria-describedby=${error ? 'family-name-error' : nothing}>
    </div>`;
  }

  /** The design system's date input: day, month and year, never the browser's picker (month first in an en-US browser). */
  private renderDateOfBirth() {
    const error = this.traceError('birth-date');
    const wrong = this.traceErrors.find((e) => e.field.startsWith('birth-date'))?.field;
    const part = (name: 'day' | 'month' | 'year', label: string, width: number) =>
      html`<div class="nhsuk-date-input__item"><div class="nhsuk-form-group">
        <label class="nhsuk-label nhsuk-date-input__label" for="birth-date-${name}">${label}</label>
        <input class="nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width} ${wrong === `birth-date-${name}` ? 'nhsuk-input--error' : ''}" id="birth-date-${name}" name="birth${label}" type="text" inputmode="numeric" autocomplete="off">
      </div></div>`;
    return html`<div class="nhsuk-form-group ${error ? 'nhsuk-form-group--error' : ''}">
      <fieldset class="nhsuk-fieldset" role="group" aria-describedby=${error ? 'birth-date-hint birth-date-error' : 'birth-date-hint'}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Date of birth</legend>
        <div class="nhsuk-hint" id="birth-date-hint">For example, 12 3 1944</div>
        ${error ? html`<span class="nhsuk-error-message" id="birth-date-error"><span class="nhsuk-u-visually-hidden">Error:</span> ${error}</span>` : nothing}
        <div class="nhsuk-date-input" id="birth-date">${part('day', 'Day', 2)}${part('month', 'Month', 2)}${part('year', 'Year', 4)}</div>
      </fieldset>
    </div>`;
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
        ${this.traceMatches!.map((m) => html`<li><button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" @click=${() => this.openRecord(m.nhsNumber, { nhsNumber: m.nhsNumber, name: bannerName(m.name), born: formatDate(m.birthDate) })}>Open ${m.name.text}, born ${formatDate(m.birthDate)}${m.postcode ? `, ${m.postcode}` : ''}${m.restricted ? ' (restricted record)' : ''}</button></li>`)}
      </ul>`;
  }

  private showView(view: RecordView) {
    this.view = view;
  }

  private renderRecord(access: Access) {
    const state = this.patientState;
    return html`<section id="record" aria-labelledby="record-heading">
      ${state?.kind === 'shown' ? this.renderBanner(state.patient) : this.renderNoBanner(access, state)}
      ${state?.kind === 'shown' ? this.renderPanels(access) : nothing}
    </section>`;
  }

  /**
   * The patient banner (NHS Common User Interface): FAMILY, Given names as the record's heading;
   * date of birth with age, gender and NHS number; then the alerts the record gives (deceased,
   * restricted record, emergency access). It is the first thing on the screen after opening, and stays there while
   * the record scrolls under it (clinical safety H100: the wrong patient's record read as this one's).
   */
  private renderBanner(patient: BannerPatient) {
    const name = bannerName(patient.name);
    const deceasedAt = patient.deceased ? formatDate(patient.deceased.at) : '';
    return html`<div class="sfy-patient-banner" data-role="patient-banner">
      <h1 id="record-heading" class="sfy-patient-banner__name" tabindex="-1" data-role="patient-name">${name || `NHS number ${formatNhsNumber(patient.nhsNumber)}`}</h1>
      <dl class="sfy-patient-banner__details">
        <div><dt>Born</dt><dd data-role="born">${bornText(patient.birthDate as string | null, ukDay(), patient.deceased as { at?: string | null } | null)}</dd></div>
        <div><dt>Gender</dt><dd data-role="gender">${genderText(patient.gender)}</dd></div>
        <div><dt>NHS number</dt><dd data-role="nhs-number">${formatNhsNumber(patient.nhsNumber)}</dd></div>
      </dl>
      ${patient.deceased || patient.restricted || patient.breakGlass
        ? html`<ul class="sfy-patient-banner__alerts" aria-label="Alerts about this record" data-role="patient-alerts">
            ${patient.deceased ? html`<li class="sfy-flag-deceased" data-role="deceased"><strong>Deceased</strong>${deceasedAt ? `: died ${deceasedAt}` : ''}</li>` : nothing}
            ${patient.restricted
              ? html`<li class="sfy-flag-restricted" data-role="restricted"><strong>Restricted record</strong>: the patient's address and contact details are withheld from everyone. Do not disclose where the patient is or how to reach them.</li>`
              : nothing}
            ${patient.breakGlass
              ? html`<li class="sfy-flag-break-glass" data-role="break-glass-banner"><strong>Emergency access</strong>: you are viewing this record under emergency access (break-glass) until ${new Date(patient.breakGlass.expiresAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}. Your access is logged and will be reviewed.</li>`
              : nothing}
          </ul>`
        : nothing}
    </div>`;
  }

  /** Before the patient is known, or when the record will not say: the heading names the NHS number, and why is said once. */
  private renderNoBanner(access: Access, state: PatientState | undefined) {
    const number = formatNhsNumber(this.nhsNumber);
    const heading = html`<h1 id="record-heading" tabindex="-1">Record for NHS number ${number}</h1>`;
    if (!state || state.kind === 'loading') return html`${heading}<p role="status" data-role="patient-loading">Finding the patient…</p>`;
    if (state.kind === 'shown') return heading;
    if (state.kind === 'failed') {
      return html`${heading}<div class="sfy-could-not-load" role="alert" data-role="patient-could-not-load">
          <p><strong>The record could not be opened: ${state.reason}.</strong> What is recorded about this patient is unknown.</p>
          <button type="button" class="nhsuk-button nhsuk-button--secondary" @click=${() => void this.loadPatient(true)}>Try again</button>
        </div>`;
    }
    if (state.code === 'NO_CARE_RELATIONSHIP') {
      return html`${heading}<div class="nhsuk-inset-text" data-role="no-relationship">
          <p>Your organisation has no recorded care relationship with this patient, so their record is not shown.</p>
          ${access.breakGlassAllowed
            ? html`<p>In an emergency you may declare emergency (break-glass) access.</p>
                <button type="button" class="nhsuk-button nhsuk-button--warning" data-role="declare-break-glass" @click=${() => this.openBreakGlass()}>Open the emergency access form</button>`
            : html`<p>Your role cannot declare emergency access. A colleague involved in the patient’s care can see the record.</p>`}
        </div>`;
    }
    if (state.code === 'NO_SHARED_RECORD') {
      return html`${heading}<div class="nhsuk-inset-text" data-role="no-shared-record"><p>There is no shared care record for NHS number ${number}. Check the number with the patient or their documents.</p></div>`;
    }
    return html`${heading}<div class="sfy-could-not-load" role="alert" data-role="patient-refused"><p>${state.message}</p></div>`;
  }

  private renderPanels(access: Access) {
    const panels = panelsOfView(access.panels, this.view);
    const viewButton = (view: RecordView, label: string) =>
      html`<button type="button" class="nhsuk-button nhsuk-button--small ${this.view === view ? '' : 'nhsuk-button--secondary'}" aria-pressed=${this.view === view ? 'true' : 'false'} data-view=${view} @click=${() => this.showView(view)}>${label}</button>`;
    return html`
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
      ${repeat(panels, (p) => p.name, (p) => this.panelElement(p.name, p.label))}`;
  }

  private forgetPanels() {
    this.panelElements.clear();
    this.overflowWatch.disconnect();
  }

  /** One element per panel of the open record, made on first show and kept while the patient stays open. */
  private panelElement(name: string, label: string) {
    let element = this.panelElements.get(name);
    if (!element) {
      element = document.createElement(tagOf(name)) as RecordPanel<object>;
      element.setAttribute('data-panel', name);
      element.id = `panel-${name}`;
      // A contents link's target: focus lands on the panel, named as its section.
      element.tabIndex = -1;
      element.setAttribute('role', 'group');
      element.setAttribute('aria-label', label);
      // The patient banner carries the emergency access flag for the whole record.
      element.hideBreakGlass = true;
      element.gatewayUrl = this.config!.gatewayUrl;
      element.tokenProvider = this.tokenProvider;
      element.nhsNumber = this.nhsNumber;
      this.panelElements.set(name, element);
      this.overflowWatch.observe(element);
    }
    return element;
  }

  /** A contents link moves focus to its panel, so the keyboard goes on from there. */
  private goToPanel(event: Event, name: string) {
    const panel = this.querySelector<HTMLElement>(`#panel-${name}`);
    if (!panel) return;
    event.preventDefault();
    panel.scrollIntoView();
    panel.focus({ preventScroll: true });
  }

  /** Who the dialog is about: the NHS number (known before access), with the name and birth date when a trace showed them. */
  private breakGlassPatient() {
    const number = formatNhsNumber(this.breakGlassFor);
    const traced = this.traced?.nhsNumber === this.breakGlassFor ? this.traced : undefined;
    return { title: traced ? `${traced.name} (NHS number ${number})` : `NHS number ${number}`, traced, number };
  }

  private renderBreakGlassDialog() {
    const who = this.breakGlassPatient();
    return html`<dialog id="break-glass" class="sfy-dialog" aria-labelledby="break-glass-title" aria-describedby="break-glass-patient break-glass-consequences" @cancel=${this.cancelBreakGlass}>
      <form @submit=${this.onDeclare} novalidate>
        <h2 id="break-glass-title">No care relationship: emergency access to ${who.title}</h2>
        <dl class="sfy-dialog-patient" id="break-glass-patient" data-role="break-glass-patient">
          ${who.traced ? html`<div><dt>Name</dt><dd>${who.traced.name}</dd></div><div><dt>Born</dt><dd>${who.traced.born}</dd></div>` : nothing}
          <div><dt>NHS number</dt><dd>${who.number}</dd></div>
        </dl>
        <p id="break-glass-consequences">Declare emergency access only if you need this patient’s record now for their care. It lasts a limited time. Your name, your organisation, your reason and every part of the record you see are logged, and a privacy officer reviews this access.</p>
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
