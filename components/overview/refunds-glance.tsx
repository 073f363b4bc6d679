import Link from "next/link";
import { RefundStatusBadge } from "@/components/refunds/refund-status-badge";
import { Card } from "@/components/ui/card";
import type { RefundsAtAGlance } from "@/lib/domain/overview/refunds-at-a-glance";
import { refundAgeBuckets, refundAgeLabels } from "@/lib/domain/refunds/monitor";

const linkClass = "text-blue-700 underline dark:text-blue-300";
const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** One count of refunds that need a person, linking to exactly those rows ("more than 1,000" past the list's cap). */
function NeedLine({
  testId,
  count: figure,
  href,
  none,
  rest,
}: {
  testId: string;
  count: { count: number; capped: boolean };
  href: string;
  none: string;
  /** The sentence after "N refunds", agreeing with the count. */
  rest: (count: number) => string;
}) {
  if (figure.count === 0) return <li data-testid={testId}>{none}</li>;
  return (
    <li data-testid={testId}>
      <Link href={href} className={linkClass}>
        {figure.capped ? `More than ${count(figure.count)} refunds` : plural(figure.count, "refund", "refunds")}
      </Link>{" "}
      {rest(figure.capped ? 2 : figure.count)}
    </li>
  );
}

/** Where finance and ops see at once what is stuck (cards for the page's grid): each figure opens the rows behind it. */
export function RefundsGlance({
  glance,
  refusedWebhooks,
  showWebhooks,
  withZone,
}: {
  glance: RefundsAtAGlance;
  refusedWebhooks: number;
  showWebhooks: boolean;
  /** Adds the user's time zone to a link, so the list shows times as this page does. */
  withZone: (href: string) => string;
}) {
  const { followUp, needsAttention, overdue, approvals } = glance;
  return (
    <>
      <Card title="Needs a person" className="min-w-0">
        <ul className="space-y-2 text-sm" data-testid="needs-a-person">
          <NeedLine
            testId="follow-up"
            count={followUp}
            href={withZone("/refunds?need=follow_up")}
            none="No refund is waiting for someone to settle it another way."
            rest={() => "ended declined, expired or not collected: the money did not reach the customer."}
          />
          <NeedLine
            testId="needs-attention"
            count={needsAttention}
            href={withZone("/refunds?status=needs_attention")}
            none="No refund needs attention."
            rest={(n) => `${n === 1 ? "needs" : "need"} attention: the provider's answer did not settle it.`}
          />
          <NeedLine
            testId="overdue"
            count={overdue}
            href={withZone("/refunds?need=overdue")}
            none="No refund is overdue at its provider."
            rest={(n) => `${n === 1 ? "is" : "are"} overdue: the provider has taken longer than it usually does.`}
          />
          <li data-testid="approvals-for-me">
            {approvals.forMe === 0 ? (
              approvals.total === 0 ? (
                "No refund is waiting for approval."
              ) : (
                `${plural(approvals.total, "refund waits", "refunds wait")} for approval, none of them one you may approve.`
              )
            ) : (
              <>
                <Link href={withZone("/refunds#approvals-heading")} className={linkClass}>
                  {plural(approvals.forMe, "refund waits", "refunds wait")} for your approval
                </Link>
                {approvals.total > approvals.forMe ? ` (${count(approvals.total)} awaiting approval in all).` : "."}
              </>
            )}
          </li>
          {showWebhooks ? (
            <li data-testid="refused-webhooks">
              {refusedWebhooks === 0 ? (
                "No webhook was refused in the last hour."
              ) : (
                <>
                  <Link href={withZone("/webhooks?signature=refused")} className={linkClass}>
                    {plural(refusedWebhooks, "webhook was", "webhooks were")} refused
                  </Link>{" "}
                  in the last hour (a bad signature or an unreadable body).
                </>
              )}
            </li>
          ) : null}
        </ul>
      </Card>
      <Card title="Refunds in flight" className="min-w-0">
        {glance.inFlight.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No refund is waiting on a provider, an approval or a person.
          </p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="in-flight">
            {glance.inFlight.map(({ status, count: n }) => (
              <li key={status} className="flex items-center justify-between gap-3">
                <RefundStatusBadge status={status} />
                <Link href={withZone(`/refunds?status=${status}`)} className={`${linkClass} tabular-nums`}>
                  {plural(n, "refund", "refunds")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Age of refunds in flight" className="min-w-0">
        <ul className="space-y-2 text-sm" data-testid="in-flight-ages">
          {refundAgeBuckets.map((bucket) => (
            <li key={bucket} className="flex items-center justify-between gap-3">
              <span>{refundAgeLabels[bucket]}</span>
              {glance.ages[bucket] === 0 ? (
                <span className="text-zinc-600 tabular-nums dark:text-zinc-400">none</span>
              ) : (
                <Link href={withZone(`/refunds?age=${bucket}`)} className={`${linkClass} tabular-nums`}>
                  {plural(glance.ages[bucket], "refund", "refunds")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
