import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`moderator_digests\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`moderator\` text NOT NULL,
  	\`claim\` text NOT NULL,
  	\`sent_at\` text NOT NULL,
  	\`covered_until\` text NOT NULL,
  	\`comments\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`moderator_digests_moderator_idx\` ON \`moderator_digests\` (\`moderator\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`moderator_digests_claim_idx\` ON \`moderator_digests\` (\`claim\`);`)
  await db.run(sql`CREATE INDEX \`moderator_digests_sent_at_idx\` ON \`moderator_digests\` (\`sent_at\`);`)
  await db.run(sql`CREATE INDEX \`moderator_digests_updated_at_idx\` ON \`moderator_digests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`moderator_digests_created_at_idx\` ON \`moderator_digests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`status_changed_at\` text;`)
  await db.run(sql`CREATE INDEX \`comments_status_changed_at_idx\` ON \`comments\` (\`status_changed_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`moderator_digests_id\` integer REFERENCES moderator_digests(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_moderator_digests_id_idx\` ON \`payload_locked_documents_rels\` (\`moderator_digests_id\`);`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` ADD \`digest_interval_minutes\` numeric DEFAULT 60 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` ADD \`commenter_details_days\` numeric DEFAULT 90 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` ADD \`spam_days\` numeric DEFAULT 30 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` ADD \`trash_days\` numeric DEFAULT 30 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`moderator_digests\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`posts_id\` integer,
  	\`reusable_blocks_id\` integer,
  	\`comments_id\` integer,
  	\`authors_id\` integer,
  	\`media_id\` integer,
  	\`categories_id\` integer,
  	\`tags_id\` integer,
  	\`redirects_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reusable_blocks_id\`) REFERENCES \`reusable_blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "reusable_blocks_id", "comments_id", "authors_id", "media_id", "categories_id", "tags_id", "redirects_id", "users_id") SELECT "id", "order", "parent_id", "path", "posts_id", "reusable_blocks_id", "comments_id", "authors_id", "media_id", "categories_id", "tags_id", "redirects_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reusable_blocks_id_idx\` ON \`payload_locked_documents_rels\` (\`reusable_blocks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comments_id_idx\` ON \`payload_locked_documents_rels\` (\`comments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_categories_id_idx\` ON \`payload_locked_documents_rels\` (\`categories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tags_id_idx\` ON \`payload_locked_documents_rels\` (\`tags_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`comments_status_changed_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`status_changed_at\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` DROP COLUMN \`digest_interval_minutes\`;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` DROP COLUMN \`commenter_details_days\`;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` DROP COLUMN \`spam_days\`;`)
  await db.run(sql`ALTER TABLE \`moderation_settings\` DROP COLUMN \`trash_days\`;`)
}
