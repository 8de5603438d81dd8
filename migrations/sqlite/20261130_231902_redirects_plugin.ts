import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`redirects_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`posts_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`redirects_rels_order_idx\` ON \`redirects_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_parent_idx\` ON \`redirects_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_path_idx\` ON \`redirects_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`redirects_rels_posts_id_idx\` ON \`redirects_rels\` (\`posts_id\`);`)
  await db.run(sql`ALTER TABLE \`redirects\` ADD \`to_type\` text DEFAULT 'reference';`)
  await db.run(sql`ALTER TABLE \`redirects\` ADD \`to_url\` text;`)
  // Every redirect so far was a text address: each becomes a custom target, unchanged, before
  // the old column goes. (The importer points them at their posts on its next run.)
  await db.run(sql`UPDATE \`redirects\` SET \`to_type\` = 'custom', \`to_url\` = \`to\`;`)
  await db.run(sql`ALTER TABLE \`redirects\` DROP COLUMN \`to\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  // Back to one text address: a custom target as it is, a post as its address at this moment.
  await db.run(sql`ALTER TABLE \`redirects\` ADD \`to\` text NOT NULL DEFAULT '/';`)
  await db.run(sql`UPDATE \`redirects\` SET \`to\` = COALESCE(
    CASE WHEN \`to_type\` = 'custom' THEN \`to_url\` END,
    (SELECT '/posts/' || \`posts\`.\`slug\` FROM \`redirects_rels\`
      JOIN \`posts\` ON \`posts\`.\`id\` = \`redirects_rels\`.\`posts_id\`
      WHERE \`redirects_rels\`.\`parent_id\` = \`redirects\`.\`id\`
        AND \`redirects_rels\`.\`path\` = 'to.reference'),
    '/');`)
  await db.run(sql`DROP TABLE \`redirects_rels\`;`)
  await db.run(sql`ALTER TABLE \`redirects\` DROP COLUMN \`to_type\`;`)
  await db.run(sql`ALTER TABLE \`redirects\` DROP COLUMN \`to_url\`;`)
}
