/** Generated scenarios as an import format (demo case and training sandboxes). */
export * from './scenarioImporter.ts';
