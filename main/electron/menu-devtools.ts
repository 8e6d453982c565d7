// Packaged builds ship no way into DevTools: the View menu's "Toggle
// Developer Tools" is hidden and disabled (a disabled item's accelerator does
// not fire either), and windows are made with `devTools: false`.

/** The part of Electron's MenuItem this needs, so it can be tested without the binary. */
export interface MenuNode {
  role?: string | null;
  visible: boolean;
  enabled: boolean;
  submenu?: { items: MenuNode[] } | null;
}

const DEVTOOLS_ROLES = new Set(['toggledevtools']);

/** Hides and disables every DevTools item, however deep; returns how many it found. */
export function removeDevTools(items: MenuNode[]): number {
  let found = 0;
  for (const item of items) {
    if (item.role && DEVTOOLS_ROLES.has(item.role.toLowerCase())) {
      item.visible = false;
      item.enabled = false;
      found += 1;
    }
    if (item.submenu) found += removeDevTools(item.submenu.items);
  }
  return found;
}
