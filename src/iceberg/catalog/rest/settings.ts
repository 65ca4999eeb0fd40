/** What a REST catalog client is given, as typed values: the command layer resolves flags and variables into these. */

/** How requests are authenticated: an OAuth2 client-credentials grant, a fixed bearer token, or nothing. */
export type RestAuth =
  | { readonly kind: 'none' }
  | { readonly kind: 'bearer'; readonly token: string }
  | {
      readonly kind: 'oauth2';
      readonly clientId: string;
      readonly clientSecret: string;
      /** The token endpoint; undefined → the catalog's own (deprecated) `/v1/oauth/tokens`. */
      readonly serverUri: string | undefined;
      readonly scope: string;
    };

export interface RestCatalogSettings {
  /** Base URI, without a trailing slash (`https://host/api/catalog`); never holds credentials. */
  readonly uri: string;
  /** Sent as `?warehouse=` to `/v1/config`. */
  readonly warehouse: string | undefined;
  readonly auth: RestAuth;
  /** Per request, including the token request. */
  readonly requestTimeoutMs: number;
}

/** Java's and PyIceberg's default OAuth2 scope. */
export const DEFAULT_SCOPE = 'catalog';
