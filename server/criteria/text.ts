import { badInput } from '../shared/errors.js';
import { normaliseText } from '../shared/sql.js';

/** User text as stored: NFC, single spaces, trimmed, without control characters PostgreSQL refuses; empty → null. */
export const text = (value: string | null | undefined): string | null => {
  // eslint-disable-next-line no-control-regex -- the control characters are what this strips (PostgreSQL refuses NUL)
  const normalised = value == null ? '' : normaliseText(value.replace(/[\u0000-\u001f\u007f]/g, ' '));
  return normalised || null;
};

/** Like `text`, but empty is the caller's mistake. */
export const requiredText = (value: string, field: string): string => {
  const normalised = text(value);
  if (!normalised) throw badInput(`${field} không được để trống`, `${field} must not be empty`, field);
  return normalised;
};
