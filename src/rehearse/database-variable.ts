// Its own module so the CLI's help can name it without loading the rehearsal (and its load
// generator) at start-up.
/** The variable naming a scratch PostgreSQL database for a rehearsal's migrations. */
export const REHEARSAL_DATABASE_VARIABLE = 'DHASH_REHEARSAL_DATABASE_URL';
