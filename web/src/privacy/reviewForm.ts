import { html } from 'lit';
import { REVIEW_OUTCOMES } from './names';

/**
 * The review of a break-glass declaration or a monitoring finding: an outcome and a note (the record
 * of the review, 10 characters or more). `key` keeps the ids of several forms on one page apart.
 */

export interface Review {
  outcome: 'APPROPRIATE' | 'INAPPROPRIATE' | 'NEEDS_FOLLOW_UP';
  note: string;
}

export const NOTE_MIN = 10;

export function readReview(form: HTMLFormElement): Review | string {
  const data = new FormData(form);
  const outcome = String(data.get('outcome') ?? '');
  const note = String(data.get('note') ?? '').trim();
  if (!REVIEW_OUTCOMES.some(([value]) => value === outcome)) return 'Choose an outcome for the review.';
  if (note.length < NOTE_MIN) return `Write a note of at least ${NOTE_MIN} characters: it is the record of the review.`;
  return { outcome: outcome as Review['outcome'], note };
}

export function reviewForm(key: string, legend: string, onSubmit: (event: SubmitEvent) => void) {
  return html`<form class="sfy-review" @submit=${onSubmit} novalidate data-role="review-form">
    <fieldset class="nhsuk-fieldset">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">${legend}</legend>
      <div class="nhsuk-radios nhsuk-radios--small">
        ${REVIEW_OUTCOMES.map(([value, label]) => html`<div class="nhsuk-radios__item">
          <input class="nhsuk-radios__input" id="outcome-${key}-${value}" name="outcome" type="radio" value=${value}>
          <label class="nhsuk-label nhsuk-radios__label" for="outcome-${key}-${value}">${label}</label></div>`)}
      </div>
    </fieldset>
    <div class="nhsuk-form-group">
      <label class="nhsuk-label" for="note-${key}">Review note (at least ${NOTE_MIN} characters)</label>
      <textarea class="nhsuk-textarea" id="note-${key}" name="note" rows="2"></textarea>
    </div>
    <button class="nhsuk-button nhsuk-button--small" type="submit">Record the review</button>
  </form>`;
}
