import { slugify } from '@/lib/slugify'

/** A slug our URLs can carry: the export's when it has letters we keep, else from the title. */
export const slugFor = (wanted: string, title: string, fallback: string): string =>
  slugify(wanted) || slugify(title) || fallback
