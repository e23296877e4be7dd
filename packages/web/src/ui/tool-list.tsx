import type { LucideIcon } from 'lucide-preact';
import { ChevronRight } from 'lucide-preact';
import { Link } from '../shared/router.tsx';

export type Tool = {
  readonly href: string;
  readonly name: string;
  /** One line on what it is or where the couple is with it. */
  readonly description: string;
  readonly icon: LucideIcon;
};

/**
 * A hub's way into its tools (issue 19): one row each, icon, name and a line, the
 * whole row a link. Each tool is its own screen, so the hub stays short.
 */
export function ToolList({ label, tools }: { label: string; tools: readonly Tool[] }) {
  return (
    <ul class="tool-list" aria-label={label}>
      {tools.map((t) => {
        const Icon = t.icon;
        return (
          <li key={t.href}>
            <Link href={t.href} class="tool-row">
              <span class="tool-icon" aria-hidden="true">
                <Icon size={22} />
              </span>
              <span class="tool-text">
                <span class="tool-name">{t.name}</span>
                <span class="tool-desc">{t.description}</span>
              </span>
              <ChevronRight class="tool-chevron" aria-hidden="true" size={20} />
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
