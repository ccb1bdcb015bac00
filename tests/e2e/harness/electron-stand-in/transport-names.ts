/** Names shared by the page side (electron.ts, bundled into the preload) and the test side (real-preload.ts). */

/** The Playwright binding that carries `ipcRenderer.invoke` to the ipcMain stand-in. */
export const INVOKE_BINDING = '__camPartyIpcInvoke';
/** Where the page keeps the function that delivers a main → renderer message to `ipcRenderer.on` listeners. */
export const DELIVER_GLOBAL = '__camPartyIpcDeliver';
