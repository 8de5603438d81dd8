import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Authors } from './collections/Authors'
import { Categories } from './collections/Categories'
import { Comments } from './collections/Comments'
import { limitDocumentLocks } from './collections/LockedDocuments'
import { Media } from './collections/Media'
import { ModeratorDigests } from './collections/ModeratorDigests'
import { Posts } from './collections/Posts'
import { ReusableBlocks } from './collections/ReusableBlocks'
import { Tags } from './collections/Tags'
import { Users } from './collections/Users'
import { ModerationSettings } from './globals/ModerationSettings'
import { SiteSettings } from './globals/SiteSettings'
import { databaseKind, sqliteDatabase } from './lib/server/database'
import { DASHBOARD_TITLE_SUFFIX } from './lib/dashboardTitle'
import { emailAdapter } from './lib/server/email'
import { postEditor } from './fields/postContent'
import { answerStorageFailure } from './hooks/answerStorageFailure'
import { formatRefusal } from './hooks/formatRefusal'
import { onInit } from './lib/server/onInit'
import { withQueryLog } from './lib/server/queryLog'
import { resolveSecret } from './lib/server/secret'
import { revalidateEndpoint } from './lib/api/revalidate'
import { healthEndpoint, readinessEndpoint } from './lib/api/health'
import { eraseCommenterData, exportCommenterData } from './lib/api/commenterData'
import { redirects } from './plugins/redirects'
import { jobs } from './jobs'
import { seo } from './plugins/seo'
import { storage } from './plugins/storage'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const databaseUri = process.env.DATABASE_URI

export default limitDocumentLocks(
  buildConfig({
    admin: {
      user: Users.slug,
      // The default avatar would fetch Gravatar: no outside requests from the dashboard.
      avatar: 'default',
      importMap: { baseDir: path.resolve(dirname) },
      meta: {
        titleSuffix: DASHBOARD_TITLE_SUFFIX,
        icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/icon.svg' }],
      },
      components: {
        graphics: {
          Logo: '/components/admin/BrandLogo#BrandLogo',
          Icon: '/components/admin/BrandIcon#BrandIcon',
        },
        beforeDashboard: [
          '/components/admin/PendingComments#PendingComments',
          '/components/admin/ContentHealth#ContentHealth',
        ],
        beforeNavLinks: [
          '/components/admin/PendingComments#PendingComments',
          '/components/admin/moderation/ModerationNavLink#ModerationNavLink',
        ],
        afterNavLinks: ['/components/admin/CommenterDataLink#CommenterDataLink'],
        views: {
          moderation: {
            Component: '/components/admin/moderation/ModerationView#ModerationView',
            path: '/moderation',
            meta: { title: 'Moderation queue' },
          },
          commenterData: {
            Component: '/components/admin/CommenterData#CommenterData',
            path: '/commenter-data',
          },
        },
      },
    },
    collections: [
      Posts,
      ReusableBlocks,
      Comments,
      Authors,
      Media,
      Categories,
      Tags,
      Users,
      ModeratorDigests,
    ],
    globals: [SiteSettings, ModerationSettings],
    email: emailAdapter(),
    editor: postEditor,
    secret: resolveSecret(),
    serverURL: process.env.SERVER_URL || undefined,
    db: withQueryLog(
      databaseKind(databaseUri) === 'mongodb'
        ? mongooseAdapter({ url: databaseUri as string })
        : sqliteDatabase({
            uri: databaseUri,
            migrationDir: path.resolve(dirname, 'migrations/sqlite'),
          }),
    ),
    endpoints: [
      revalidateEndpoint,
      exportCommenterData,
      eraseCommenterData,
      healthEndpoint,
      readinessEndpoint,
    ],
    jobs,
    sharp,
    // Generated on purpose only (npm run generate:types, checked in CI): Payload would otherwise
    // rewrite the file whenever a test or dev process starts, from that process's database (the
    // string-id lane's uuid ids included).
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
    graphQL: { disablePlaygroundInProduction: true },
    telemetry: false,
    onInit,
    plugins: [redirects, seo, storage()],
    hooks: { afterError: [formatRefusal, answerStorageFailure] },
  }),
)
