import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`redirects\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`import_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`redirects_from_idx\` ON \`redirects\` (\`from\`);`)
  await db.run(sql`CREATE INDEX \`redirects_import_key_idx\` ON \`redirects\` (\`import_key\`);`)
  await db.run(sql`CREATE INDEX \`redirects_updated_at_idx\` ON \`redirects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`redirects_created_at_idx\` ON \`redirects\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE INDEX \`posts_import_key_idx\` ON \`posts\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_import_key\` text;`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_import_key_idx\` ON \`_posts_v\` (\`version_import_key\`);`)
  await db.run(sql`ALTER TABLE \`reusable_blocks\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE INDEX \`reusable_blocks_import_key_idx\` ON \`reusable_blocks\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`comments\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE INDEX \`comments_import_key_idx\` ON \`comments\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`authors\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE INDEX \`authors_import_key_idx\` ON \`authors\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE INDEX \`media_import_key_idx\` ON \`media\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`parent_id\` integer REFERENCES categories(id);`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE INDEX \`categories_parent_idx\` ON \`categories\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`categories_import_key_idx\` ON \`categories\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`tags\` ADD \`import_key\` text;`)
  await db.run(sql`CREATE INDEX \`tags_import_key_idx\` ON \`tags\` (\`import_key\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`redirects_id\` integer REFERENCES redirects(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`redirects\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_categories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`INSERT INTO \`__new_categories\`("id", "title", "slug", "updated_at", "created_at") SELECT "id", "title", "slug", "updated_at", "created_at" FROM \`categories\`;`)
  await db.run(sql`DROP TABLE \`categories\`;`)
  await db.run(sql`ALTER TABLE \`__new_categories\` RENAME TO \`categories\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`categories_slug_idx\` ON \`categories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`categories_updated_at_idx\` ON \`categories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`categories_created_at_idx\` ON \`categories\` (\`created_at\`);`)
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
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reusable_blocks_id\`) REFERENCES \`reusable_blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comments_id\`) REFERENCES \`comments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`categories_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tags_id\`) REFERENCES \`tags\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "reusable_blocks_id", "comments_id", "authors_id", "media_id", "categories_id", "tags_id", "users_id") SELECT "id", "order", "parent_id", "path", "posts_id", "reusable_blocks_id", "comments_id", "authors_id", "media_id", "categories_id", "tags_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`DROP INDEX \`posts_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`import_key\`;`)
  await db.run(sql`DROP INDEX \`_posts_v_version_version_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` DROP COLUMN \`version_import_key\`;`)
  await db.run(sql`DROP INDEX \`reusable_blocks_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`reusable_blocks\` DROP COLUMN \`import_key\`;`)
  await db.run(sql`DROP INDEX \`comments_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`comments\` DROP COLUMN \`import_key\`;`)
  await db.run(sql`DROP INDEX \`authors_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`authors\` DROP COLUMN \`import_key\`;`)
  await db.run(sql`DROP INDEX \`media_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`import_key\`;`)
  await db.run(sql`DROP INDEX \`tags_import_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`tags\` DROP COLUMN \`import_key\`;`)
}
