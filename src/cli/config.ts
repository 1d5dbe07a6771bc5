/** Configuration from the environment, overridable by command-line flags. */
export interface Config {
  dataDir: string;
  host: string;
  port: number;
  databaseUrl: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.ELECT_PORT ?? env.PORT ?? 8080);
  return {
    dataDir: env.ELECT_DATA_DIR ?? 'data',
    host: env.ELECT_HOST ?? '127.0.0.1',
    port: Number.isInteger(port) && port > 0 && port < 65536 ? port : 8080,
    databaseUrl: env.DATABASE_URL || undefined,
  };
}
