/**
 * The version of everything Objector stores or exports: the history, the settings and the export file
 * share this one number and one migration chain (migrations.ts). Raise it together with a new step there
 * and a fixture `tests/fixtures/storage/v<old>.json`.
 */
export const DATA_VERSION = 2;
