import { useEffect, useRef, type ReactNode } from 'react';
import type { LayoutMode } from './use-media-query';

interface SidebarSlotProps {
  mode: LayoutMode;
  open: boolean;
  onClose: () => void;
  closeLabel: string;
  children: ReactNode;
}

/**
 * Where the sessions sidebar goes. On a wide window it sits beside the panes. On a narrow one (a 1024-px laptop,
 * a phone) it would leave the panes too little room, so it is a drawer over them, closed with Escape or a click
 * beside it. The drawer stays mounted while closed (hidden), so a search typed or an Undo offered is still there
 * when it opens again; opening moves the keyboard into it, closing gives focus back where it was.
 */
export function SidebarSlot({ mode, open, onClose, closeLabel, children }: SidebarSlotProps) {
  const drawer = mode !== 'wide';
  const box = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!drawer || !open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Into the search box (open the drawer, type to find), else the first control.
    (box.current?.querySelector<HTMLElement>('input[type="search"]') ?? box.current?.querySelector<HTMLElement>('input, button'))?.focus();
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Escape while renaming a session cancels the rename, and only that.
      const target = e.target as HTMLElement | null;
      if (target?.tagName === 'INPUT' && target.closest('.session')) return;
      onClose();
    };
    // In the capture phase: before the rename field's own handler removes it (and with it, where the key came from).
    window.addEventListener('keydown', key, true);
    return () => {
      window.removeEventListener('keydown', key, true);
      returnTo.current?.focus();
    };
  }, [drawer, open, onClose]);
  if (!drawer) return open ? <>{children}</> : null;
  return (
    <div ref={box} className="sidebar-drawer" data-testid="sessions-drawer" hidden={!open}>
      {children}
      {/* For the pointer only: the keyboard closes the drawer with Escape or the Sessions button. */}
      <div className="drawer-backdrop" aria-hidden="true" title={closeLabel} onClick={onClose} />
    </div>
  );
}
