import { html, nothing } from 'lit';
import type { CareRecordError, RequestFailure } from '../client/gateway';
import { ConsoleOutOfHoursDocument, ConsoleUnusualVolumeDocument } from '../generated/graphql';
import { ConsoleSection } from './consoleSection';
import { downloadCsv } from './exportCsv';
import { categoriesLabel, when } from './names';
import { defaultPeriodFields, periodFromFields, periodLabel, runProblem, thresholdFrom, type DateFields, type PeriodField } from './onDemand';
import { reportTable, type ReportRow } from './reportTable';

/**
 * A monitoring report that runs when the privacy officer asks, not on load: unusual volume and out
 * of hours count every look of a period the officer chooses (the audit service reads them from its
 * hourly look digest; before it kept one they took minutes, and asked with the findings they held the
 * whole section past its time limit). Each says what it looks for, takes a period (the last 31 days unless changed), and says
 * "Running…" while it runs; then its table (and its CSV, for the same period), or why it did not
 * finish with "Try again", never an empty table that would read as "nothing found".
 */

interface Ran {
  from: string;
  to: string;
  truncated: boolean;
  threshold?: number;
  headings: string[];
  rows: ReportRow[];
}

interface Period {
  from: string;
  to: string;
}

const DEFAULT_THRESHOLD = 50;

abstract class OnDemandReport extends ConsoleSection {
  static override properties = { ...ConsoleSection.properties, ran: { state: true }, failed: { state: true }, fieldProblem: { state: true }, lookedFor: { state: true } };

  /** The last run's answer; cleared when a run starts, so a table is only ever the answer to the period above it. */
  declare ran?: Ran;
  /** The last run did not finish: say why and offer "Try again". */
  declare failed: boolean;
  declare fieldProblem?: { problem: string; field: string };
  /** What the report looks for: the service's own words once it has run. */
  declare lookedFor: string;

  /** The view's name in the API and the CSV export (unusualVolume, outOfHoursAccess), also the prefix of its ids. */
  abstract readonly view: string;
  abstract readonly reportTitle: string;
  private readonly start = defaultPeriodFields(new Date());
  private lastPeriod?: Period;

  constructor() {
    super();
    this.failed = false;
    this.lookedFor = '';
  }

  /** Nothing on load: the report runs when asked. */
  async load() {}

  /** Asks the audit service for the report over the period. */
  protected abstract ask(period: Period): Promise<Ran | null>;
  /** In words, what the run found (for the live region and beside the table). */
  protected abstract found(ran: Ran): string;
  /** Fields of the form besides the period (the threshold). */
  protected extraFields(): unknown {
    return nothing;
  }
  /** Reads those fields; a string is what is wrong. */
  protected readExtra(_form: HTMLFormElement): string | { problem: string; field: string } | undefined {
    return undefined;
  }

  protected override busyWords() {
    return `Running… The ${this.reportTitle.toLowerCase()} report is counting the looks in the period.`;
  }

  protected override problemOf(errors: CareRecordError[], failure?: RequestFailure) {
    return `The ${this.reportTitle.toLowerCase()} report did not finish: ${runProblem(errors, failure)}. Nothing is known about this period yet. Try again, or choose a shorter period.`;
  }

  private runButton() {
    return this.querySelector<HTMLButtonElement>(`#${this.view}-run`);
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const fields = (which: 'from' | 'to'): DateFields => ({ day: text(`${which}Day`), month: text(`${which}Month`), year: text(`${which}Year`) });
    const period = periodFromFields(fields('from'), fields('to'));
    const extra = this.readExtra(form);
    const wrong = 'problem' in period ? period : typeof extra === 'object' ? extra : undefined;
    if (wrong) {
      this.fieldProblem = wrong;
      void this.updateComplete.then(() => this.querySelector<HTMLInputElement>(`#${this.view}-${wrong.field}`)?.focus());
      return;
    }
    this.fieldProblem = undefined;
    void this.run(period as Period);
  }

  /** Runs the report over the period (again, after "Try again"). */
  private async run(period: Period) {
    if (this.busy) return;
    this.lastPeriod = period;
    this.ran = undefined;
    this.failed = false;
    this.problem = '';
    this.status = '';
    const ran = await this.ask(period);
    if (!ran) {
      this.failed = true;
      this.status = '';
      return;
    }
    this.ran = ran;
    this.status = this.found(ran);
  }

  private tryAgain() {
    // The button goes when the run starts: focus waits on "Run report", where the answer appears below.
    this.runButton()?.focus();
    if (this.lastPeriod) void this.run(this.lastPeriod);
  }

  private async export() {
    const ran = this.ran!;
    try {
      this.status = `Exported as ${await downloadCsv(this.gatewayUrl, this.tokenProvider, this.view, { from: ran.from, to: ran.to, threshold: ran.threshold?.toString() })}.`;
      this.problem = '';
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  private dateInput(which: 'from' | 'to', legend: string, value: DateFields) {
    const id = `${this.view}-${which}`;
    const problem = this.fieldProblem?.field.startsWith(`${which}-`) ? this.fieldProblem : undefined;
    const part = (name: 'day' | 'month' | 'year', label: string, width: number) =>
      html`<div class="nhsuk-date-input__item"><div class="nhsuk-form-group">
        <label class="nhsuk-label nhsuk-date-input__label" for="${id}-${name}">${label}</label>
        <input class="nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width} ${problem?.field === `${which}-${name}` ? 'nhsuk-input--error' : ''}" id="${id}-${name}" name="${which}${label}" type="text" inputmode="numeric" autocomplete="off" .value=${value[name]}>
      </div></div>`;
    return html`<div class="nhsuk-form-group ${problem ? 'nhsuk-form-group--error' : ''}">
      <fieldset class="nhsuk-fieldset" role="group" aria-describedby=${problem ? `${id}-error` : nothing}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">${legend}</legend>
        ${problem ? html`<span class="nhsuk-error-message" id="${id}-error"><span class="nhsuk-u-visually-hidden">Error:</span> ${problem.problem}</span>` : nothing}
        <div class="nhsuk-date-input">${part('day', 'Day', 2)}${part('month', 'Month', 2)}${part('year', 'Year', 4)}</div>
      </fieldset>
    </div>`;
  }

  protected override render() {
    const ran = this.ran;
    return html`<div class="sfy-on-demand" data-report-on-demand=${this.view}>
      <h3 id="${this.view}-heading">${this.reportTitle}</h3>
      <p class="sfy-looked-for" data-role="looked-for">Looks for: ${this.lookedFor}<br>
        <span class="sfy-secondary">Runs when you ask, over the period you choose. Default period: the last 31 days, today included (UK dates).</span></p>
      <form class="sfy-inline-form" novalidate aria-labelledby="${this.view}-heading" @submit=${this.onSubmit}>
        ${this.dateInput('from', 'From (inclusive)', this.start.from)}
        ${this.dateInput('to', 'To (inclusive)', this.start.to)}
        ${this.extraFields()}
        <button class="nhsuk-button nhsuk-button--secondary" id="${this.view}-run" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>Run report<span class="nhsuk-u-visually-hidden">: ${this.reportTitle}</span></button>
      </form>
      ${this.renderStatus()}
      ${this.failed ? html`<button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" data-role="try-again" @click=${this.tryAgain}>Try again<span class="nhsuk-u-visually-hidden">: ${this.reportTitle}</span></button>` : nothing}
      ${ran
        ? html`<p class="sfy-secondary" data-role="ran-period">Ran over ${periodLabel(ran.from, ran.to, when)}.</p>
          ${ran.truncated ? html`<p class="sfy-flag">More rows matched than one report shows: narrow the period.</p>` : nothing}
          <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" @click=${this.export}>Export ${this.reportTitle} CSV</button>
          ${ran.rows.length ? reportTable(this.view, ran.headings, ran.rows) : html`<p data-role="report-empty">${NO_ROWS}</p>`}`
        : nothing}
    </div>`;
  }
}

/** Below an empty report: the status line above already says what was found, in full, so it is not said twice. */
export const NO_ROWS = 'No rows: nothing in this period matched.';

export class UnusualVolumeReport extends OnDemandReport {
  readonly view = 'unusualVolume';
  readonly reportTitle = 'Unusual volume of access';
  private threshold = DEFAULT_THRESHOLD;

  constructor() {
    super();
    // The service's words (subgraphs/audit/src/volume.ts) until it has answered.
    this.lookedFor = `Every user who looked at the records of more than ${DEFAULT_THRESHOLD} different patients in the period (any look, allowed or refused), most patients first.`;
  }

  protected override extraFields() {
    const problem = this.fieldProblem?.field === 'threshold' ? this.fieldProblem.problem : undefined;
    return html`<div class="nhsuk-form-group ${problem ? 'nhsuk-form-group--error' : ''}">
      <label class="nhsuk-label" for="unusualVolume-threshold">More than how many different patients</label>
      ${problem ? html`<span class="nhsuk-error-message" id="unusualVolume-threshold-error"><span class="nhsuk-u-visually-hidden">Error:</span> ${problem}</span>` : nothing}
      <input class="nhsuk-input nhsuk-input--width-4 ${problem ? 'nhsuk-input--error' : ''}" id="unusualVolume-threshold" name="threshold" type="text" inputmode="numeric" autocomplete="off" .value=${String(DEFAULT_THRESHOLD)} aria-describedby=${problem ? 'unusualVolume-threshold-error' : nothing}>
    </div>`;
  }

  protected override readExtra(form: HTMLFormElement) {
    const threshold = thresholdFrom(String(new FormData(form).get('threshold') ?? ''));
    if (typeof threshold === 'object') return { problem: threshold.problem, field: 'threshold' };
    this.threshold = threshold;
    return undefined;
  }

  protected async ask(period: Period): Promise<Ran | null> {
    const data = await this.request(ConsoleUnusualVolumeDocument, { ...period, threshold: this.threshold });
    if (!data) return null;
    const report = data.unusualVolume;
    this.lookedFor = report.lookedFor;
    return {
      from: report.from,
      to: report.to,
      truncated: report.truncated,
      threshold: report.threshold,
      headings: ['Distinct patients', 'Requests'],
      rows: report.rows.map((r) => ({ user: r.user, cells: [r.patients, r.requests] })),
    };
  }

  protected found(ran: Ran) {
    const n = ran.rows.length;
    const patients = `more than ${ran.threshold} different patient${ran.threshold === 1 ? '' : 's'}`;
    return n
      ? `${n} user${n === 1 ? '' : 's'} looked at the records of ${patients} from ${periodLabel(ran.from, ran.to, when)}.`
      : `No user looked at the records of ${patients} from ${periodLabel(ran.from, ran.to, when)}.`;
  }
}

export class OutOfHoursReport extends OnDemandReport {
  readonly view = 'outOfHoursAccess';
  readonly reportTitle = 'Out-of-hours access';

  constructor() {
    super();
    // The service's words (subgraphs/audit/src/outOfHours.ts) until it has answered.
    this.lookedFor = "Every look at a patient's record between 20:00 and 07:00 (clock time in England, Europe/London) or at a weekend, one row per user and patient, latest first. Bank holidays are not treated as out of hours.";
  }

  protected async ask(period: Period): Promise<Ran | null> {
    const data = await this.request(ConsoleOutOfHoursDocument, period);
    if (!data) return null;
    const report = data.outOfHoursAccess;
    this.lookedFor = report.lookedFor;
    return {
      from: report.from,
      to: report.to,
      truncated: report.truncated,
      headings: ['Looks', 'Shown', 'Break-glass'],
      rows: report.rows.map((r) => ({ user: r.user, nhsNumber: r.nhsNumber, cells: [`${r.accesses}, ${when(r.firstAccess)} to ${when(r.lastAccess)}`, categoriesLabel(r.categories, r.categoryNames, r.panelNames), r.breakGlass ? 'Yes' : 'No'] })),
    };
  }

  protected found(ran: Ran) {
    const n = ran.rows.length;
    return n
      ? `${n} user and patient pair${n === 1 ? '' : 's'} with looks out of hours from ${periodLabel(ran.from, ran.to, when)}.`
      : `No looks at a patient's record out of hours from ${periodLabel(ran.from, ran.to, when)}.`;
  }
}

customElements.get('sfy-unusual-volume') ?? customElements.define('sfy-unusual-volume', UnusualVolumeReport);
customElements.get('sfy-out-of-hours') ?? customElements.define('sfy-out-of-hours', OutOfHoursReport);
