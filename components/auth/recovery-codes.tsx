import { CopyButton } from "@/components/ui/copy-button";
import { buttonClass } from "@/components/ui/button";

/**
 * Recovery codes, shown once right after they were made (they are stored only as hashes).
 * The download is a data: link, so it works without JavaScript too.
 */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const text = `Payments Ops recovery codes (each works once)\n\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-3" data-testid="recovery-codes">
      <p className="text-sm">
        Save these recovery codes somewhere safe, such as a password manager. Each one signs you in once if you lose
        your authenticator app. They will not be shown again.
      </p>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-2 rounded-md border border-zinc-200 p-3 font-mono text-sm dark:border-zinc-800"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton value={codes.join("\n")} label="Copy the recovery codes" />
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="payments-ops-recovery-codes.txt"
          className={buttonClass("secondary")}
        >
          Download
        </a>
      </div>
    </div>
  );
}
