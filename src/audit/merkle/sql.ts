/** Anything that runs SQL: a DataSource, a transaction's EntityManager. */
export interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}
