import { css, unsafeCSS } from 'lit';
import nhsukCss from 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend-10.6.1.min.css?raw';

/**
 * The NHS design system's tokens (colours, breakpoints) from nhsuk-frontend, scoped to each panel's
 * shadow root, so a panel looks the same in any host page; and the panel styles built on them.
 */
const tokens = /:root\{([^}]*)\}/.exec(nhsukCss)?.[1] ?? '';

export const panelStyles = [
  unsafeCSS(`:host{${tokens}}`),
  css`
    :host {
      display: block;
      font-family: Frutiger W01, Arial, sans-serif;
      color: var(--nhsuk-text-colour);
      font-size: 1rem;
      line-height: 1.5;
      margin-bottom: 24px;
    }
    .panel { background: var(--nhsuk-card-background-colour); border: 1px solid var(--nhsuk-border-colour); padding: 16px 24px; }
    h2 { font-size: 1.5rem; margin: 0 0 12px; }
    h3 { font-size: 1.1875rem; margin: 16px 0 4px; }
    .source { color: var(--nhsuk-secondary-text-colour); font-size: 0.875rem; margin: 0 0 8px; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
    th, td { text-align: left; padding: 6px 12px 6px 0; border-bottom: 1px solid var(--nhsuk-border-colour); vertical-align: top; }
    th { font-weight: bold; }
    .state { padding: 8px 12px; margin: 4px 0 8px; border-left: 6px solid var(--nhsuk-grey-3-colour); background: var(--nhsuk-grey-5-colour); }
    .restricted { border-left-color: var(--nhsuk-grey-1-colour); }
    .unavailable { border-left-color: var(--nhsuk-warm-yellow-colour); background: var(--nhsuk-pale-yellow-colour); }
    .error { border-left-color: var(--nhsuk-error-colour); }
    /* Could not load: the design system's error colour, never the grey of "nothing recorded". */
    .state.could-not-load { border-left-color: var(--nhsuk-error-colour); background: var(--nhsuk-white-colour); font-weight: bold; }
    div.could-not-load { border: 4px solid var(--nhsuk-error-colour); padding: 8px 16px; margin: 0 0 12px; }
    div.could-not-load p { margin: 0 0 8px; }
    .retry { font: inherit; font-weight: bold; padding: 6px 12px; color: var(--nhsuk-secondary-button-text-colour); background: var(--nhsuk-secondary-button-solid-background-colour); border: 2px solid var(--nhsuk-secondary-button-border-colour); border-radius: 4px; cursor: pointer; }
    .retry:focus-visible { outline: 4px solid transparent; background: var(--nhsuk-focus-colour); box-shadow: 0 -2px var(--nhsuk-focus-colour), 0 4px var(--nhsuk-focus-text-colour); }
    .break-glass { background: var(--nhsuk-red-colour); color: var(--nhsuk-reverse-text-colour); padding: 8px 16px; font-weight: bold; margin-bottom: 12px; }
    .flag { color: var(--nhsuk-red-colour); font-weight: bold; }
    /* Combined sections: a conflict is a warning in words with the error colour's border; a disagreement between sources is said beside the item, in bold, with a border (never colour alone). */
    .warning { border: 4px solid var(--nhsuk-error-colour); padding: 8px 16px; margin: 4px 0 12px; background: var(--nhsuk-white-colour); }
    .disagreement { margin: 4px 0 0; padding-left: 8px; border-left: 4px solid var(--nhsuk-warm-yellow-colour); font-weight: bold; }
    ul.sources { margin: 0; padding-left: 1.2em; }
    ul.sources li { margin: 0; }
    /* A code on demand: the design system's details pattern, keyboard operable (Enter or Space on its summary). */
    details.codes { margin: 4px 0 0; font-size: 0.875rem; }
    details.codes summary { color: var(--nhsuk-link-colour); text-decoration: underline; cursor: pointer; display: inline-block; }
    details.codes summary:focus-visible { outline: 4px solid transparent; background: var(--nhsuk-focus-colour); color: var(--nhsuk-focus-text-colour); box-shadow: 0 4px var(--nhsuk-focus-text-colour); text-decoration: none; }
    details.codes ul { margin: 4px 0 0; padding-left: 1.2em; }
    .code-display { color: var(--nhsuk-secondary-text-colour); }
    .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
    p.statement-note { color: var(--nhsuk-secondary-text-colour); font-size: 0.875rem; margin: 0 0 8px; }
    @media print {
      :host { color: var(--nhsuk-print-text-colour); margin-bottom: 12px; break-inside: avoid; }
      .panel { border: 1px solid #000; }
      .break-glass { background: none; color: #000; border: 2px solid #000; }
    }
  `,
];
