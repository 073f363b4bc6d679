import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { DbOrTx } from "@/lib/platform/db/types";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { sandboxCredentials } from "../credentials";
import { accessTokenTtlMs, kinds, refreshTokenTtlMs, sandboxClientId } from "./constants";
import { parseBody } from "./request";
import { unauthorized } from "./responses";
import { getRecord, insertRecord, putRecord, type ClientRecord } from "./store";

/** Opaque tokens (providers.md §3.12 #9: clients read *_expires_at, never the token). */
interface TokenRecord {
  type: "access" | "refresh";
  clientId: number;
  generation: number;
  expiresAt: string;
  revoked: boolean;
}

const loginSchema = z.object({ username: z.string().min(1), password: z.string().min(1) });
const refreshSchema = z.object({ refresh_token: z.string().min(1) });

async function issueTokens(db: DbOrTx, client: ClientRecord, now: Date) {
  const mint = async (type: TokenRecord["type"], ttlMs: number) => {
    const token = `${type === "access" ? "oca" : "ocr"}_${randomBytes(32).toString("base64url")}`;
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    await insertRecord<TokenRecord>(
      db,
      kinds.token,
      token,
      { type, clientId: client.id, generation: client.tokenGeneration, expiresAt, revoked: false },
      now,
    );
    return { token, expiresAt };
  };
  const access = await mint("access", accessTokenTtlMs);
  const refresh = await mint("refresh", refreshTokenTtlMs);
  return jsonResponse(200, {
    success: true,
    data: {
      access_token: access.token,
      refresh_token: refresh.token,
      access_expires_at: access.expiresAt,
      refresh_expires_at: refresh.expiresAt,
      client_id: client.id,
    },
  });
}

async function loadClient(db: DbOrTx): Promise<ClientRecord> {
  const client = await getRecord<ClientRecord>(db, kinds.client, sandboxClientId);
  if (!client) throw new Error("the sandbox client is not seeded");
  return client;
}

function isUsable(
  token: TokenRecord | null,
  type: TokenRecord["type"],
  client: ClientRecord,
  now: Date,
): token is TokenRecord {
  return (
    !!token &&
    token.type === type &&
    !token.revoked &&
    token.generation === client.tokenGeneration &&
    new Date(token.expiresAt) > now
  );
}

export async function login(request: SandboxRequest): Promise<Response> {
  const body = parseBody(request, loginSchema, "Username and password are required");
  const expected = sandboxCredentials.octopusCards;
  if (body.username !== expected.apiKey || body.password !== expected.apiSecret)
    throw unauthorized("Invalid credentials");
  return issueTokens(request.db, await loadClient(request.db), request.now);
}

/** Rotation: the presented refresh token is revoked in the same transaction that issues the new pair. */
export async function refresh(request: SandboxRequest): Promise<Response> {
  const body = parseBody(request, refreshSchema, "Refresh token is required");
  return request.db.transaction(async (tx) => {
    const client = await loadClient(tx);
    const token = await getRecord<TokenRecord>(tx, kinds.token, body.refresh_token, true);
    if (!isUsable(token, "refresh", client, request.now)) throw unauthorized("Invalid token");
    await putRecord(tx, kinds.token, body.refresh_token, { ...token, revoked: true }, request.now);
    return issueTokens(tx, client, request.now);
  });
}

/** Revokes every token of the client by bumping its token generation. */
export async function logout(request: SandboxRequest): Promise<Response> {
  await authenticate(request);
  await request.db.transaction(async (tx) => {
    const client = await getRecord<ClientRecord>(tx, kinds.client, sandboxClientId, true);
    if (!client) throw new Error("the sandbox client is not seeded");
    await putRecord(
      tx,
      kinds.client,
      sandboxClientId,
      { ...client, tokenGeneration: client.tokenGeneration + 1 },
      request.now,
    );
  });
  return jsonResponse(200, { success: true, data: { message: "Successfully logged out" } });
}

/** The Bearer access token check every API route runs; returns the client id. */
export async function authenticate(request: SandboxRequest): Promise<number> {
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized("Authorization header required");
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized("Invalid token");
  const client = await loadClient(request.db);
  const token = await getRecord<TokenRecord>(request.db, kinds.token, match[1]);
  if (!isUsable(token, "access", client, request.now)) throw unauthorized("Invalid token");
  return token.clientId;
}
