import { html, LitElement, nothing } from 'lit';
import { execute, failureReason, type CareRecordError, type RequestFailure, type TokenProvider } from '../client/gateway';
import type { TypedDocumentString } from '../generated/graphql';

/**
 * One section of the privacy console: asks the gateway with the signed-in officer's token and says
 * what happened in its own live region (results found, a review recorded, an error and its fix).
 * Light DOM, so the NHS design system's stylesheet applies as in the viewer.
 */
export abstract class ConsoleSection extends LitElement {
  static override properties = {
    gatewayUrl: { attribute: false },
    tokenProvider: { attribute: false },
    status: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  declare gatewayUrl: string;
  declare tokenProvider: TokenProvider;
  declare status: string;
  declare problem: string;
  declare busy: boolean;

  constructor() {
    super();
    this.gatewayUrl = '';
    this.tokenProvider = () => '';
    this.status = '';
    this.problem = '';
    this.busy = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  /** Loads (or reloads) what the section shows. */
  abstract load(): Promise<void>;

  /** Data, or null with the first error shown; the gateway's message names the fix. */
  protected async request<T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<T | null> {
    this.busy = true;
    try {
      const { data, errors, failure } = await execute(this.gatewayUrl, this.tokenProvider, document, variables);
      if (failure && !data) {
        this.problem = this.problemOf(errors, failure);
        return null;
      }
      this.problem = errors.length ? this.problemOf(errors) : '';
      return errors.length && !data ? null : data;
    } catch {
      this.problem = 'The care record gateway did not answer. Check your connection and try again.';
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** What the section says when a request got no answer (failure) or came back with errors. */
  protected problemOf(errors: CareRecordError[], failure?: RequestFailure): string {
    if (failure) return `Could not load: ${failureReason(failure)}. Try again.`;
    return errors.map((e) => e.message).join(' ');
  }

  /** What the live region says while a request is out. */
  protected busyWords(): string {
    return 'Loading…';
  }

  /** The section's live region and its error, if any. */
  protected renderStatus() {
    return html`<p class="sfy-status" role="status" aria-live="polite" data-role="status">${this.busy ? this.busyWords() : this.status}</p>
      ${this.problem ? html`<p class="nhsuk-error-message" role="alert" data-role="problem">${this.problem}</p>` : nothing}`;
  }
}
