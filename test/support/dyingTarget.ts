import type { FeedTarget } from '../../subgraphs/kit/src/ingest/feedTarget';

/**
 * A feed target whose writer "dies" once the first patient's writes are staged: every other
 * patient's stage waits for that, then fails. For the journal's crash-and-recovery tests.
 */
export function dyingAfterFirstStaged(target: FeedTarget<any>, firstPatient: string): FeedTarget<any> {
  let firstStaged!: () => void;
  const staged = new Promise<void>((resolve) => (firstStaged = resolve));
  return {
    ...target,
    stage: async (nhsNumber, prepared, organisation, id) => {
      if (nhsNumber !== firstPatient) {
        await staged;
        throw new Error('killed');
      }
      const results = await target.stage!(nhsNumber, prepared, organisation, id);
      firstStaged();
      return results;
    },
  };
}
