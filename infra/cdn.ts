// The CDN in front of the GraphQL API: a CloudFront distribution whose only origin is the stage's
// API Gateway. It keeps what the API marks `public, max-age=N` (public catalogue reads sent as
// GET, schema/shared/cache-control.ts) for those N seconds and nothing else: every other answer
// says no-store, or says nothing (the cache's default is then 0 seconds).
//
// Production only: a CloudFront distribution takes minutes to create and to delete, which would
// slow every pr-N preview's deploy and removal, and developers of other stages want the API's
// own answers; the API's behaviour (the headers) is the same on every stage and tested there.
//
// CloudFront keys its cache on what the cache policy names and ignores Vary, so the key holds
// what an answer depends on besides the URL (the query string carries the operation):
// Authorization (a token never meets an anonymous entry, and CloudFront forwards the header only
// when it is in the key), Accept-Language (names are translated) and Origin (the CORS headers
// name the calling origin). Every method reaches the origin (POST for operations, OPTIONS for
// CORS preflights; CloudFront allows POST only with all seven methods, and API Gateway answers
// the others with 404); only GET and HEAD are cached.

/** AWS's managed origin request policy "AllViewerExceptHostHeader": every viewer header, cookie and query string, but not Host, which API Gateway needs to be its own. */
export const ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

/** The longest CloudFront keeps an answer, whatever its max-age says: a mistaken long hint is held ten minutes at most. */
export const MAX_TTL_SECONDS = 600;

/** The stage's CDN for the API at `apiUrl` (https://<id>.execute-api.<region>.amazonaws.com), or null where the stage has none. */
export function apiCdn(apiUrl: SstOutput<string>): sst.aws.Cdn | null {
  if ($app.stage !== "production") return null;
  const cachePolicy = new aws.cloudfront.CachePolicy("ApiCachePolicy", {
    comment: "GraphQL API: the origin's Cache-Control, keyed on the query, the token, the language and the origin",
    minTtl: 0,
    defaultTtl: 0,
    maxTtl: MAX_TTL_SECONDS,
    parametersInCacheKeyAndForwardedToOrigin: {
      cookiesConfig: { cookieBehavior: "none" },
      headersConfig: { headerBehavior: "whitelist", headers: { items: ["Authorization", "Accept-Language", "Origin"] } },
      queryStringsConfig: { queryStringBehavior: "all" },
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    },
  });
  return new sst.aws.Cdn("ApiCdn", {
    comment: "GraphQL API",
    origins: [
      {
        originId: "api",
        domainName: apiUrl.apply((url) => new URL(url).host),
        customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
      },
    ],
    defaultCacheBehavior: {
      targetOriginId: "api",
      // A redirect would turn a POST into a GET; plain HTTP is refused instead.
      viewerProtocolPolicy: "https-only",
      allowedMethods: ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"],
      cachedMethods: ["GET", "HEAD"],
      compress: true,
      cachePolicyId: cachePolicy.id,
      originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
    },
  });
}
