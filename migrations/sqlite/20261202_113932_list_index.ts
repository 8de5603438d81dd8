import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`_status_updatedAt_createdAt_publishedAt_idx\` ON \`posts\` (\`_status\`,\`updated_at\`,\`created_at\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`compound_index_idx\` ON \`_posts_v\` (\`version__status\`,\`version_updated_at\`,\`version_created_at\`,\`version_published_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`_status_updatedAt_createdAt_publishedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
}
