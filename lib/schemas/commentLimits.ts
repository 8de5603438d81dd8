/**
 * Limits shared by the form (maxLength attributes), the schema and the collection. Kept apart
 * from the zod schema so the browser bundle of the form does not carry zod.
 */
export const COMMENT_LIMITS = {
  nameMax: 80,
  emailMax: 254,
  websiteMax: 200,
  bodyMin: 2,
  bodyMax: 5000,
} as const
