import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`moderation_settings\` ADD \`threads_per_page\` numeric DEFAULT 50 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` ADD \`thread_order\` text DEFAULT 'oldest' NOT NULL;`)
  await db.run(sql`CREATE INDEX \`comments_texts_parent_idx\` ON \`comments_texts\` (\`parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`comments_texts_parent_idx\`;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` DROP COLUMN \`threads_per_page\`;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` DROP COLUMN \`thread_order\`;`)
}
