import { html, LitElement } from 'lit';
import type { TokenProvider } from '../client/gateway';
import './accessLog';
import './alerts';
import './auditChain';
import './breakGlassReviews';
import './monitoring';
import './whoLooked';

/**
 * The privacy console (at /privacy, for the profiles that may read the audit trail): the access log,
 * who has looked at a record, monitoring, break-glass reviews, alerts and the trail's integrity.
 * Each section asks the gateway itself; the gateway refuses every other profile in any case.
 */

const SECTIONS: Array<[id: string, title: string]> = [
  ['access-log', 'Access log'],
  ['who-looked', 'Who has looked at this record'],
  ['break-glass-reviews', 'Break-glass reviews'],
  ['monitoring', 'Monitoring'],
  ['alerts', 'Alerts'],
  ['audit-chain', 'Audit trail integrity'],
];

/** /privacy/alerts/<id>: the link an alert carries. */
export const alertInPath = (path: string) => {
  const match = /^\/privacy\/alerts\/([^/]+)$/.exec(path);
  return match ? decodeURIComponent(match[1]) : undefined;
};

export class PrivacyConsole extends LitElement {
  static override properties = { gatewayUrl: { attribute: false }, tokenProvider: { attribute: false } };

  declare gatewayUrl: string;
  declare tokenProvider: TokenProvider;

  protected override createRenderRoot() {
    return this;
  }

  protected override render() {
    const props = { gatewayUrl: this.gatewayUrl, tokenProvider: this.tokenProvider };
    const selectedAlert = alertInPath(window.location.pathname);
    return html`<h1 id="console-heading">Privacy console</h1>
      <p>Who looked at which record, when, and what they saw or were refused. Everything you do here is itself logged.</p>
      <nav class="nhsuk-contents-list" aria-label="Console sections">
        <h2 class="nhsuk-u-visually-hidden">Contents</h2>
        <ol class="nhsuk-contents-list__list">
          ${SECTIONS.map(([id, title]) => html`<li class="nhsuk-contents-list__item"><a class="nhsuk-contents-list__link" href="#${id}">${title}</a></li>`)}
        </ol>
      </nav>
      <sfy-access-log .gatewayUrl=${props.gatewayUrl} .tokenProvider=${props.tokenProvider}></sfy-access-log>
      <sfy-who-looked .gatewayUrl=${props.gatewayUrl} .tokenProvider=${props.tokenProvider}></sfy-who-looked>
      <sfy-break-glass-reviews .gatewayUrl=${props.gatewayUrl} .tokenProvider=${props.tokenProvider}></sfy-break-glass-reviews>
      <sfy-monitoring .gatewayUrl=${props.gatewayUrl} .tokenProvider=${props.tokenProvider}></sfy-monitoring>
      <sfy-privacy-alerts .gatewayUrl=${props.gatewayUrl} .tokenProvider=${props.tokenProvider} .selected=${selectedAlert}></sfy-privacy-alerts>
      <sfy-audit-chain .gatewayUrl=${props.gatewayUrl} .tokenProvider=${props.tokenProvider}></sfy-audit-chain>`;
  }
}

customElements.get('sfy-privacy-console') ?? customElements.define('sfy-privacy-console', PrivacyConsole);
