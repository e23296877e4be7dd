import { z } from 'zod/mini';

/**
 * Confidential support services by country, for the safety check, and counselor
 * directories, for the suggestion to seek couples counseling. Operators can replace
 * either list with a JSON file of the same shape (the server reads HELP_DIRECTORY_FILE).
 *
 * Only services whose numbers and addresses were checked against the service's own
 * site are listed; each entry names its source. Review the list at least twice a year:
 * helplines change numbers and hours.
 */
export const RESOURCES_REVIEWED_ON = '2026-11-25';

export const resourceEntry = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  description: z.string().check(z.maxLength(500)),
  phone: z.optional(z.string().check(z.maxLength(60))),
  text: z.optional(z.string().check(z.maxLength(120))),
  url: z.optional(z.url({ protocol: /^https?$/ })),
  /** Where the details were checked. */
  source: z.string().check(z.minLength(1), z.maxLength(300)),
});

export const countryResources = z.object({
  /** ISO 3166-1 alpha-2, or "INTL" for the fallback. */
  country: z.string().check(z.regex(/^(?:[A-Z]{2}|INTL)$/)),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  emergency: z.string().check(z.maxLength(40)),
  services: z.array(resourceEntry).check(z.minLength(1), z.maxLength(20)),
});

export const counselorDirectory = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  description: z.string().check(z.maxLength(500)),
  url: z.url({ protocol: /^https?$/ }),
  /** Countries it covers (ISO alpha-2), or ["INTL"]. */
  countries: z.array(z.string().check(z.regex(/^(?:[A-Z]{2}|INTL)$/))).check(z.minLength(1)),
});

export const helpDirectory = z.object({
  reviewedOn: z.iso.date(),
  resources: z.array(countryResources).check(z.minLength(1)),
  counselors: z.array(counselorDirectory),
});

export type ResourceEntry = z.infer<typeof resourceEntry>;
export type CountryResources = z.infer<typeof countryResources>;
export type CounselorDirectory = z.infer<typeof counselorDirectory>;
export type HelpDirectory = z.infer<typeof helpDirectory>;

const INTERNATIONAL: CountryResources = {
  country: 'INTL',
  name: 'Anywhere else',
  emergency: 'your local emergency number',
  services: [
    {
      name: 'Hot Peach Pages',
      description: 'An international directory of domestic abuse hotlines and shelters, country by country.',
      url: 'https://www.hotpeachpages.net/',
      source: 'hotpeachpages.net, home page',
    },
  ],
};

export const DEFAULT_RESOURCES: readonly CountryResources[] = [
  {
    country: 'US',
    name: 'United States',
    emergency: '911',
    services: [
      {
        name: 'National Domestic Violence Hotline',
        description: 'Confidential support, 24 hours a day, by phone, text or online chat.',
        phone: '1-800-799-7233',
        text: 'Text START to 88788',
        url: 'https://www.thehotline.org/',
        source: 'thehotline.org, contact page',
      },
    ],
  },
  {
    country: 'GB',
    name: 'United Kingdom',
    emergency: '999',
    services: [
      {
        name: '24 Hour National Domestic Abuse Helpline (run by Refuge)',
        description: 'Free and confidential, for anyone experiencing domestic abuse, 24 hours a day.',
        phone: '0808 2000 247',
        url: 'https://www.nationaldahelpline.org.uk/',
        source: 'nationaldahelpline.org.uk, home page',
      },
    ],
  },
  {
    country: 'CA',
    name: 'Canada',
    emergency: '911',
    services: [
      {
        name: 'ShelterSafe (Women’s Shelters Canada)',
        description: 'A map of shelters and crisis lines across Canada; the shelters take calls 24 hours a day.',
        url: 'https://sheltersafe.ca/',
        source: 'sheltersafe.ca, home page',
      },
    ],
  },
  {
    country: 'AU',
    name: 'Australia',
    emergency: '000',
    services: [
      {
        name: '1800RESPECT',
        description: 'National domestic, family and sexual violence counselling, 24 hours a day.',
        phone: '1800 737 732',
        url: 'https://www.1800respect.org.au/',
        source: '1800respect.org.au, home page',
      },
    ],
  },
  {
    country: 'IE',
    name: 'Ireland',
    emergency: '112 or 999',
    services: [
      {
        name: 'Women’s Aid 24hr National Freephone Helpline',
        description: 'Free and confidential support for anyone affected by domestic abuse, 24 hours a day.',
        phone: '1800 341 900',
        url: 'https://www.womensaid.ie/',
        source: 'womensaid.ie, contact page',
      },
    ],
  },
  {
    country: 'NZ',
    name: 'New Zealand',
    emergency: '111',
    services: [
      {
        name: 'Women’s Refuge crisis line',
        description: 'Free support and safe houses across New Zealand, 24 hours a day.',
        phone: '0800 733 843',
        url: 'https://womensrefuge.org.nz/',
        source: 'womensrefuge.org.nz, home page',
      },
    ],
  },
  INTERNATIONAL,
];

export const DEFAULT_COUNSELORS: readonly CounselorDirectory[] = [
  {
    name: 'AAMFT Therapist Locator',
    description: 'Marriage and family therapists, from the American Association for Marriage and Family Therapy.',
    url: 'https://www.aamft.org/',
    countries: ['US'],
  },
  {
    name: 'Relate',
    description: 'Relationship counselling across England, Wales and Northern Ireland, in person, by phone or online.',
    url: 'https://www.relate.org.uk/',
    countries: ['GB'],
  },
  {
    name: 'Relationships Australia',
    description: 'Couples counselling and relationship services across Australia.',
    url: 'https://www.relationships.org.au/',
    countries: ['AU'],
  },
  {
    name: 'Psychology Today therapist directory',
    description: 'Search by place and speciality, e.g. couples counseling; covers many countries.',
    url: 'https://www.psychologytoday.com/',
    countries: ['INTL'],
  },
];

export const DEFAULT_HELP_DIRECTORY: HelpDirectory = {
  reviewedOn: RESOURCES_REVIEWED_ON,
  resources: [...DEFAULT_RESOURCES],
  counselors: [...DEFAULT_COUNSELORS],
};

/** UK is GB in ISO 3166; people and browsers say both. */
const normalise = (country: string): string => {
  const c = country.trim().toUpperCase();
  return c === 'UK' ? 'GB' : c;
};

/** The services for a country, or the international fallback (or the first list, if an operator left that out). */
export function resourcesFor(directory: HelpDirectory, country: string | null): CountryResources {
  const c = country === null ? 'INTL' : normalise(country);
  const found = directory.resources.find((r) => r.country === c) ?? directory.resources.find((r) => r.country === 'INTL');
  return found ?? directory.resources[0] ?? INTERNATIONAL;
}

/** Directories for a country first, then the international ones. */
export function counselorsFor(directory: HelpDirectory, country: string | null): CounselorDirectory[] {
  const c = country === null ? 'INTL' : normalise(country);
  const local = directory.counselors.filter((d) => d.countries.includes(c));
  const intl = directory.counselors.filter((d) => d.countries.includes('INTL') && !local.includes(d));
  return [...local, ...intl];
}

/**
 * A best guess at the country from the browser's locale (e.g. "en-GB" → GB), so the
 * person sees their own services first; they can always pick another.
 */
export function countryFromLocale(locale: string): string | null {
  const m = /[-_]([A-Za-z]{2})(?:[-_]|$)/.exec(locale);
  return m?.[1] ? normalise(m[1]) : null;
}
