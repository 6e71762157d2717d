import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { conflict } from '../shared/errors.js';

/** Refuses a change made from a stale read: the record moved on since the caller's `expectedVersion`. */
export function checkVersion(current: number, expected: number | null | undefined, what: { vi: string; en: string }): void {
  if (expected == null) {
    throw conflict(`${what.vi} đã tồn tại (phiên bản ${current}); gửi expectedVersion để sửa`, `${what.en} already exists (version ${current}); send expectedVersion to change it`);
  }
  if (expected !== current) {
    throw conflict(`${what.vi} đã được người khác sửa (phiên bản ${current}, bạn gửi ${expected}); tải lại rồi thử lại`,
      `${what.en} was changed by someone else (version ${current}, you sent ${expected}): reload and retry`);
  }
}

/** Runs a write and turns a unique-key violation into CONFLICT with the given message. */
export async function uniquely<T>(write: () => Promise<T>, vi: string, en: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(vi, en);
    throw error;
  }
}
