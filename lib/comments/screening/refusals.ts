import { APIError, ValidationError } from 'payload'

/**
 * A refusal the submitter may read, about their own input or pace: always a 4xx, and public, so
 * REST answers it as it is and the form's action can say it.
 */
export const refuse = (message: string, status: number) =>
  new APIError(message, status, undefined, true)

/** Errors on fields, by the collection's paths: the form's action puts them under its inputs. */
export const invalid = (errors: { path: string; message: string }[]) =>
  new ValidationError({ collection: 'comments', errors })
