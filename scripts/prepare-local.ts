import { count } from 'drizzle-orm';
import { closeDb, getDb, usesEmbeddedDatabase } from '@/db/client';
import { members } from '@/db/schema';
import { seedDemoData } from '@/db/seed';

// `npm run dev` on a fresh clone: the embedded database migrates on first use; seed it once so there is something to see.
// It runs before the dev server starts because PGlite allows one process per data folder.
if (usesEmbeddedDatabase()) {
  const db = await getDb();
  const [row] = await db.select({ total: count() }).from(members);
  if ((row?.total ?? 0) === 0) {
    const { members: loaded } = await seedDemoData(db);
    console.log(`Embedded database created and seeded with ${loaded} demo members.`);
  }
  await closeDb();
}
