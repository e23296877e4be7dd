/**
 * The five practices from DESIGN §2, each with the one line Today teaches it by and a
 * first step that works even before the partner has joined (`solo`) or only together.
 */
export const PRACTICES = [
  {
    slug: 'talk',
    tagline: 'Check-ins and talking it through',
    name: 'Talk',
    description: 'Say how you feel, listen to each other, and find your way to compromises without blame.',
    firstStep: { text: 'Check in: how do you feel right now?', href: '/app/talk/check-in', solo: true },
  },
  {
    slug: 'together',
    tagline: 'Rituals, dates and ideas',
    name: 'Together',
    description: 'Make time for each other: rituals, dates and new things to try for the first time.',
    firstStep: { text: 'Swipe through date ideas and see which ones you both like', href: '/app/together/ideas', solo: false },
  },
  {
    slug: 'touch',
    tagline: 'Small moments of affection',
    name: 'Touch',
    description: 'Gentle reminders for small moments of affection through the day.',
    firstStep: { text: 'Choose how many gentle nudges a day suit you', href: '/app/touch', solo: true },
  },
  {
    slug: 'support',
    tagline: 'Plates, wins and thank-yous',
    name: 'Support',
    description: 'Share what is on your plate, celebrate wins and say thank you.',
    firstStep: { text: 'Thank your partner for one thing they did this week', href: '/app/support/thanks', solo: false },
  },
  {
    slug: 'help',
    tagline: 'Your pulse, and a counselor',
    name: 'Help',
    description: 'Check in on how you are doing, and find professional help when you need it, without shame.',
    firstStep: { text: 'Take the two-minute relationship pulse, just for you', href: '/app/help/pulse', solo: true },
  },
] as const;

export type PracticeSlug = (typeof PRACTICES)[number]['slug'];
