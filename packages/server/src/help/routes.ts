import { Hono } from 'hono';
import type { HelpDirectory } from '@hearth/core';
import type { AppEnv } from '../http/context.ts';

/**
 * Where Quick exit lands: an ordinary page about soup, served by Hearth itself so
 * leaving makes no request to anyone else, at a path and with a title that say
 * nothing about relationships. No Hearth name, no script, no link back.
 */
export const NEUTRAL_PATH = '/recipes/lentil-soup';

const NEUTRAL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Simple red lentil soup</title>
</head>
<body>
<main>
<h1>Simple red lentil soup</h1>
<p>A warming soup for four that needs one pot and about half an hour.</p>
<h2>Ingredients</h2>
<ul>
<li>1 tablespoon olive oil</li>
<li>1 onion, chopped</li>
<li>2 carrots, diced</li>
<li>2 cloves garlic, crushed</li>
<li>1 teaspoon ground cumin</li>
<li>200 g red lentils, rinsed</li>
<li>1 litre vegetable stock</li>
<li>Juice of half a lemon, salt and pepper</li>
</ul>
<h2>Method</h2>
<ol>
<li>Warm the oil in a large pan and soften the onion and carrot for about eight minutes.</li>
<li>Stir in the garlic and cumin for a minute.</li>
<li>Add the lentils and stock, bring to the boil, then simmer for twenty minutes until the lentils are soft.</li>
<li>Blend until smooth, or leave it chunky. Season, and finish with the lemon juice.</li>
</ol>
<p>Keeps in the fridge for three days and freezes well.</p>
</main>
</body>
</html>
`;

export function helpRoutes(directory: HelpDirectory): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Public and the same for everyone: the app fetches it whenever Help opens, so the
  // request says nothing about whether anyone looked at the safety resources.
  app.get('/api/help/directory', (c) => c.json(directory));
  app.get(NEUTRAL_PATH, (c) => c.body(NEUTRAL_PAGE, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=86400' }));
  return app;
}
