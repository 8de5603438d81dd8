import { z } from 'zod'

/** The query of a preview link from the dashboard. */
export const previewQuerySchema = z.object({
  slug: z.string().trim().min(1).max(200),
  secret: z.string().min(1).max(200),
})
