/** A reason one bundle entry cannot be accepted; `path` is a FHIRPath-like location within the resource. */
export class FeedProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A resource of a type this feed stores that this record does not hold in this case (a Consent that
 * is not an advance decision, a List whose entries come as their own resources): answered 200 OK
 * with a warning naming the type and why (never silent, H70), nothing stored. `withdraws`: what
 * this resource said before is withdrawn, e.g. an allergies List that said "no known allergies"
 * and now has entries, or an empty reason other than nil known (H87): the earlier version's item
 * is deleted (answered deleted, or not-held with the deletion kept) beside the warning.
 */
export class NotStored extends Error {
  constructor(
    message: string,
    readonly withdraws = false,
  ) {
    super(message);
  }
}
