import type { ContentBlock } from '../lexical'

/** Passages the clinic writes once and inserts into posts by reference. */
export const demoReusableBlocks: { title: string; blocks: ContentBlock[] }[] = [
  {
    title: 'Medical disclaimer',
    blocks: [
      {
        type: 'p',
        text: 'This article is general information, not medical advice. Talk to your doctor or one of our licensed therapists before starting a new treatment, especially if you are pregnant, have a heart condition or take blood thinners.',
      },
    ],
  },
  {
    title: 'Booking call to action',
    blocks: [
      {
        type: 'p',
        text: 'Ready to feel better? Call (555) 010-0123 or stop by the front desk to book a consultation.',
      },
    ],
  },
]
