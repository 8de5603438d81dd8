/** Demo categories and tags, by slug. */
export const demoCategories = [
  { slug: 'massage-therapy', title: 'Massage Therapy' },
  { slug: 'injectables', title: 'Injectables' },
  { slug: 'skin-care', title: 'Skin Care' },
  { slug: 'wellness', title: 'Wellness' },
]

export const demoTags = [
  { slug: 'pain-relief', title: 'pain relief' },
  { slug: 'self-care', title: 'self-care' },
  { slug: 'dysport', title: 'Dysport' },
  { slug: 'fillers', title: 'fillers' },
]

export const demoAuthors = [
  {
    slug: 'maya-alvarez',
    name: 'Maya Alvarez',
    credentials: 'LMT',
    bio: 'Maya is a licensed massage therapist specialising in medical and therapeutic massage for chronic pain.',
  },
  {
    slug: 'jordan-lee',
    name: 'Jordan Lee',
    credentials: 'RN',
    bio: 'Jordan is a registered nurse and aesthetic injector who leads our injectables team.',
  },
]
