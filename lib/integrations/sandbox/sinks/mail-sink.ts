import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Database } from "@/lib/platform/db/types";
import { recordReceived } from "./sink-store";

export interface RunningMailSink {
  port: number;
  close(): Promise<void>;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.map((address) => address.address ?? ""),
  );

/**
 * A real SMTP server on 127.0.0.1 that accepts every message (no auth, no TLS: it never leaves
 * the machine) and keeps it for the Sandbox page, so alert email works with zero set-up.
 */
export function startMailSink(db: () => Database, port: number): Promise<RunningMailSink> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    banner: "Payments Ops sandbox mail sink",
    logger: false,
    size: 1_000_000,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) =>
          recordReceived(db(), "email", {
            from: addresses(mail.from)[0] ?? "",
            to: addresses(mail.to),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? null,
            receivedAt: new Date().toISOString(),
          }),
        )
        .then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
