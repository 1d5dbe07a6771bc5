/** The deployment's key folder, for every command that touches the store (and for `serve`). */
import { assertKeyDirOutside, KeyRing, resolveKeyDir, useKeyRing } from '../store/keys.ts';
import type { Config } from './config.ts';

/**
 * Opens the deployment's key folder (`ELECT_KEY_DIR`, default ~/.config/elect-thb/keys), refusing
 * one inside the data folder, with the audit witness on; generates missing keys and says so.
 */
export function useDeploymentKeys(cfg: Config): KeyRing {
  const dir = resolveKeyDir();
  if (!cfg.databaseUrl) assertKeyDirOutside(dir, cfg.dataDir);
  const ring = KeyRing.open(dir, { witness: true });
  useKeyRing(ring);
  if (ring.generated.length) {
    console.error(
      `elect: generated ${ring.generated.join(', ')} in ${dir}. Back this folder up, apart from the data: without evidence.key the evidence cannot be read.`,
    );
  }
  return ring;
}
