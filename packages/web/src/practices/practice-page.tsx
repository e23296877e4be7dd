import { Link } from '../shared/router.tsx';
import { Page } from '../shared/ui.tsx';
import { PRACTICES } from './practices.ts';

export function PracticePage({ slug }: { slug: string }) {
  const practice = PRACTICES.find((p) => p.slug === slug);
  if (!practice) return null;
  return (
    <Page title={practice.name}>
      <p class="lead">{practice.description}</p>
      <p class="coming-soon">Coming soon</p>
      <p>
        <Link href="/app/today">Back to your day</Link>
      </p>
    </Page>
  );
}
