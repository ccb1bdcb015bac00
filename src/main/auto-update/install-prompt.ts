/**
 * The question main asks when an update is downloaded and checked: install
 * it when the person next quits, or not now. A native dialog, so it needs
 * nothing from the page; the auto-update service only asks outside calls.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';

export const INSTALL_ON_QUIT_BUTTON = 0;

export function installPromptOptions(appName: string, version: string): MessageBoxOptions {
  return {
    type: 'info',
    title: 'Update ready',
    message: `${appName} ${version} is ready to install`,
    detail: 'It has been downloaded and checked. It will be installed when you next quit the app, never during a call.',
    buttons: ['Install when I quit', 'Not now'],
    defaultId: INSTALL_ON_QUIT_BUTTON,
    cancelId: 1,
    noLink: true,
  };
}

/** Resolves true when the person chose "Install when I quit". */
export async function askToInstallOnQuit(
  dialog: Pick<Dialog, 'showMessageBox'>,
  window: BrowserWindow | null,
  appName: string,
  version: string,
): Promise<boolean> {
  const options = installPromptOptions(appName, version);
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === INSTALL_ON_QUIT_BUTTON;
}
