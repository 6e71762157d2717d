import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { conflict } from '../shared/errors.js';

/** Runs a write and turns a unique-key violation into CONFLICT with the given message. */
export async function uniquely<T>(write: () => Promise<T>, vi: string, en: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(vi, en);
    throw error;
  }
}
