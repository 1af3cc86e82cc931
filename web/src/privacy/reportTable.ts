import { html, nothing } from 'lit';
import { nhsNumberLabel, organisationLabel, userLabel, type NamedUser } from './names';

/** Rows shown per report on screen; the CSV has them all. */
export const SHOWN = 20;

export interface ReportRow { user: NamedUser; nhsNumber?: string; cells: unknown[] }

/** A monitoring report's rows: user and organisation, the patient when the report is per patient, then its own columns. */
export function reportTable(view: string, headings: string[], rows: ReportRow[]) {
  return html`<div class="sfy-table-wrap"><table class="nhsuk-table" data-report=${view}>
    <caption class="nhsuk-table__caption">${rows.length} row${rows.length === 1 ? '' : 's'}${rows.length > SHOWN ? `, the first ${SHOWN} shown (the CSV has them all)` : ''}</caption>
    <thead><tr><th scope="col">User</th><th scope="col">Organisation</th>${rows.some((r) => r.nhsNumber) ? html`<th scope="col">Patient</th>` : nothing}${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.slice(0, SHOWN).map((r) => html`<tr><th scope="row" class="sfy-user">${userLabel(r.user)}</th><td>${organisationLabel(r.user.organisationName, r.user.odsCode)}</td>
      ${r.nhsNumber ? html`<td>${nhsNumberLabel(r.nhsNumber)}</td>` : nothing}${r.cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}
