import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import type { Field, TextField, TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

import { anyone } from '@/access/anyone'
import { canEditContent } from '@/access/canEditContent'
import { importKeyField } from '@/fields/importKey'
import { expireOnChange } from '@/hooks/expireOnChange'
import { CacheTags } from '@/lib/cacheTags'
import { normalizeRedirectPath, parseRedirectTarget, redirectLocation } from '@/lib/redirects'
import { resolveRedirectEndpoint } from '@/lib/api/resolveRedirect'

/** Payload's text checks (required, length) first, then ours. */
const textThen =
  (check: (value: string) => true | string): TextFieldSingleValidation =>
  (value, options) => {
    const base = text(value, options)
    if (base !== true) return base
    return typeof value === 'string' ? check(value) : true
  }

/**
 * One of the plugin's text fields with our rules: at most 500 characters, a description for
 * staff, the value rewritten into one spelling before it is checked, then Payload's checks and
 * ours.
 */
const withRules = (
  field: TextField,
  rules: {
    description: string
    spell: (value: string) => string
    check: (value: string) => true | string
  },
): Field =>
  field.hasMany
    ? field
    : {
        ...field,
        maxLength: 500,
        admin: { ...field.admin, description: rules.description },
        hooks: {
          ...field.hooks,
          beforeValidate: [({ value }) => (typeof value === 'string' ? rules.spell(value) : value)],
        },
        validate: textThen(rules.check),
      }

/** The old path: one spelling (see normalizeRedirectPath), always a path on this site. */
const fromField = (field: TextField): Field =>
  withRules(field, {
    description: 'The old path, for example /my-old-post/ (without the domain).',
    spell: normalizeRedirectPath,
    check: (value) =>
      value.startsWith('/') && !value.startsWith('//')
        ? true
        : 'Give a path on this site, starting with /.',
  })

/** A custom target: a path on this site or a full http(s) address, never one that only looks like a path. */
const customUrlField = (field: TextField): Field =>
  withRules(field, {
    description: 'A path on this site (/categories/...) or a full address (https://...).',
    // Stored as browsers will read it, so what staff see is where readers go.
    spell: (value) => redirectLocation(value) ?? value,
    check: (value) =>
      parseRedirectTarget(value)
        ? true
        : 'Give a path on this site starting with / (like /posts/my-post) or a full https:// address.',
  })

const named = (field: Field, name: string): boolean => 'name' in field && field.name === name

/** The plugin's fields with our rules on `from` and on the custom address, and the import key. */
const withOurRules = ({ defaultFields }: { defaultFields: Field[] }): Field[] => [
  ...defaultFields.map((field): Field => {
    if (field.type === 'text' && named(field, 'from')) return fromField(field)
    if (field.type === 'group' && named(field, 'to')) {
      return {
        ...field,
        admin: {
          ...field.admin,
          description:
            'Where to send readers: one of the posts (followed when its address changes), or a custom address.',
        },
        fields: field.fields.map((sub) =>
          sub.type === 'text' && named(sub, 'url') ? customUrlField(sub) : sub,
        ),
      }
    }
    return field
  }),
  importKeyField,
]

/**
 * Old addresses sent on with a permanent (301) redirect, so links to a previous site (WordPress
 * permalinks) keep working: Payload's redirects plugin, pointing at a post (so a changed slug
 * never breaks it) or at a custom address. The importer fills it; staff can add more. Readers
 * get the 301 from proxy.ts, which asks resolveRedirectEndpoint.
 */
export const redirects = redirectsPlugin({
  collections: ['posts'],
  overrides: {
    admin: {
      useAsTitle: 'from',
      defaultColumns: ['from', 'to.type', 'updatedAt'],
      group: 'Admin',
      description: 'Old addresses, sent to their new page with a permanent (301) redirect.',
    },
    access: {
      read: anyone,
      create: canEditContent,
      update: canEditContent,
      delete: canEditContent,
    },
    hooks: expireOnChange([CacheTags.redirects]),
    endpoints: [resolveRedirectEndpoint],
    fields: withOurRules,
  },
})
