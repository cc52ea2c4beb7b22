import { useEffect, type ReactNode } from 'react';
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
 * beside it.
 */
export function SidebarSlot({ mode, open, onClose, closeLabel, children }: SidebarSlotProps) {
  const drawer = mode !== 'wide';
  useEffect(() => {
    if (!drawer || !open) return;
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, [drawer, open, onClose]);
  if (!open) return null;
  if (!drawer) return <>{children}</>;
  return (
    <div className="sidebar-drawer" data-testid="sessions-drawer">
      {children}
      {/* For the pointer only: the keyboard closes the drawer with Escape or the Sessions button. */}
      <div className="drawer-backdrop" aria-hidden="true" title={closeLabel} onClick={onClose} />
    </div>
  );
}
