import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Core tables in db/schema.ts; each feature folder may add its own schema.ts.
  schema: ['./src/db/schema.ts', './src/*/schema.ts'],
  out: './src/db/migrations',
});
