// A packaged build's menu holds no working DevTools item, however deep.
import { describe, expect, it } from 'vitest';
import { removeDevTools, type MenuNode } from './menu-devtools';

const item = (role?: string, items?: MenuNode[]): MenuNode => ({
  role,
  visible: true,
  enabled: true,
  submenu: items ? { items } : null,
});

describe('removeDevTools', () => {
  it('hides and disables DevTools items in any submenu, and leaves the rest', () => {
    const devtools = item('toggleDevTools');
    const nested = item('toggledevtools');
    const reload = item('reload');
    const menu = [
      item('fileMenu', [item('quit')]),
      item('viewMenu', [reload, devtools, item(undefined, [nested])]),
    ];
    expect(removeDevTools(menu)).toBe(2);
    for (const node of [devtools, nested]) {
      expect(node.visible).toBe(false);
      expect(node.enabled).toBe(false);
    }
    expect(reload).toMatchObject({ visible: true, enabled: true });
  });
});
