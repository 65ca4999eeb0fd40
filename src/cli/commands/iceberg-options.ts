/**
 * The option declarations the Iceberg maintenance commands share: which catalog and tables, and where the files
 * are. Declared once so every command spells, describes and checks them alike.
 */
import { flag, option, repeatable, required } from '../options/define.js';
import { enumValue } from '../options/enum.js';
import { intValue } from '../options/int.js';
import { pathValue } from '../options/path.js';
import { shardValue } from '../options/shard.js';
import { textValue } from '../options/text.js';
import { urlValue } from '../options/url.js';
import type { FileSettings } from '../../iceberg/job/options.js';
import type { Values } from './command.js';
import { CATALOG_TYPES, SSL_MODES, catalogUriValue, displayCatalogUri, locationMappingValue } from './iceberg-values.js';

export const CATALOG_GROUP = 'Catalog';
export const FILES_GROUP = 'Files';

/** The help's notes for the commands that take catalogOptions and fileOptions. */
export const ICEBERG_ENVIRONMENT_NOTES = `Environment: ICEBERG_CATALOG_URI or DATABASE_URL (a URI that may hold the password), PGPASSWORD,
PGHOST, PGPORT, PGUSER, PGDATABASE, PGSSLMODE; S3 credentials from the AWS chain.
REST catalog: GUARDRAILS_ICEBERG_REST_CREDENTIAL (client_id:secret, OAuth2 client credentials) or
GUARDRAILS_ICEBERG_REST_TOKEN (a bearer token); vended S3 credentials are used where offered.
Progress goes to stderr, reports to stdout.`;

export const catalogOptions = {
  'catalog-type': option({ placeholder: 'sql|rest', description: 'sql: a PostgreSQL SQL catalog; rest: an Iceberg REST catalog (docs/iceberg-rest-catalog.md) (default sql)', env: 'ICEBERG_CATALOG_TYPE', parse: enumValue(CATALOG_TYPES), fallback: 'sql' as const, group: CATALOG_GROUP }),
  'catalog-uri': option({
    placeholder: 'URI',
    description: 'sql: postgres://USER@HOST:5432/DATABASE, no password (default $ICEBERG_CATALOG_URI, then $DATABASE_URL, then PGHOST/PGUSER/…); rest: https://HOST/PATH before /v1 (default $ICEBERG_CATALOG_URI)',
    parse: catalogUriValue,
    display: displayCatalogUri,
    group: CATALOG_GROUP,
  }),
  'catalog-name': required({ placeholder: 'NAME', description: 'catalog_name of the tables in iceberg_tables (rest: the name reports give the catalog)', env: 'ICEBERG_CATALOG_NAME', parse: textValue(), group: CATALOG_GROUP }),
  'catalog-warehouse': option({ placeholder: 'WAREHOUSE', description: 'rest: the warehouse to ask /v1/config for', env: 'ICEBERG_CATALOG_WAREHOUSE', parse: textValue(), group: CATALOG_GROUP }),
  'catalog-oauth2-server-uri': option({ placeholder: 'URL', description: "rest: the OAuth2 token endpoint for GUARDRAILS_ICEBERG_REST_CREDENTIAL (default the catalog's /v1/oauth/tokens)", env: 'GUARDRAILS_ICEBERG_REST_OAUTH2_SERVER_URI', parse: urlValue({ credentialsFrom: 'GUARDRAILS_ICEBERG_REST_CREDENTIAL' }), group: CATALOG_GROUP }),
  'catalog-ssl-mode': option({ placeholder: 'MODE', description: `${SSL_MODES.join(', ')} (default: sslmode in the URI, else $PGSSLMODE)`, parse: enumValue(SSL_MODES), group: CATALOG_GROUP }),
  'catalog-pool-size': option({ placeholder: 'N', description: 'PostgreSQL connections, 1-64 (default 4)', parse: intValue(1, 64), fallback: 4, group: CATALOG_GROUP }),
  namespace: option({ placeholder: 'NS', description: "Only this namespace (levels joined with '.')", parse: textValue(), group: CATALOG_GROUP }),
  table: option({ placeholder: 'NAME', description: 'Only this table', parse: textValue(), group: CATALOG_GROUP }),
  shard: option({ placeholder: 'K/N', description: 'Only tables hashing to shard K of N (K from 0), for matrix and indexed jobs (default 0/1)', parse: shardValue, fallback: { index: 0, count: 1 }, group: CATALOG_GROUP }),
};

export const fileOptions = {
  warehouse: option({ placeholder: 'DIR', description: 'Base for relative table locations (default: the working directory)', parse: pathValue('dir'), group: FILES_GROUP }),
  'map-location': repeatable({ placeholder: 'PREFIX=TARGET', description: 'Read, list and delete PREFIX/… under TARGET instead; with any mapping, nothing outside is touched', parse: locationMappingValue, group: FILES_GROUP }),
  's3-endpoint': option({ placeholder: 'URL', description: 'S3-compatible endpoint (MinIO, Ceph, …); credentials from the AWS chain', env: 'AWS_ENDPOINT_URL_S3', parse: urlValue({ credentialsFrom: 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the AWS credential chain)' }), group: FILES_GROUP }),
  's3-region': option({ placeholder: 'REGION', description: 'S3 region (default us-east-1)', env: 'AWS_REGION', parse: textValue(/^[a-z0-9-]+$/, 'an AWS region such as eu-west-1'), group: FILES_GROUP }),
  's3-path-style': flag('Path-style S3 requests (most S3-compatible stores)', { group: FILES_GROUP }),
  'max-concurrent-deletes': option({ placeholder: 'N', description: 'Parallel deletes or DeleteObjects batches of 1,000, 1-256 (default 16)', parse: intValue(1, 256), fallback: 16, group: FILES_GROUP }),
};

/** Where the files are, from the file options: relative table locations resolve against `cwd` by default. */
export function fileSettingsOf(values: Values<typeof fileOptions>, cwd: string): FileSettings {
  return {
    warehouse: values.warehouse ?? cwd,
    locationMappings: values['map-location'],
    s3: { endpoint: values['s3-endpoint'], region: values['s3-region'], forcePathStyle: values['s3-path-style'] },
    maxConcurrentDeletes: values['max-concurrent-deletes'],
  };
}
