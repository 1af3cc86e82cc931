/** A reason one bundle entry cannot be accepted; `path` is a FHIRPath-like location within the resource. */
export class FeedProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}
