/** The same lookup `npm start` uses (scripts/local-stack/electron-binary.ts), so the two never disagree. */
export { findElectronBinary, type ElectronBinary } from '../../scripts/local-stack/electron-binary';
