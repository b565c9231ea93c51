import Fastify from 'fastify';
import { Pool } from 'pg';

/**
 * The HTTP benchmark's baseline, run as its own process like the app: a bare Fastify route that
 * takes the same submission body and does one plain INSERT of it, on the same database, with a
 * pool as large as the app's. No auth, no validation, no event store, no logging.
 * Env: DATABASE_URL, PORT; listens on 127.0.0.1 only.
 */
export const BARE_TABLE = 'bench_bare_applications';

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
  pool.on('error', () => undefined); // the bench drops the database at the end
  const app = Fastify({ bodyLimit: 2 * 1024 * 1024 });
  app.get('/health', () => Promise.resolve({ status: 'ok' }));
  app.post('/api/v1/applications', async (request, reply) => {
    const body = request.body as { id: string };
    await pool.query(`INSERT INTO ${BARE_TABLE} (id, body) VALUES ($1, $2)`, [body.id, body]);
    return reply.code(201).send({ id: body.id });
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
  const stop = (): void => {
    void app
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
