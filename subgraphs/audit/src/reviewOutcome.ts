/** What a privacy officer concluded of a look under review (a break-glass, a monitoring finding). */
export type BreakGlassReviewOutcome = 'APPROPRIATE' | 'INAPPROPRIATE' | 'NEEDS_FOLLOW_UP';
