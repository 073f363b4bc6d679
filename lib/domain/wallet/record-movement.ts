import { eq, sql } from "drizzle-orm";
import { walletBalances, walletMovements, type walletMovementKinds } from "@/drizzle/schema/orders";
import type { Transaction } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { formatMinor } from "@/lib/platform/money/convert";

export interface WalletMovementInput {
  walletId: number;
  kind: (typeof walletMovementKinds)[number];
  /** Signed: negative debits, positive credits. */
  amountMinor: bigint;
  orderId?: string | null;
  providerTransactionId?: number | null;
  actorUserId?: string | null;
  note?: string;
  at: Date;
}

/**
 * The only way our wallet ledger changes: locks the wallet's balance row, appends the movement
 * with the balance after it and moves the balance by the same amount, in the caller's
 * transaction. A debit the balance cannot cover is refused with the balance and the shortfall
 * (the database CHECKs refuse it too), so our prepaid balance is never negative.
 */
export async function recordWalletMovement(
  tx: Transaction,
  input: WalletMovementInput,
): Promise<{ balanceAfterMinor: bigint; currency: string }> {
  const [wallet] = await tx
    .select()
    .from(walletBalances)
    .where(eq(walletBalances.walletId, input.walletId))
    .for("update");
  if (!wallet)
    throw new AppError(
      "NOT_FOUND",
      `Wallet ${input.walletId} is not in the ledger yet; refresh the wallet page first.`,
    );
  const balanceAfterMinor = wallet.balanceMinor + input.amountMinor;
  if (balanceAfterMinor < 0n) {
    const shortfall = -balanceAfterMinor;
    throw new AppError(
      "VALIDATION_FAILED",
      `Insufficient wallet balance: ${formatMinor(wallet.balanceMinor, wallet.currency)} available, ${formatMinor(-input.amountMinor, wallet.currency)} needed (short by ${formatMinor(shortfall, wallet.currency)}).`,
      {
        fieldErrors: {
          wallet: [
            `has ${formatMinor(wallet.balanceMinor, wallet.currency)}; short by ${formatMinor(shortfall, wallet.currency)}`,
          ],
        },
      },
    );
  }
  await tx.insert(walletMovements).values({
    walletId: input.walletId,
    currency: wallet.currency,
    kind: input.kind,
    amountMinor: input.amountMinor,
    balanceAfterMinor,
    orderId: input.orderId ?? null,
    providerTransactionId: input.providerTransactionId ?? null,
    actorUserId: input.actorUserId ?? null,
    note: input.note ?? null,
    at: input.at,
  });
  await tx
    .update(walletBalances)
    .set({ balanceMinor: sql`${walletBalances.balanceMinor} + ${input.amountMinor}`, updatedAt: input.at })
    .where(eq(walletBalances.walletId, input.walletId));
  return { balanceAfterMinor, currency: wallet.currency };
}

/**
 * Brings a provider wallet into our ledger the first time we see it: one opening-balance movement
 * with the provider's balance at that moment. Later differences are reconciliation findings,
 * never silent corrections.
 */
export async function openWalletInLedger(
  tx: Transaction,
  wallet: { walletId: number; currency: string; balanceMinor: bigint },
  at: Date,
): Promise<boolean> {
  const inserted = await tx
    .insert(walletBalances)
    .values({ walletId: wallet.walletId, currency: wallet.currency, balanceMinor: 0n, updatedAt: at })
    .onConflictDoNothing()
    .returning({ walletId: walletBalances.walletId });
  if (!inserted.length) return false;
  if (wallet.balanceMinor > 0n)
    await recordWalletMovement(tx, {
      walletId: wallet.walletId,
      kind: "opening_balance",
      amountMinor: wallet.balanceMinor,
      at,
      note: "balance reported by Octopus Cards when the wallet was first seen",
    });
  return true;
}
