import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`comments\` ADD \`commenter_key\` text;`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`body_fingerprint\` text;`)
  await db.run(sql`CREATE INDEX \`comments_commenter_key_idx\` ON \`comments\` (\`commenter_key\`);`)
  await db.run(sql`CREATE INDEX \`comments_body_fingerprint_idx\` ON \`comments\` (\`body_fingerprint\`);`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` ADD \`pending_ceiling\` numeric DEFAULT 100 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` ADD \`moderator_emails_per_hour\` numeric DEFAULT 10 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`lock_until\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`comments_commenter_key_idx\`;`)
  await db.run(sql`DROP INDEX \`comments_body_fingerprint_idx\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`commenter_key\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`body_fingerprint\`;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`login_attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`lock_until\` text;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` DROP COLUMN \`pending_ceiling\`;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` DROP COLUMN \`moderator_emails_per_hour\`;`)
}
