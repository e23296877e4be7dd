/**
 * The ideas deck (DESIGN §2, practice 2): date ideas written for Hearth. Each partner
 * answers yes / maybe / no privately and only mutual answers show (blind matching,
 * decision 0011). Ids are stable forever — answers and match tokens are keyed by them —
 * so an idea is never renumbered or reused; retire one by removing it and bumping
 * IDEAS_VERSION. Novel, slightly exciting ideas are marked `firstFirst`: that is the
 * kind of time together the novelty research behind practice 2 points at.
 */
/** 2: ideas 089–100 added (more that take half a day or longer). */
export const IDEAS_VERSION = 2;

export const IDEA_COSTS = ['free', '$', '$$', '$$$'] as const;
export const IDEA_PLACES = ['home', 'out', 'outdoors'] as const;
export const IDEA_ENERGIES = ['low', 'medium', 'high'] as const;

export type IdeaCost = (typeof IDEA_COSTS)[number];
export type IdeaPlace = (typeof IDEA_PLACES)[number];
export type IdeaEnergy = (typeof IDEA_ENERGIES)[number];

/** Time needed, in buckets people filter by: up to an hour, up to an evening (4 h), longer. */
export const IDEA_TIMES = ['quick', 'evening', 'long'] as const;
export type IdeaTime = (typeof IDEA_TIMES)[number];
export const ideaTimeOf = (minutes: number): IdeaTime => (minutes <= 60 ? 'quick' : minutes <= 240 ? 'evening' : 'long');

export type DateIdea = {
  readonly id: string;
  readonly text: string;
  readonly cost: IdeaCost;
  readonly where: IdeaPlace;
  readonly energy: IdeaEnergy;
  /** Rough time to set aside, door to door. */
  readonly minutes: number;
  /** Likely something the couple has not done together before. */
  readonly firstFirst: boolean;
};

const idea = (id: string, text: string, cost: IdeaCost, where: IdeaPlace, energy: IdeaEnergy, minutes: number, firstFirst: boolean): DateIdea => ({
  id,
  text,
  cost,
  where,
  energy,
  minutes,
  firstFirst,
});

export const DATE_IDEAS: readonly DateIdea[] = [
  idea('idea-001', 'Cook a dish from a country neither of you has visited, and eat it with music from there', '$', 'home', 'medium', 120, true),
  idea('idea-002', 'Blanket fort, fairy lights and a film you both loved as kids', 'free', 'home', 'low', 150, false),
  idea('idea-003', 'Write each other a letter to open on your next anniversary, then seal them away', 'free', 'home', 'low', 45, true),
  idea('idea-004', 'Sunrise walk with a flask of something warm — phones stay in a pocket', 'free', 'outdoors', 'medium', 90, true),
  idea('idea-005', 'Pick a bus or tram line you never take and ride it to the end, then explore', '$', 'out', 'medium', 180, true),
  idea('idea-006', 'Take a beginner pottery or ceramics class together', '$$', 'out', 'medium', 150, true),
  idea('idea-007', 'Breakfast in bed, made together the night before and just warmed up', '$', 'home', 'low', 60, false),
  idea('idea-008', 'Go to an open-mic night and cheer for every single act', '$', 'out', 'low', 150, true),
  idea('idea-009', 'Pack a picnic and find a spot with a view neither of you has sat at before', '$', 'outdoors', 'medium', 180, true),
  idea('idea-010', 'Play a board game you have never tried, learning the rules together', '$', 'home', 'low', 120, true),
  idea('idea-011', 'Dance in the kitchen to the songs from when you first met', 'free', 'home', 'medium', 30, false),
  idea('idea-012', 'Stargazing: a blanket, a sky app, and naming your own constellation', 'free', 'outdoors', 'low', 90, true),
  idea('idea-013', 'Try an escape room and see how you work as a team', '$$', 'out', 'high', 120, true),
  idea('idea-014', 'Visit a museum and each pick one piece to tell the other a made-up story about', '$', 'out', 'low', 150, false),
  idea('idea-015', 'A slow evening bath or shower with candles and a playlist you made for each other', 'free', 'home', 'low', 60, false),
  idea('idea-016', 'Hike to a waterfall, a summit or any place with a name worth reaching', 'free', 'outdoors', 'high', 300, true),
  idea('idea-017', 'Book a tasting menu somewhere special, dressed up a little more than usual', '$$$', 'out', 'low', 180, true),
  idea('idea-018', 'Make homemade pizza with one ridiculous topping each — and taste both', '$', 'home', 'medium', 90, false),
  idea('idea-019', 'Go roller skating or ice skating, holding hands for balance', '$', 'out', 'high', 120, true),
  idea('idea-020', 'Leaf through old photos together and tell the story behind three of them', 'free', 'home', 'low', 60, false),
  idea('idea-021', 'Rent a rowing boat or a pedal boat for an hour', '$$', 'outdoors', 'high', 120, true),
  idea('idea-022', 'A local farmers’ market: buy one ingredient you cannot name and cook with it', '$', 'out', 'medium', 150, true),
  idea('idea-023', 'Read aloud to each other — a short story, a chapter, or poems you each pick', 'free', 'home', 'low', 45, false),
  idea('idea-024', 'Take a dance lesson: salsa, swing, tango, whatever makes you both laugh', '$$', 'out', 'high', 90, true),
  idea('idea-025', 'Bike ride to a café you have never been to and share a slice of cake', '$', 'outdoors', 'high', 150, true),
  idea('idea-026', 'A weekend away somewhere neither of you has been, with no plan for the first morning', '$$$', 'out', 'medium', 2880, true),
  idea('idea-027', 'Plant something together — herbs on a windowsill or a bulb in the garden', '$', 'home', 'low', 45, true),
  idea('idea-028', 'Watch the sunset from the highest point in town you can get to', 'free', 'outdoors', 'medium', 90, false),
  idea('idea-029', 'Karaoke, even if it is just the two of you in the living room', 'free', 'home', 'high', 60, false),
  idea('idea-030', 'See a live band you have never heard of, picked by the poster alone', '$$', 'out', 'medium', 180, true),
  idea('idea-031', 'Make a bucket list together: ten things for this year, five just for fun', 'free', 'home', 'low', 45, false),
  idea('idea-032', 'Go to a comedy night and compare favourite jokes on the way home', '$$', 'out', 'low', 150, false),
  idea('idea-033', 'Camp out in the back garden or on the balcony for one night', 'free', 'outdoors', 'medium', 600, true),
  idea('idea-034', 'Bake bread from scratch and eat the first slice warm', '$', 'home', 'low', 240, true),
  idea('idea-035', 'Visit a botanical garden or greenhouse and find the strangest plant there', '$', 'outdoors', 'low', 120, false),
  idea('idea-036', 'Go to a film at a small independent cinema and talk about it over a drink', '$$', 'out', 'low', 180, false),
  idea('idea-037', 'Have a no-screens evening: cards, a puzzle, and the radio on low', 'free', 'home', 'low', 180, false),
  idea('idea-038', 'Try a climbing or bouldering taster session', '$$', 'out', 'high', 120, true),
  idea('idea-039', 'Walk a stretch of river, canal or shoreline you have only ever driven past', 'free', 'outdoors', 'medium', 120, true),
  idea('idea-040', 'Recreate your first date as closely as you can remember it', '$$', 'out', 'medium', 180, false),
  idea('idea-041', 'Make a time capsule with notes about this year and bury or hide it', 'free', 'home', 'low', 60, true),
  idea('idea-042', 'Take a cocktail or mocktail class and invent a drink named after you two', '$$', 'out', 'medium', 120, true),
  idea('idea-043', 'Go berry or apple picking when it is in season', '$', 'outdoors', 'medium', 180, true),
  idea('idea-044', 'An at-home spa night: face masks, foot soaks and a very soft playlist', '$', 'home', 'low', 90, false),
  idea('idea-045', 'Volunteer together for an afternoon at a food bank, shelter or clean-up', 'free', 'out', 'medium', 240, true),
  idea('idea-046', 'Book a hot-air balloon, glider or small-plane ride', '$$$', 'outdoors', 'medium', 240, true),
  idea('idea-047', 'Sketch each other — no skill allowed, and swap drawings at the end', 'free', 'home', 'low', 45, true),
  idea('idea-048', 'Try a cuisine neither of you has eaten, and order the dish you can’t pronounce', '$$', 'out', 'low', 120, true),
  idea('idea-049', 'Go swimming in a lake, the sea or an outdoor pool', '$', 'outdoors', 'high', 150, false),
  idea('idea-050', 'Build a playlist of “our songs” together, one track each in turn', 'free', 'home', 'low', 45, false),
  idea('idea-051', 'Take a guided night walk, ghost tour or bat walk in your own town', '$', 'out', 'medium', 120, true),
  idea('idea-052', 'A long lazy brunch at home with pancakes, fruit and the newspaper', '$', 'home', 'low', 120, false),
  idea('idea-053', 'Fly a kite in the park, or make one first', '$', 'outdoors', 'medium', 120, true),
  idea('idea-054', 'Go bowling and make silly rules for every frame', '$', 'out', 'medium', 120, false),
  idea('idea-055', 'Learn ten words of a language you would love to travel to, and quiz each other', 'free', 'home', 'low', 45, true),
  idea('idea-056', 'Book a cooking class and bring home the recipe to make again', '$$$', 'out', 'medium', 180, true),
  idea('idea-057', 'Walk somewhere at dusk and each share one thing you never told the other', 'free', 'outdoors', 'low', 60, false),
  idea('idea-058', 'Host a tiny dinner party for two other people you both like', '$$', 'home', 'medium', 240, false),
  idea('idea-059', 'Go to a paint-and-sip night, or set one up at home with cheap canvases', '$$', 'out', 'low', 150, true),
  idea('idea-060', 'Make a puzzle of 1,000 pieces a week-long project on the table', '$', 'home', 'low', 60, false),
  idea('idea-061', 'Try paddleboarding or kayaking with a taster lesson', '$$', 'outdoors', 'high', 180, true),
  idea('idea-062', 'Visit a planetarium or an observatory open night', '$', 'out', 'low', 120, true),
  idea('idea-063', 'Write a short story together, taking turns one sentence at a time', 'free', 'home', 'low', 30, true),
  idea('idea-064', 'Go to a live sports match for a team neither of you follows, and pick a side', '$$', 'out', 'high', 180, true),
  idea('idea-065', 'Forage a walk for the best stick, stone and leaf — then judge each other’s finds', 'free', 'outdoors', 'low', 60, false),
  idea('idea-066', 'Order from the place you always walk past and have an indoor picnic', '$$', 'home', 'low', 90, false),
  idea('idea-067', 'Spend a night in a cabin, a treehouse or somewhere off-grid', '$$$', 'outdoors', 'medium', 1440, true),
  idea('idea-068', 'Do a jigsaw of your own photo, printed as a puzzle', '$$', 'home', 'low', 120, true),
  idea('idea-069', 'Go to a quiz night at a pub and come up with a team name just for two', '$', 'out', 'medium', 150, true),
  idea('idea-070', 'Take a photo walk: each of you brings back the five best shots of the same street', 'free', 'outdoors', 'medium', 90, true),
  idea('idea-071', 'Make fresh pasta by hand, flour everywhere', '$', 'home', 'medium', 120, true),
  idea('idea-072', 'See a play, a ballet or an opera — cheap seats count', '$$$', 'out', 'low', 180, true),
  idea('idea-073', 'Go for a run or a brisk walk together, then a big breakfast after', 'free', 'outdoors', 'high', 90, false),
  idea('idea-074', 'Have a themed movie night with food to match the film', '$', 'home', 'low', 180, false),
  idea('idea-075', 'Visit a vintage market or charity shops and buy each other a gift for a few coins', '$', 'out', 'medium', 150, true),
  idea('idea-076', 'Build a bonfire or light a fire pit and toast marshmallows', '$', 'outdoors', 'low', 120, false),
  idea('idea-077', 'Answer the “36 questions” together, slowly, over a pot of tea', 'free', 'home', 'low', 90, true),
  idea('idea-078', 'Take a day trip by train to a town you pick by closing your eyes and pointing at a map', '$$', 'out', 'medium', 600, true),
  idea('idea-079', 'Try a yoga class for two, or follow one on a video at home', 'free', 'home', 'medium', 60, true),
  idea('idea-080', 'Go to an arcade and spend everything on a single silly prize', '$', 'out', 'high', 90, false),
  idea('idea-081', 'Walk in the rain on purpose, then warm up with soup', 'free', 'outdoors', 'medium', 60, false),
  idea('idea-082', 'Learn a card trick each from a video and perform it for the other', 'free', 'home', 'low', 45, true),
  idea('idea-083', 'Go to a wine, cheese or chocolate tasting and rate everything out of ten', '$$', 'out', 'low', 120, true),
  idea('idea-084', 'Plan your dream trip in detail — route, food, where you would wake up — even if it stays a dream', 'free', 'home', 'low', 60, false),
  idea('idea-085', 'Take a horse-riding lesson or a trail ride', '$$$', 'outdoors', 'high', 180, true),
  idea('idea-086', 'Go to a spa or thermal baths for the day', '$$$', 'out', 'low', 360, true),
  idea('idea-087', 'Swap phones for an hour and each make the other a playlist, a wallpaper and a note', 'free', 'home', 'low', 60, true),
  idea('idea-088', 'Cycle a route you have never done and stop wherever looks good for lunch', '$', 'outdoors', 'high', 240, true),
  idea('idea-089', 'Spend a whole Saturday saying yes to each other’s small suggestions, within reason and budget', '$', 'out', 'medium', 480, true),
  idea('idea-090', 'Walk a long-distance trail for one full day, packed lunch included', 'free', 'outdoors', 'high', 420, true),
  idea('idea-091', 'Take a half-day workshop neither of you would pick alone: woodwork, glass, bookbinding', '$$$', 'out', 'medium', 300, true),
  idea('idea-092', 'Have a slow Sunday at home: lie-in, long breakfast, a film, a nap, soup — nothing else planned', 'free', 'home', 'low', 480, false),
  idea('idea-093', 'Go to a festival, fair or street party in a neighbourhood you rarely visit', '$', 'out', 'high', 300, true),
  idea('idea-094', 'Tidy and rearrange one room together until it feels new, then have a drink in it', 'free', 'home', 'medium', 300, false),
  idea('idea-095', 'Spend a day at the coast or a lake: swim or paddle, chips or a picnic, a nap in the sun', '$', 'outdoors', 'medium', 540, false),
  idea('idea-096', 'Learn the basics of a new sport on a taster day — sailing, archery, surfing, golf', '$$$', 'outdoors', 'high', 360, true),
  idea('idea-097', 'Cook a slow feast together: something that simmers all afternoon while you play cards', '$$', 'home', 'low', 360, true),
  idea('idea-098', 'Go to a night market or late museum opening and graze your way round', '$$', 'out', 'medium', 240, true),
  idea('idea-099', 'Give each other a tour of a place that mattered to you before you met', '$', 'out', 'medium', 300, true),
  idea('idea-100', 'Watch a meteor shower from somewhere properly dark, with a flask and two sleeping bags', 'free', 'outdoors', 'low', 240, true),
];

const BY_ID = new Map(DATE_IDEAS.map((i) => [i.id, i]));

export function ideaById(id: string): DateIdea | undefined {
  return BY_ID.get(id);
}

/** Empty or missing lists mean "any". */
export type IdeaFilter = {
  readonly cost?: readonly IdeaCost[];
  readonly where?: readonly IdeaPlace[];
  readonly energy?: readonly IdeaEnergy[];
  readonly time?: readonly IdeaTime[];
  readonly maxMinutes?: number;
  readonly firstFirst?: boolean;
};

const allows = <T>(wanted: readonly T[] | undefined, value: T): boolean => wanted === undefined || wanted.length === 0 || wanted.includes(value);

export function filterIdeas<I extends DateIdea>(ideas: readonly I[], filter: IdeaFilter): I[] {
  return ideas.filter(
    (i) =>
      allows(filter.cost, i.cost) &&
      allows(filter.where, i.where) &&
      allows(filter.energy, i.energy) &&
      allows(filter.time, ideaTimeOf(i.minutes)) &&
      (filter.maxMinutes === undefined || i.minutes <= filter.maxMinutes) &&
      (filter.firstFirst === undefined || i.firstFirst === filter.firstFirst),
  );
}

/**
 * How ideas are grouped for the 90% rule: by place. A partner who says yes to nearly
 * every "at home" idea has matches there withheld; the groups are large (25+) so an
 * honest enthusiast has plenty of room. A couple's own ideas can join a group too.
 */
export function ideaMatchItems(ideas: readonly DateIdea[] = DATE_IDEAS): { id: string; category: IdeaPlace }[] {
  return ideas.map((i) => ({ id: i.id, category: i.where }));
}
