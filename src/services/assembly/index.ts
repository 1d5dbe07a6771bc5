/** The assembly capability's public face: run by every importer inside its transaction. */
export {
  assemble,
  assembles,
  assemblyDetail,
  type AssemblyContext,
  type AssemblyJoin,
  type AssemblyReport,
} from './assemble.ts';
export { Redirects } from './redirects.ts';
