/**
 * Turns a title into a URL slug: lower case ASCII words joined by hyphens. Accents are folded
 * ("Crème" -> "creme") and apostrophes dropped ("Don't" -> "dont") so slugs read naturally.
 */
export const slugify = (input: string): string =>
  input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/g, '')
