import type { Refusal } from "@/lib/platform/refusal";

export type ActionResult<Data> = { ok: true; data: Data; message: string } | Refusal;
