import * as migration_20261126_174519_initial from './20261126_174519_initial';
import * as migration_20261126_182254_comments from './20261126_182254_comments';
import * as migration_20261127_094944_publishing from './20261127_094944_publishing';
import * as migration_20261127_101752_importer from './20261127_101752_importer';
import * as migration_20261130_173836_security_review from './20261130_173836_security_review';
import * as migration_20261130_224148_uploads_anywhere from './20261130_224148_uploads_anywhere';
import * as migration_20261130_230322_moderation_digest_rights from './20261130_230322_moderation_digest_rights';
import * as migration_20261130_231902_redirects_plugin from './20261130_231902_redirects_plugin';
import * as migration_20261201_022045_backup_settings from './20261201_022045_backup_settings';
import * as migration_20261201_083033_comment_pages from './20261201_083033_comment_pages';
import * as migration_20261202_002625_import_key_index from './20261202_002625_import_key_index';
import * as migration_20261202_065709_search_words from './20261202_065709_search_words';
import * as migration_20261202_113932_list_index from './20261202_113932_list_index';

export const migrations = [
  {
    up: migration_20261126_174519_initial.up,
    down: migration_20261126_174519_initial.down,
    name: '20261126_174519_initial',
  },
  {
    up: migration_20261126_182254_comments.up,
    down: migration_20261126_182254_comments.down,
    name: '20261126_182254_comments',
  },
  {
    up: migration_20261127_094944_publishing.up,
    down: migration_20261127_094944_publishing.down,
    name: '20261127_094944_publishing',
  },
  {
    up: migration_20261127_101752_importer.up,
    down: migration_20261127_101752_importer.down,
    name: '20261127_101752_importer',
  },
  {
    up: migration_20261130_173836_security_review.up,
    down: migration_20261130_173836_security_review.down,
    name: '20261130_173836_security_review',
  },
  {
    up: migration_20261130_224148_uploads_anywhere.up,
    down: migration_20261130_224148_uploads_anywhere.down,
    name: '20261130_224148_uploads_anywhere',
  },
  {
    up: migration_20261130_230322_moderation_digest_rights.up,
    down: migration_20261130_230322_moderation_digest_rights.down,
    name: '20261130_230322_moderation_digest_rights',
  },
  {
    up: migration_20261130_231902_redirects_plugin.up,
    down: migration_20261130_231902_redirects_plugin.down,
    name: '20261130_231902_redirects_plugin',
  },
  {
    up: migration_20261201_022045_backup_settings.up,
    down: migration_20261201_022045_backup_settings.down,
    name: '20261201_022045_backup_settings',
  },
  {
    up: migration_20261201_083033_comment_pages.up,
    down: migration_20261201_083033_comment_pages.down,
    name: '20261201_083033_comment_pages',
  },
  {
    up: migration_20261202_002625_import_key_index.up,
    down: migration_20261202_002625_import_key_index.down,
    name: '20261202_002625_import_key_index',
  },
  {
    up: migration_20261202_065709_search_words.up,
    down: migration_20261202_065709_search_words.down,
    name: '20261202_065709_search_words',
  },
  {
    up: migration_20261202_113932_list_index.up,
    down: migration_20261202_113932_list_index.down,
    name: '20261202_113932_list_index'
  },
];
