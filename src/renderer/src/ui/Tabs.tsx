import { useRef, type KeyboardEvent, type ReactNode } from 'react';

interface TabsProps<T extends string> {
  /** Names the tab list for screen readers. */
  label: string;
  tabs: readonly { id: T; label: ReactNode }[];
  selected: T;
  onSelect: (id: T) => void;
  className?: string;
  tabClassName?: string;
}

/**
 * A row of tabs as ARIA describes them: one tab stop for the row (the selected tab), arrow keys and Home/End move
 * between tabs and select them, so the keyboard does not have to walk through every tab to get past the row.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, className, tabClassName }: TabsProps<T>) {
  const row = useRef<HTMLDivElement>(null);
  const key = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.id === selected);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const index = (next + tabs.length) % tabs.length;
    const tab = tabs[index];
    if (!tab) return;
    onSelect(tab.id);
    row.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[index]?.focus();
  };
  return (
    <div ref={row} className={className} role="tablist" aria-label={label} onKeyDown={key}>
      {tabs.map((tab) => {
        const active = tab.id === selected;
        return (
          // A raw button, not ui/Button: a tab has no variant, and its tabindex, role and keys are the tab list's.
          <button key={tab.id} type="button" role="tab" aria-selected={active} tabIndex={active ? 0 : -1} className={[tabClassName, active ? 'active' : ''].filter(Boolean).join(' ')} onClick={() => onSelect(tab.id)}>
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
