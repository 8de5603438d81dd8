import * as migration_20261126_174519_initial from './20261126_174519_initial';

export const migrations = [
  {
    up: migration_20261126_174519_initial.up,
    down: migration_20261126_174519_initial.down,
    name: '20261126_174519_initial'
  },
];
