import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashKeySignature, signOctoNotification, verifyOctoNotification } from "./notify-signature";

const sha1 = (text: string) => createHash("sha1").update(text, "utf8").digest("hex");
const key = "cbc7b780-806a-4103-bf32-286c2f1e2b54";
const uuid = "4556a13e-f763-4b91-9387-92395fd51ccf";
const hashKey = "e27d3f79-3189-44e9-8a66-566a141025df";

describe("OCTO notify signatures", () => {
  it("signs with UPPER(HEX(SHA1(key + uuid + status))) by default", () => {
    const signature = signOctoNotification({ octoPaymentUuid: uuid, status: "succeeded", hashKey }, key);
    expect(signature).toBe(sha1(`${key}${uuid}succeeded`).toUpperCase());
    expect(signature).toMatch(/^[0-9A-F]{40}$/);
  });

  it("verifies case-insensitively and rejects tampering, other keys and missing fields", () => {
    const body = {
      octo_payment_UUID: uuid,
      status: "succeeded",
      hash_key: hashKey,
      signature: sha1(`${key}${uuid}succeeded`),
    };
    expect(verifyOctoNotification(body, key)).toBe(true);
    expect(verifyOctoNotification({ ...body, signature: body.signature.toUpperCase() }, key)).toBe(true);
    expect(verifyOctoNotification({ ...body, status: "canceled" }, key)).toBe(false);
    expect(verifyOctoNotification(body, "another-key")).toBe(false);
    expect(verifyOctoNotification({ ...body, signature: "ABC" }, key)).toBe(false);
    expect(verifyOctoNotification({ octo_payment_UUID: uuid, status: "succeeded" }, key)).toBe(false);
    expect(verifyOctoNotification("not an object", key)).toBe(false);
  });

  it("supports the old doc's sha1(sha1(secret + hash_key) + uuid + status) as a strategy", () => {
    const secret = "027f85c1-4705-46c4-a2fd-dc6edd779fbb";
    const signature = sha1(`${sha1(secret + hashKey)}${uuid}succeeded`);
    const body = { octo_payment_UUID: uuid, status: "succeeded", hash_key: hashKey, signature };
    expect(verifyOctoNotification(body, secret, hashKeySignature)).toBe(true);
    expect(verifyOctoNotification({ ...body, hash_key: "other" }, secret, hashKeySignature)).toBe(false);
    expect(verifyOctoNotification(body, secret)).toBe(false);
  });
});
