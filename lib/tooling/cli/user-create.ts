import { parseArgs } from "node:util";
import { systemActor } from "@/lib/domain/audit/record-audit";
import { configuredDatabaseTarget, getDatabaseHandle } from "@/lib/platform/db/client";
import { migrateDatabase } from "@/lib/platform/db/migrate";
import { createUser } from "@/lib/domain/users/manage-users";
import { checkPasswordStrength } from "@/lib/domain/users/password-strength";
import { createUserInput } from "@/lib/app/validation/users";

const usage = `Usage: npm run user:create -- --email EMAIL --name NAME --role admin|finance|ops|merchant
The password is read from the USER_PASSWORD environment variable or, if unset, from standard input.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

/** Creates a user from the command line: how the first admin is made in live mode. */
async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.info(usage);
    return;
  }
  // eslint-disable-next-line no-restricted-properties -- a one-off CLI secret, not app configuration
  const password = process.env.USER_PASSWORD || (await readStdin());
  const parsed = createUserInput.safeParse({ email: values.email, name: values.name, role: values.role, password });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Cannot create the user:\n${problems}\n\n${usage}`);
  }
  const strength = await checkPasswordStrength(parsed.data.password, parsed.data);
  if (!strength.ok) throw new Error(`Cannot create the user:\n  password: ${strength.rule}\n\n${usage}`);
  const target = configuredDatabaseTarget();
  const handle = getDatabaseHandle();
  try {
    await migrateDatabase(handle, target);
    const user = await createUser(handle.db, systemActor("system:cli"), parsed.data);
    console.info(`Created ${user.email} (${user.role}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof Error && "userMessage" in error
      ? String(error.userMessage)
      : error instanceof Error
        ? error.message
        : error,
  );
  process.exitCode = 1;
});
