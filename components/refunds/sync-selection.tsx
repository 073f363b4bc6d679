"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { SyncRefundsButton } from "./sync-refunds-button";

/**
 * The bulk Sync bar of the monitor: a "select all" checkbox over every syncable refund on the
 * page (checked, unchecked or mixed), how many are selected, and the Sync button. The row
 * checkboxes are server-rendered and belong to the form `formId`; their state is read from the
 * page (an external store), so rows that change on a refresh are counted as they are.
 */
export function SyncSelection({ formId, listId }: { formId: string; listId: string }) {
  const allBox = useRef<HTMLInputElement>(null);
  const rowBoxes = useCallback(
    () => [
      ...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="refundIds"][form="${formId}"]`),
    ],
    [formId],
  );

  const subscribe = useCallback(
    (changed: () => void) => {
      document.addEventListener("change", changed);
      const observer = new MutationObserver(changed);
      const list = document.getElementById(listId);
      if (list) observer.observe(list, { childList: true, subtree: true });
      return () => {
        document.removeEventListener("change", changed);
        observer.disconnect();
      };
    },
    [listId],
  );
  // "selected/total": a string, so an unchanged selection is an unchanged snapshot.
  const snapshot = useSyncExternalStore(
    subscribe,
    () => {
      const boxes = rowBoxes();
      return `${boxes.filter((box) => box.checked).length}/${boxes.length}`;
    },
    () => "0/0",
  );
  const [selected = 0, total = 0] = snapshot.split("/").map(Number);

  useEffect(() => {
    if (!allBox.current) return;
    allBox.current.checked = total > 0 && selected === total;
    allBox.current.indeterminate = selected > 0 && selected < total;
  }, [selected, total]);

  const selectAll = (checked: boolean) => {
    for (const box of rowBoxes()) box.checked = checked;
    // Setting .checked fires no event: tell the store.
    document.dispatchEvent(new Event("change"));
  };

  return (
    <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2" data-testid="sync-selection">
      <label className="flex items-center gap-2 text-sm">
        <input
          ref={allBox}
          type="checkbox"
          onChange={(event) => selectAll(event.currentTarget.checked)}
          disabled={total === 0}
          className="size-4"
        />
        Select all {total} that can be synced on this page
      </label>
      <span className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="selected-count">
        {selected} selected
      </span>
      <SyncRefundsButton formId={formId} label="Sync selected" disabled={selected === 0} />
    </div>
  );
}
