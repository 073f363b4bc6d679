import type { ProviderExchange } from "@/lib/integrations/providers/provider-exchange";
import { paymentProviderLabelOrName } from "@/lib/integrations/providers/provider-labels";
import { prettyBody } from "@/lib/domain/webhooks/pretty-body";

function outcomeOf(call: ProviderExchange): string {
  if (call.failure) return call.status === null ? "No answer we could use" : `Answered with HTTP ${call.status}`;
  return call.status === null ? "Answered" : `Answered with HTTP ${call.status}`;
}

function Body({ label, text, empty }: { label: string; text: string | null; empty: string }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">{label}</summary>
      {text === null ? (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        // Focusable: a long body scrolls, and keyboard users must be able to scroll it too.
        <pre
          tabIndex={0}
          className="mt-1 max-h-80 max-w-xl overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-100 p-2 text-xs focus:outline focus:outline-2 focus:outline-indigo-500 dark:bg-zinc-950"
        >
          {prettyBody(text)}
        </pre>
      )}
    </details>
  );
}

/** Our calls to the provider behind one timeline entry: what we sent and what came back, secrets already redacted when stored. */
export function ApiCallBodies({ calls }: { calls: readonly ProviderExchange[] }) {
  if (calls.length === 0) return null;
  return (
    <ul className="mt-2 space-y-2" aria-label="Our calls to the provider">
      {calls.map((call, i) => (
        <li
          key={`${call.method}-${call.path}-${i}`}
          className="rounded border border-zinc-200 p-2 dark:border-zinc-700"
          data-testid="api-call"
        >
          <div className="text-xs">
            <span className="font-medium">
              {paymentProviderLabelOrName(call.provider)}: {call.operation}
            </span>{" "}
            <span className="break-all font-mono text-zinc-600 dark:text-zinc-400">
              {call.method} {call.path}
            </span>
          </div>
          <div className="text-xs text-zinc-600 dark:text-zinc-400">
            {outcomeOf(call)}
            {call.failure ? `: ${call.failure}` : "."}
          </div>
          <Body label="Request" text={call.request} empty="This call sent no body." />
          <Body label="Response" text={call.response} empty="No answer body was received." />
        </li>
      ))}
    </ul>
  );
}
