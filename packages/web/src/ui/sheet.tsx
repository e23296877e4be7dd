import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { X } from 'lucide-preact';

export type SheetProps = {
  readonly title: string;
  readonly children: ComponentChildren;
  readonly onClose: () => void;
  /** While true (a save in flight), Escape and the close button do nothing. */
  readonly busy?: boolean;
};

/**
 * A bottom sheet on a phone and a centred panel on a wide screen: a modal `<dialog>`,
 * so focus is trapped and returned by the browser, Escape closes it, and everything
 * behind it is inert for screen readers. Mounted when shown, unmounted when closed.
 */
export function Sheet({ title, children, onClose, busy = false }: SheetProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="sheet"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      onClick={(e) => {
        // A tap on the backdrop (the dialog element itself, outside its panel) closes it.
        if (e.target === dialog.current && !busy) onClose();
      }}
    >
      <div class="sheet-panel">
        <div class="sheet-head">
          <h2 id={`${id}-title`}>{title}</h2>
          <button type="button" class="icon-button" aria-label="Close" onClick={onClose} disabled={busy}>
            <X aria-hidden="true" size={22} />
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
