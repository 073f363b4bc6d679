import type { Database, Transaction } from "@/lib/platform/db/types";

class PlantedRollback extends Error {}

/**
 * Mutation check for the invariant checker: plants a defect in a transaction, returns what the
 * checker reports inside it, then rolls everything back so the simulation's database stays sound.
 */
export async function violationsWithPlanted(
  db: Database,
  plant: (tx: Transaction) => Promise<void>,
  check: (tx: Transaction) => Promise<string[]>,
): Promise<string[]> {
  let seen: string[] = [];
  try {
    await db.transaction(async (tx) => {
      await plant(tx);
      seen = await check(tx);
      throw new PlantedRollback();
    });
  } catch (error) {
    if (!(error instanceof PlantedRollback)) throw error;
  }
  return seen;
}
