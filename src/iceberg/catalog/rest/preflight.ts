/**
 * Read-only checks before any table is touched, as for the SQL catalog: a --namespace or --table that matches
 * nothing is bad input, and the message lists what the catalog does have.
 */
import { IcebergError } from '../../errors.js';
import type { TableSelection } from '../preflight.js';
import type { RestCatalog } from './rest-catalog.js';

const SHOWN = 12;

function listed(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, SHOWN).map((n) => JSON.stringify(n)).join(', ');
  return names.length > SHOWN ? `${shown}, … (${names.length} in all)` : shown;
}

export async function checkRestSelection(catalog: RestCatalog, selection: TableSelection): Promise<void> {
  const { namespace, table, catalogName } = selection;
  if (namespace !== undefined) {
    const namespaces = (await catalog.listNamespaces()).map((levels) => levels.join('.'));
    if (!namespaces.includes(namespace)) {
      throw new IcebergError('INVALID_INPUT', `--namespace ${JSON.stringify(namespace)} matches no namespace of REST catalog ${catalogName}; its namespaces: ${listed(namespaces)}`, { hint: 'give one of those, levels joined with "."' });
    }
  }
  if (table !== undefined) {
    const tables = await catalog.listTables({ namespace });
    if (!tables.some((t) => t.name === table)) {
      const scope = namespace === undefined ? `REST catalog ${catalogName}` : `${catalogName}.${namespace}`;
      throw new IcebergError('INVALID_INPUT', `--table ${JSON.stringify(table)} matches no table of ${scope}; its tables: ${listed([...new Set(tables.map((t) => t.name))])}`, { hint: 'give one of those names' });
    }
  }
}
