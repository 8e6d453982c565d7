// Locks every web contents the app creates: no new windows, no navigation
// away from the renderer, no webviews, and no permissions but notifications.
import { app, session, shell, type WebContents } from 'electron';

export function lockDownWebContents(isAppUrl: (url: string) => boolean): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, grant) => {
    grant(permission === 'notifications');
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission) => permission === 'notifications',
  );
  app.on('web-contents-created', (_event, contents) => lockContents(contents, isAppUrl));
}

function lockContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links the operator clicks open in the system browser, and only http(s).
    // reviewed: only http(s) URLs reach the system browser, never file: or custom schemes
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
