import { s3Storage } from '@payloadcms/storage-s3'
import { z } from 'zod'

/**
 * Where uploads live: on the local disk (MEDIA_DIR) unless S3_BUCKET is set, then in that S3
 * bucket (AWS, or any S3-compatible store through S3_ENDPOINT), so several app machines share
 * them. Files are still served through /api/media/file/..., with the same access rules and the
 * edge's `media` key.
 */
const s3Env = z.object({
  S3_BUCKET: z.string().min(1),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1, 'S3_ACCESS_KEY_ID is required with S3_BUCKET'),
  S3_SECRET_ACCESS_KEY: z.string().min(1, 'S3_SECRET_ACCESS_KEY is required with S3_BUCKET'),
  // Most self-hosted stores (MinIO and the like) want bucket names in the path.
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  S3_PREFIX: z.string().optional(),
})

export type S3Settings = z.infer<typeof s3Env>

/** The S3 settings, null when uploads stay on disk; a half-done setup stops the start. */
export const s3Settings = (env: NodeJS.ProcessEnv = process.env): S3Settings | null => {
  if (!env.S3_BUCKET) return null
  const parsed = s3Env.safeParse(env)
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')
    throw new Error(`Uploads to S3 are not set up right (${why}).`)
  }
  return parsed.data
}

export const storage = (env: NodeJS.ProcessEnv = process.env) => {
  const s3 = s3Settings(env)
  return s3Storage({
    enabled: Boolean(s3),
    // The same columns with or without S3, so one set of migrations fits both.
    alwaysInsertFields: true,
    collections: { media: s3?.S3_PREFIX ? { prefix: s3.S3_PREFIX } : true },
    bucket: s3?.S3_BUCKET ?? '',
    config: {
      region: s3?.S3_REGION,
      endpoint: s3?.S3_ENDPOINT,
      forcePathStyle: s3?.S3_FORCE_PATH_STYLE === 'true',
      credentials: s3
        ? { accessKeyId: s3.S3_ACCESS_KEY_ID, secretAccessKey: s3.S3_SECRET_ACCESS_KEY }
        : undefined,
      // Checksums only where S3 requires them: several S3-compatible stores refuse the
      // newer default (streamed uploads with checksum trailers).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  })
}
