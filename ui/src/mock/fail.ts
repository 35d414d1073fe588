import type { AppError, ErrorCode } from '../lib/bindings';

/** Rejects as a command does: with an AppError. */
export function fail(code: ErrorCode, message: string, hint: string, detail: AppError['detail'] = null, specific = false): never {
  throw { code, message, hint, detail, specific } satisfies AppError;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
