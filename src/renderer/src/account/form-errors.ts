/** Turns an accounts error into what a form shows: one message, plus messages beside fields. */
import type { ApiError } from '../../../shared/api-error';

export interface FormErrors {
  general: string | null;
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { general: null, fields: {} };

export function formErrorsFrom(error: ApiError): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) fields[issue.path.split('.')[0] ?? issue.path] ??= issue.message;
  return { general: Object.keys(fields).length > 0 ? null : error.message, fields };
}
